import type { Knex } from 'knex';

/**
 * The intermediary service market (网上中介超市, issue 12):
 * - market_service_items: the kept intermediary service items (reference data), each
 *   linked to the approval items that need it, saying whether the government
 *   commissions and pays (its time then counts on a project's clock);
 * - market_agencies: an agency (an aggregate with its own machine: registration,
 *   review, suspension, expulsion, appeal), with its qualifications, practising
 *   staff, service items and served areas; score and stars are recomputed from
 *   moderated ratings;
 * - market_orders: a purchase order (an aggregate with its own machine: review,
 *   sign-up, selection, confirmation, contract, service, result); `next_due_at` is
 *   its durable timer; market_signups hold the agencies that signed up (and their
 *   sealed quotes for price bidding);
 * - market_ratings: the three-way rating (client, department, centre) of a completed
 *   order, moderated before it counts; market_bad_acts: recorded misconduct, each
 *   also a credit record (credit_records, kind `agency_*`).
 * Money is in yuan as integers (fen would be false precision for a price band).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('market_service_items', (t) => {
    t.string('code', 16).primary();
    t.string('name', 100).notNullable();
    t.string('category', 32).notNullable();
    t.string('department', 64).notNullable();
    t.boolean('government_paid').notNullable();
    t.string('description', 500).notNullable();
    t.string('required_qualification', 100).notNullable();
  });
  await knex.schema.createTable('market_item_links', (t) => {
    t.string('service_item_code', 16).notNullable();
    t.string('item_code', 32).notNullable();
    t.primary(['service_item_code', 'item_code']);
    t.index(['item_code'], 'market_item_links_item');
  });
  await knex.schema.createTable('market_agencies', (t) => {
    t.increments('id').primary();
    t.integer('user_id').unsigned().nullable().unique();
    t.string('name', 200).notNullable();
    t.string('uscc', 18).notNullable().unique();
    t.string('legal_representative', 64).notNullable();
    t.string('contact_phone', 32).notNullable();
    t.string('address', 200).notNullable();
    t.string('jurisdiction_code', 12).notNullable();
    t.boolean('on_site').notNullable().defaultTo(false);
    // JSON array of jurisdiction codes the agency serves (a county or the city covers everything under it).
    t.text('areas').notNullable();
    t.string('introduction', 1000).notNullable().defaultTo('');
    t.string('state', 16).notNullable();
    t.text('machine_context').notNullable();
    t.integer('row_version').notNullable();
    t.integer('last_seq').notNullable();
    t.string('review_due_on', 10).nullable();
    t.decimal('score', 5, 2).nullable();
    t.integer('stars').nullable();
    t.integer('rated_orders').notNullable().defaultTo(0);
    t.integer('completed_orders').notNullable().defaultTo(0);
    t.integer('open_orders').notNullable().defaultTo(0);
    t.string('state_reason', 1000).nullable();
    t.string('registered_at', 32).notNullable();
    t.string('listed_at', 32).nullable();
    t.string('updated_at', 32).notNullable();
    t.index(['state', 'score'], 'market_agencies_rank');
    t.index(['on_site', 'state'], 'market_agencies_site');
  });
  await knex.schema.createTable('market_qualifications', (t) => {
    t.increments('id').primary();
    t.integer('agency_id').unsigned().notNullable().references('id').inTable('market_agencies');
    t.string('name', 100).notNullable();
    t.string('level', 16).notNullable();
    t.string('certificate_no', 64).notNullable();
    t.string('issued_by', 100).notNullable();
    t.string('expires_on', 10).notNullable();
    t.index(['agency_id'], 'market_qualifications_agency');
  });
  await knex.schema.createTable('market_staff', (t) => {
    t.increments('id').primary();
    t.integer('agency_id').unsigned().notNullable().references('id').inTable('market_agencies');
    t.string('name', 64).notNullable();
    t.string('title', 64).notNullable();
    t.string('certificate_no', 64).notNullable();
    t.index(['agency_id'], 'market_staff_agency');
  });
  await knex.schema.createTable('market_agency_services', (t) => {
    t.integer('agency_id').unsigned().notNullable().references('id').inTable('market_agencies');
    t.string('service_item_code', 16).notNullable();
    t.primary(['agency_id', 'service_item_code']);
    t.index(['service_item_code'], 'market_agency_services_item');
  });
  await knex.schema.createTable('market_orders', (t) => {
    t.increments('id').primary();
    t.string('order_no', 24).notNullable().unique();
    t.integer('owner_user_id').unsigned().notNullable();
    t.string('owner_kind', 16).notNullable(); // person | legal_person | department
    t.string('owner_name', 200).notNullable();
    t.string('service_item_code', 16).notNullable();
    t.string('jurisdiction_code', 12).notNullable();
    t.string('case_no', 32).nullable();
    t.string('title', 200).notNullable();
    t.string('content', 2000).notNullable();
    t.integer('budget_min').notNullable();
    t.integer('budget_max').notNullable();
    t.string('method', 16).notNullable(); // direct | random | bidding
    t.string('required_qualification', 100).notNullable();
    t.string('required_level', 16).nullable();
    // JSON array of agency ids the owner must avoid (回避), with the reason in the context.
    t.text('avoided_agencies').notNullable();
    t.string('signup_deadline', 32).notNullable();
    t.string('selection_at', 32).notNullable();
    t.integer('service_days').notNullable();
    t.string('state', 24).notNullable();
    t.text('machine_context').notNullable();
    t.integer('row_version').notNullable();
    t.integer('last_seq').notNullable();
    t.integer('chosen_agency_id').unsigned().nullable();
    t.integer('contract_amount').nullable();
    t.string('service_due_on', 10).nullable();
    t.boolean('overdue').notNullable().defaultTo(false);
    // SHA-256 of the draw seed, published once the order opens; the seed itself only after the draw.
    t.string('draw_commitment', 64).nullable();
    t.string('draw_seed', 64).nullable();
    t.string('contract_file_id', 64).nullable();
    t.string('result_file_id', 64).nullable();
    // The durable timer: the next instant the order's machine must be told the time (null: nothing due).
    t.string('next_due_at', 32).nullable();
    t.string('timer_claimed_by', 64).nullable();
    t.string('timer_claimed_at', 32).nullable();
    t.string('created_at', 32).notNullable();
    t.string('updated_at', 32).notNullable();
    t.index(['state', 'id'], 'market_orders_state');
    t.index(['owner_user_id', 'id'], 'market_orders_owner');
    t.index(['chosen_agency_id', 'state'], 'market_orders_agency');
    t.index(['next_due_at'], 'market_orders_due');
    t.index(['case_no'], 'market_orders_case');
  });
  await knex.schema.createTable('market_signups', (t) => {
    t.increments('id').primary();
    t.integer('order_id').unsigned().notNullable().references('id').inTable('market_orders');
    t.integer('agency_id').unsigned().notNullable().references('id').inTable('market_agencies');
    // A sealed quote (price bidding): never shown before the quotes are opened together.
    t.integer('quote').nullable();
    t.boolean('excluded').notNullable().defaultTo(false);
    t.string('excluded_reason', 200).nullable();
    t.string('created_at', 32).notNullable();
    t.unique(['order_id', 'agency_id'], { indexName: 'market_signups_once' });
    t.index(['agency_id'], 'market_signups_agency');
  });
  await knex.schema.createTable('market_ratings', (t) => {
    t.increments('id').primary();
    t.integer('order_id').unsigned().notNullable().references('id').inTable('market_orders');
    t.integer('agency_id').unsigned().notNullable().references('id').inTable('market_agencies');
    t.string('rater_kind', 16).notNullable(); // client | department | centre
    t.integer('rater_user_id').unsigned().nullable();
    t.integer('quality').notNullable();
    t.integer('timeliness').notNullable();
    t.integer('attitude').notNullable();
    t.integer('fees').notNullable();
    t.integer('conduct').notNullable();
    t.string('comment', 1000).notNullable().defaultTo('');
    t.string('status', 16).notNullable(); // pending | approved | rejected
    t.integer('moderated_by').unsigned().nullable();
    t.string('moderation_reason', 500).nullable();
    t.string('created_at', 32).notNullable();
    t.string('moderated_at', 32).nullable();
    t.unique(['order_id', 'rater_kind'], { indexName: 'market_ratings_once' });
    t.index(['agency_id', 'status'], 'market_ratings_agency');
    t.index(['status', 'id'], 'market_ratings_queue');
  });
  await knex.schema.createTable('market_bad_acts', (t) => {
    t.increments('id').primary();
    t.integer('agency_id').unsigned().nullable().references('id').inTable('market_agencies');
    t.integer('order_id').unsigned().nullable().references('id').inTable('market_orders');
    // late | false_result | overcharge | steering | one_star | other
    t.string('kind', 24).notNullable();
    t.string('reason', 1000).notNullable();
    t.integer('recorded_by').unsigned().nullable();
    t.string('recorded_role', 16).notNullable();
    // Steering is a department's bad act, not the agency's: who attempted it.
    t.string('actor_department', 64).nullable();
    t.integer('credit_record_id').unsigned().nullable();
    t.string('created_at', 32).notNullable();
    t.index(['agency_id', 'id'], 'market_bad_acts_agency');
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const table of [
    'market_bad_acts',
    'market_ratings',
    'market_signups',
    'market_orders',
    'market_agency_services',
    'market_staff',
    'market_qualifications',
    'market_agencies',
    'market_item_links',
    'market_service_items',
  ]) {
    await knex.schema.dropTableIfExists(table);
  }
}
