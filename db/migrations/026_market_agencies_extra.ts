import type { Knex } from 'knex';

/**
 * The agency's review timer (issue 12, part A): `review_due_on` (025) is the
 * durable timer of a registration or an appeal awaiting the centre; the flag
 * says the timer fired (REVIEW_OVERDUE), so the pass takes each agency once
 * and the centre's queue puts overdue ones first.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('market_agencies', (t) => {
    t.boolean('review_overdue').notNullable().defaultTo(false);
    t.index(['review_overdue', 'review_due_on'], 'market_agencies_review');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('market_agencies', (t) => {
    t.dropIndex(['review_overdue', 'review_due_on'], 'market_agencies_review');
    t.dropColumn('review_overdue');
  });
}
