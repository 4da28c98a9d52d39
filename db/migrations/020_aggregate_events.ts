import type { Knex } from 'knex';

/**
 * The one command path, generalised (issue 11: the e-licence is the first
 * aggregate besides the case; market orders and projects follow). Every
 * aggregate other than the case writes its events to `aggregate_events`,
 * which, like `case_events`, is its own outbox (`unpublished` true until
 * published; `live` holds the rooms and the message). An e-licence now has a
 * machine of its own: its state and context, a row version for the version
 * check, its last event's sequence number, and the issuing department (the
 * desk that may change it).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('aggregate_events', (t) => {
    t.increments('id').primary();
    t.string('aggregate', 24).notNullable();
    t.integer('aggregate_id').unsigned().notNullable();
    t.integer('seq').notNullable();
    t.string('type', 32).notNullable();
    t.string('from_state', 32).nullable();
    t.string('to_state', 32).notNullable();
    t.integer('actor_user_id').unsigned().nullable();
    t.string('actor_role', 24).notNullable();
    t.string('actor_name', 100).notNullable();
    t.text('reason').nullable();
    t.text('payload').notNullable();
    t.text('live').nullable();
    t.boolean('unpublished').nullable();
    t.string('created_at', 32).notNullable();
    t.unique(['aggregate', 'aggregate_id', 'seq'], { indexName: 'aggregate_events_seq' });
    t.index(['unpublished', 'id'], 'aggregate_events_outbox');
  });
  await knex.schema.alterTable('e_licences', (t) => {
    t.string('state', 16).notNullable().defaultTo('valid');
    t.text('machine_context').nullable();
    t.integer('row_version').notNullable().defaultTo(1);
    t.integer('last_seq').notNullable().defaultTo(0);
    t.string('status_note', 500).nullable();
    t.string('status_changed_at', 32).nullable();
    t.string('superseded_by', 100).nullable();
    t.string('issuer_department', 64).nullable();
    t.index(['jurisdiction_code', 'issuer_department'], 'e_licences_issuer');
  });
  // The issuing department of licences issued before: the decide step of their case's route.
  const rows = await knex('e_licences').join('cases', 'cases.id', 'e_licences.case_id').select('e_licences.id', 'cases.snapshot');
  for (const r of rows) {
    const snap = typeof r.snapshot === 'string' ? JSON.parse(r.snapshot) : r.snapshot;
    const decide = (snap?.context?.route ?? []).find((s: { kind: string }) => s.kind === 'decide');
    await knex('e_licences').where({ id: r.id }).update({ issuer_department: decide?.department ?? 'government' });
  }
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('e_licences', (t) => {
    t.dropIndex(['jurisdiction_code', 'issuer_department'], 'e_licences_issuer');
    for (const c of ['state', 'machine_context', 'row_version', 'last_seq', 'status_note', 'status_changed_at', 'superseded_by', 'issuer_department']) t.dropColumn(c);
  });
  await knex.schema.dropTable('aggregate_events');
}
