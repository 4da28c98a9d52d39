import type { Knex } from 'knex';

/**
 * A revision the step-duration digests (db/repositories/durationDigests.ts)
 * are checked against: bumped when durations land on a day already closed
 * (an event published after midnight, a publisher that was down, a rebuild),
 * so that a process drops the digests it keeps of closed days.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('read_model_revisions', (t) => {
    t.string('name', 32).primary();
    t.bigInteger('revision').notNullable();
  });
  await knex('read_model_revisions').insert({ name: 'closed-day-durations', revision: 0 });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('read_model_revisions');
}
