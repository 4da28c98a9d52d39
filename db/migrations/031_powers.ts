import type { Knex } from 'knex';

/**
 * Power and responsibility lists (权力清单 / 责任清单, issue 14; docs/powers.md):
 * - power_lists: one list per holding jurisdiction (the city's, each county's);
 * - power_versions: a version of a list, an aggregate (draft → published) on the
 *   one command path; `kind` review (梳理底数) or list (公布清单), `base_seq` the
 *   version it was adjusted from;
 * - power_bodies: implementing bodies (实施主体) of a jurisdiction with the
 *   supervision phone (监督电话); `kind` the department kind where there is one;
 * - power_names: the names, once (the same power is held by many counties);
 * - power_entries: an entry is valid from version `from_seq` up to, not
 *   including, `to_seq` (null: still valid), so a version is not a copy; the
 *   change that started (add, merge) and ended (cut, merge, move) it;
 * - power_changes: each adjustment with its reason and basis (one may reach
 *   many entries: a decision cutting a department's internal matters);
 * - power_duties: responsibility matters (责任事项) with basis, accountability
 *   cases (追责情形) and whom they reach (追责对象): an entry's own, or the
 *   standard ones of its type (entry_id null);
 * - item_powers: the power each catalogue item implements.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('power_lists', (t) => {
    t.increments('id').primary();
    t.string('jurisdiction_code', 12).notNullable().unique();
    t.string('level', 12).notNullable();
    t.string('name', 100).notNullable();
  });
  await knex.schema.createTable('power_versions', (t) => {
    t.increments('id').primary();
    t.integer('list_id').unsigned().notNullable();
    t.integer('seq').notNullable();
    t.string('name', 100).notNullable();
    t.string('kind', 8).notNullable();
    t.integer('base_seq').nullable();
    t.string('decided_on', 10).nullable();
    t.string('document', 200).nullable();
    t.string('state', 12).notNullable();
    t.text('machine_context').notNullable();
    t.integer('row_version').notNullable();
    t.integer('last_seq').notNullable();
    t.string('created_at', 32).notNullable();
    t.string('updated_at', 32).notNullable();
    t.unique(['list_id', 'seq'], { indexName: 'power_versions_list_seq' });
  });
  await knex.schema.createTable('power_bodies', (t) => {
    t.increments('id').primary();
    t.integer('list_id').unsigned().notNullable();
    t.string('name', 100).notNullable();
    t.string('kind', 16).nullable();
    t.string('phone', 32).nullable();
    t.unique(['list_id', 'name'], { indexName: 'power_bodies_list_name' });
  });
  await knex.schema.createTable('power_names', (t) => {
    t.increments('id').primary();
    t.string('name', 200).notNullable().unique();
  });
  await knex.schema.createTable('power_changes', (t) => {
    t.increments('id').primary();
    t.integer('list_id').unsigned().notNullable();
    t.integer('version_seq').notNullable();
    t.string('kind', 8).notNullable();
    t.string('reason', 500).notNullable();
    t.string('basis', 500).notNullable();
    t.string('to_level', 12).nullable();
    t.string('actor_name', 64).notNullable();
    t.string('created_at', 32).notNullable();
    t.index(['list_id', 'version_seq'], 'power_changes_version');
  });
  await knex.schema.createTable('power_entries', (t) => {
    t.increments('id').primary();
    t.integer('list_id').unsigned().notNullable();
    t.integer('serial').notNullable();
    t.integer('type').notNullable(); // 1–10, POWER_TYPES order
    t.integer('body_id').unsigned().notNullable();
    t.integer('name_id').unsigned().notNullable();
    t.string('scope', 8).nullable();
    t.string('basis', 500).nullable();
    t.integer('from_seq').notNullable();
    t.integer('to_seq').nullable();
    t.integer('start_change_id').unsigned().nullable();
    t.integer('end_change_id').unsigned().nullable();
    // One index: a list's entries (every query names the list) in code order. A second index on the
    // 100,000 seeded rows cost a second of the test template's seed and a megabyte (tests/globalSetup.ts).
    t.unique(['list_id', 'serial'], { indexName: 'power_entries_serial' });
  });
  await knex.schema.createTable('power_duties', (t) => {
    t.increments('id').primary();
    t.integer('entry_id').unsigned().nullable();
    t.integer('power_type').nullable();
    t.integer('seq').notNullable();
    t.string('matter', 500).notNullable();
    t.string('basis', 500).notNullable();
    t.string('accountability', 1000).notNullable();
    t.string('targets', 200).notNullable();
    t.index(['entry_id'], 'power_duties_entry');
    t.index(['power_type'], 'power_duties_type');
  });
  await knex.schema.createTable('item_powers', (t) => {
    t.string('item_code', 32).primary();
    t.integer('entry_id').unsigned().notNullable();
    t.index(['entry_id'], 'item_powers_entry');
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const t of ['item_powers', 'power_duties', 'power_entries', 'power_changes', 'power_names', 'power_bodies', 'power_versions', 'power_lists']) await knex.schema.dropTableIfExists(t);
}
