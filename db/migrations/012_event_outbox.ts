import type { Knex } from 'knex';

/**
 * The case event table is its own outbox (issue 10: fewer writes per
 * transition). A transition writes one event row that says it is still to be
 * published (`unpublished` = true; NULL once published, so old rows need no
 * backfill) and carries whom else to tell (`fanout`: the desks the case left
 * and reached, its centre path, an urging notice), and how the clock changed
 * (`clock_change`: start/pause/resume/stop with its owner, the intervals the
 * separate table used to hold). Unpublished outbox rows move onto their
 * events; the outbox table goes.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('case_events', (t) => {
    t.boolean('unpublished').nullable();
    t.text('fanout').nullable();
    t.string('clock_change', 24).nullable();
    t.index(['unpublished', 'id']);
  });
  const pending = await knex('outbox').whereNull('published_at').orderBy('id').select('case_event_id', 'payload');
  for (const row of pending) {
    const { live: _live, ...fanout } = JSON.parse(row.payload as string) as Record<string, unknown>;
    await knex('case_events').where({ id: row.case_event_id }).update({ unpublished: true, fanout: JSON.stringify(fanout) });
  }
  await knex.schema.dropTable('outbox');
}

export async function down(knex: Knex): Promise<void> {
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
  await knex.schema.alterTable('case_events', (t) => {
    t.dropIndex(['unpublished', 'id']);
    t.dropColumn('unpublished');
    t.dropColumn('fanout');
    t.dropColumn('clock_change');
  });
}
