import type { Knex } from 'knex';

/**
 * The function-transfer list (职能转移, “the fifth list”, issue 14; docs/transfers.md):
 * - transfer_units: the city units that transfer functions (departments, 参公 institutions,
 *   fiscally funded mass organisations);
 * - transfer_orgs: receiving organisations (承接主体: 社会团体, 社会服务机构, 基金会) with their
 *   credit rating; an aggregate whose machine keeps its place in the qualified directory
 *   (qualified → probation → removed) as annual evaluations are recorded;
 * - transfer_functions: each transferred function (from which unit, what, how, to whom; whether
 *   the unit issued its implementation plan); a function transferred by commission is also an
 *   entry of the purchasable-services directory (transfer_services);
 * - transfer_agreements: an agreement between a unit and an organisation (term, money,
 *   deliverables), an aggregate created by the one command path;
 * - transfer_evaluations: the annual evaluation (年度考评) of an organisation: score, grade and the
 *   consequence the command applied.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('transfer_units', (t) => {
    t.increments('id').primary();
    t.string('code', 16).notNullable().unique();
    t.string('name', 100).notNullable();
    t.string('kind', 16).notNullable(); // department | institution | mass_org
  });
  await knex.schema.createTable('transfer_orgs', (t) => {
    t.increments('id').primary();
    t.string('name', 200).notNullable().unique();
    t.string('uscc', 18).notNullable().unique();
    t.string('kind', 16).notNullable(); // social_group 社会团体 | social_service 社会服务机构 | foundation 基金会
    t.string('registered_on', 10).notNullable();
    t.string('credit_rating', 4).nullable(); // 5A … 1A; null: not rated
    t.string('state', 16).notNullable(); // qualified | probation | removed
    t.text('machine_context').notNullable();
    t.integer('row_version').notNullable();
    t.integer('last_seq').notNullable();
    t.string('removed_on', 10).nullable();
    t.string('created_at', 32).notNullable();
    t.index(['state', 'id'], 'transfer_orgs_state');
  });
  await knex.schema.createTable('transfer_functions', (t) => {
    t.increments('id').primary();
    t.string('code', 16).notNullable().unique();
    t.integer('unit_id').unsigned().notNullable();
    t.string('name', 200).notNullable();
    t.string('category', 24).notNullable();
    t.string('mode', 12).notNullable(); // direct 直接转移 | commission 委托（购买服务）
    t.integer('org_id').unsigned().notNullable();
    t.string('transferred_on', 10).notNullable();
    t.boolean('plan_issued').notNullable();
    t.index(['unit_id', 'id'], 'transfer_functions_unit');
    t.index(['org_id'], 'transfer_functions_org');
  });
  await knex.schema.createTable('transfer_services', (t) => {
    t.increments('id').primary();
    t.string('code', 16).notNullable().unique();
    t.string('name', 200).notNullable();
    t.string('category', 24).notNullable(); // the directory's five classes
    t.integer('unit_id').unsigned().notNullable();
    t.integer('function_id').unsigned().nullable();
    t.index(['category', 'id'], 'transfer_services_category');
  });
  await knex.schema.createTable('transfer_agreements', (t) => {
    t.increments('id').primary();
    t.string('agreement_no', 32).notNullable().unique();
    t.integer('unit_id').unsigned().notNullable();
    t.integer('org_id').unsigned().notNullable();
    t.integer('function_id').unsigned().notNullable();
    t.string('signed_on', 10).notNullable();
    t.string('term_from', 10).notNullable();
    t.string('term_to', 10).notNullable();
    t.bigInteger('amount_yuan').notNullable();
    t.text('deliverables').notNullable(); // JSON: string[]
    t.string('state', 16).notNullable();
    t.text('machine_context').notNullable();
    t.integer('row_version').notNullable();
    t.integer('last_seq').notNullable();
    t.integer('recorded_by').unsigned().nullable();
    t.string('created_at', 32).notNullable();
    t.index(['unit_id', 'id'], 'transfer_agreements_unit');
    t.index(['org_id', 'id'], 'transfer_agreements_org');
  });
  await knex.schema.createTable('transfer_evaluations', (t) => {
    t.increments('id').primary();
    t.integer('org_id').unsigned().notNullable();
    t.integer('year').notNullable();
    t.integer('score').notNullable(); // 0–100
    t.string('grade', 12).notNullable(); // excellent | pass | basic | fail
    t.string('consequence', 12).notNullable(); // kept | restored | probation | removed
    t.string('state_after', 16).notNullable();
    t.string('notes', 1000).notNullable();
    t.integer('evaluated_by').unsigned().nullable();
    t.string('created_at', 32).notNullable();
    t.unique(['org_id', 'year'], { indexName: 'transfer_evaluations_org_year' });
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const t of ['transfer_evaluations', 'transfer_agreements', 'transfer_services', 'transfer_functions', 'transfer_orgs', 'transfer_units']) await knex.schema.dropTableIfExists(t);
}
