import type { Knex } from 'knex';

/**
 * Ratings and accountability in the market (issue 12, part C):
 * - market_ratings becomes an aggregate of the one command path: its version and
 *   the number of its last event (moderation is a machine: pending → approved |
 *   rejected);
 * - market_complaints: an order's owner complains about the agency on the order;
 *   the centre closes it with an outcome (its own small machine: open → closed).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('market_ratings', (t) => {
    t.integer('row_version').notNullable().defaultTo(1);
    t.integer('last_seq').notNullable().defaultTo(1);
  });
  await knex.schema.createTable('market_complaints', (t) => {
    t.increments('id').primary();
    t.integer('order_id').unsigned().notNullable().references('id').inTable('market_orders');
    t.integer('agency_id').unsigned().notNullable().references('id').inTable('market_agencies');
    t.integer('owner_user_id').unsigned().notNullable();
    t.string('jurisdiction_code', 12).notNullable();
    t.string('reason', 1000).notNullable();
    t.string('state', 16).notNullable(); // open | closed
    t.string('outcome', 1000).nullable();
    t.integer('closed_by').unsigned().nullable();
    t.integer('row_version').notNullable();
    t.integer('last_seq').notNullable();
    t.string('created_at', 32).notNullable();
    t.string('closed_at', 32).nullable();
    t.index(['state', 'id'], 'market_complaints_state');
    t.index(['agency_id', 'id'], 'market_complaints_agency');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('market_complaints');
  await knex.schema.alterTable('market_ratings', (t) => {
    t.dropColumn('row_version');
    t.dropColumn('last_seq');
  });
}
