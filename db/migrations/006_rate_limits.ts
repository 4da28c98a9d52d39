import type { Knex } from 'knex';

/**
 * The counters of rate-limiter-flexible's SQL stores (RateLimiterSQLite and
 * RateLimiterMySQL) when no Redis is configured: one row per key, so every
 * server process on this database shares one budget. The library writes
 * `INSERT ... VALUES (key, points, expire)` by position: keep these three
 * columns in this order. `expire` is epoch milliseconds.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('rate_limits', (t) => {
    t.string('key', 255).primary();
    t.integer('points').notNullable().defaultTo(0);
    t.bigInteger('expire').unsigned().nullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('rate_limits');
}
