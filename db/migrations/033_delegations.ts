import type { Knex } from 'knex';

/**
 * Delegation to the pilot towns (赋权, issue 14; docs/delegations.md):
 * - delegations: a deed (赋权委托书) by which a county department (the
 *   delegating body) lets a town accept, review and/or decide some catalogue
 *   items in its name, for a term, published on a date; an aggregate with its
 *   own machine (published → revoked). Expiry is read from the term by date.
 * - delegation_items: the deed's items, one row each (cases look deeds up by item).
 * - cases.delegation_deed_no: the deed a case was filed under (kept for life);
 *   cases.current_deed_no: the deed of the step the case is at (the town's
 *   department desk works it), derived with the other current_* columns.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('delegations', (t) => {
    t.increments('id').primary();
    t.string('deed_no', 40).notNullable().unique();
    t.string('department', 32).notNullable();
    t.string('county_code', 12).notNullable();
    t.string('town_code', 12).notNullable();
    t.string('town_name', 64).notNullable();
    t.string('title', 200).notNullable();
    t.text('scope').notNullable(); // JSON: subset of ["accept","review","decide"]
    t.string('valid_from', 10).notNullable();
    t.string('valid_to', 10).notNullable();
    t.string('published_on', 10).notNullable();
    t.string('revoked_on', 10).nullable();
    t.string('revoke_reason', 500).nullable();
    t.string('state', 16).notNullable();
    t.integer('row_version').notNullable();
    t.integer('last_seq').notNullable();
    t.string('created_at', 32).notNullable();
    t.string('updated_at', 32).notNullable();
    t.index(['town_code', 'department'], 'delegations_town');
  });
  await knex.schema.createTable('delegation_items', (t) => {
    t.integer('delegation_id').unsigned().notNullable();
    t.string('item_code', 40).notNullable();
    t.primary(['delegation_id', 'item_code']);
    t.index(['item_code'], 'delegation_items_item');
  });
  await knex.schema.alterTable('cases', (t) => {
    t.string('delegation_deed_no', 40).nullable();
    t.string('current_deed_no', 40).nullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('cases', (t) => {
    t.dropColumn('current_deed_no');
    t.dropColumn('delegation_deed_no');
  });
  await knex.schema.dropTableIfExists('delegation_items');
  await knex.schema.dropTableIfExists('delegations');
}
