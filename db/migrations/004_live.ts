import type { Knex } from 'knex';

/**
 * What a watcher is sent for each event (state, step, light, deadline after
 * it), kept on the event row so a reconnecting client's replay comes from the
 * case event table itself.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('case_events', (t) => {
    t.text('live_payload').nullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('case_events', (t) => {
    t.dropColumn('live_payload');
  });
}
