import type { Knex } from 'knex';

/**
 * Returns and urging (督办/催办). On the case, two columns derived from the
 * machine context (written with every transition, like `state`), so a desk's
 * queue can mark and pin in SQL: `is_returned` (came back down, not yet
 * forwarded again) and `urge_reply_by` (a supervisor's urge awaits the desk's
 * reply by this date; null when none). `urgings` lists every urge, reply,
 * applicant's 催办 and automatic escalation with where it points, for the
 * supervisors' lists; the history row is in case_events as for any event.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('cases', (t) => {
    t.boolean('is_returned').notNullable().defaultTo(false);
    t.string('urge_reply_by', 10).nullable();
  });
  await knex.schema.createTable('urgings', (t) => {
    t.increments('id').primary();
    t.integer('case_id').unsigned().notNullable().references('id').inTable('cases');
    t.integer('case_event_id').unsigned().notNullable();
    /** urge (supervisor), reply (desk), applicant (催办), escalate (system, to the level above). */
    t.string('kind', 16).notNullable();
    t.text('reason').nullable();
    t.string('reply_by', 10).nullable();
    /** Whose attention it asks for: the desk's level and jurisdiction, or the supervisor above for escalations. */
    t.string('to_level', 16).notNullable();
    t.string('to_jurisdiction', 12).notNullable();
    /** The working day an applicant's 催办 counts for; null for other kinds (NULLs never collide in the unique index). */
    t.string('applicant_day', 10).nullable();
    t.integer('by_user_id').unsigned().nullable();
    t.string('by_name', 64).notNullable();
    t.string('created_at', 23).notNullable();
    t.unique(['case_id', 'applicant_day']);
    t.index(['to_jurisdiction', 'kind']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('urgings');
  await knex.schema.alterTable('cases', (t) => {
    t.dropColumn('is_returned');
    t.dropColumn('urge_reply_by');
  });
}
