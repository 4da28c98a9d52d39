import type { Knex } from 'knex';

/** Cases, their append-only history, the outbox, timers and clock intervals. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('cases', (t) => {
    t.increments('id').primary();
    t.string('case_no', 24).notNullable().unique();
    t.string('query_code_hash', 64).notNullable();
    t.string('query_code_salt', 32).notNullable();
    t.integer('item_id').unsigned().notNullable().references('id').inTable('items');
    t.string('item_code', 32).notNullable();
    t.string('applicant_name', 64).notNullable();
    t.string('applicant_id_number', 32).notNullable();
    t.string('applicant_phone', 20).notNullable();
    t.integer('applicant_user_id').unsigned().nullable().references('id').inTable('users');
    t.integer('filed_by_user_id').unsigned().nullable().references('id').inTable('users');
    t.string('centre_code', 12).notNullable().references('code').inTable('service_centres');
    t.string('centre_path', 80).notNullable();
    t.string('state', 24).notNullable();
    t.integer('step_index').notNullable();
    t.string('step_kind', 16).notNullable();
    t.string('current_level', 16).notNullable();
    t.string('current_jurisdiction', 12).notNullable();
    t.string('current_department', 32).nullable();
    t.text('snapshot', 'mediumtext').notNullable();
    t.integer('version').notNullable();
    t.integer('last_seq').notNullable();
    t.string('clock_phase', 16).notNullable();
    t.string('clock_started_on', 10).notNullable();
    t.integer('clock_limit_days').notNullable();
    t.integer('clock_paused_days').notNullable();
    t.string('clock_paused_since', 10).nullable();
    t.string('clock_pause_kind', 16).nullable();
    // While running, the light is derived from these two dates; while paused/stopped it is frozen in `light`.
    t.string('deadline_on', 10).nullable();
    t.string('yellow_on', 10).nullable();
    t.string('light', 8).notNullable();
    t.text('materials').notNullable();
    t.text('delivery').notNullable();
    t.string('filed_at', 23).notNullable();
    t.string('accepted_at', 23).nullable();
    t.string('decided_at', 23).nullable();
    t.string('closed_at', 23).nullable();
    t.string('updated_at', 23).notNullable();
    t.index(['current_jurisdiction', 'state', 'deadline_on']);
    t.index(['centre_path']);
    t.index(['state']);
    t.index(['applicant_user_id']);
  });
  await knex.schema.createTable('case_events', (t) => {
    t.increments('id').primary();
    t.integer('case_id').unsigned().notNullable().references('id').inTable('cases');
    t.integer('seq').notNullable();
    t.string('type', 24).notNullable();
    t.string('from_state', 24).nullable();
    t.string('to_state', 24).notNullable();
    t.integer('actor_user_id').unsigned().nullable();
    t.string('actor_role', 16).notNullable();
    t.string('actor_name', 64).notNullable();
    t.string('level', 16).nullable();
    t.string('jurisdiction_code', 12).nullable();
    t.text('opinion').nullable();
    t.text('payload').notNullable();
    t.string('created_at', 23).notNullable();
    t.unique(['case_id', 'seq']);
  });
  await knex.schema.createTable('outbox', (t) => {
    t.increments('id').primary();
    t.integer('case_id').unsigned().notNullable();
    t.integer('case_event_id').unsigned().notNullable();
    t.string('topic', 32).notNullable();
    t.text('payload').notNullable();
    t.string('created_at', 23).notNullable();
    t.string('published_at', 23).nullable();
    t.index(['published_at', 'id']);
  });
  await knex.schema.createTable('timers', (t) => {
    t.increments('id').primary();
    t.integer('case_id').unsigned().notNullable();
    t.string('kind', 24).notNullable();
    t.string('due_at', 23).notNullable();
    t.integer('case_version').notNullable();
    t.text('payload').notNullable();
    t.string('claimed_by', 64).nullable();
    t.string('claimed_at', 23).nullable();
    t.string('fired_at', 23).nullable();
    t.string('created_at', 23).notNullable();
    t.index(['fired_at', 'due_at']);
    t.index(['case_id']);
  });
  await knex.schema.createTable('case_clock_intervals', (t) => {
    t.increments('id').primary();
    t.integer('case_id').unsigned().notNullable();
    t.string('phase', 16).notNullable();
    // Whose time it was: the office's, the applicant's (补正), or a special procedure's.
    t.string('owner', 16).notNullable();
    t.string('started_at', 23).notNullable();
    t.string('ended_at', 23).nullable();
    t.index(['case_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const table of ['case_clock_intervals', 'timers', 'outbox', 'case_events', 'cases']) {
    await knex.schema.dropTableIfExists(table);
  }
}
