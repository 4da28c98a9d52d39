import type { Knex } from 'knex';

const COLUMNS = ['search_id_hash', 'search_uscc_hash', 'search_phone_hash', 'search_agent_id_hash', 'search_agent_phone_hash'];

/**
 * Keyed hashes (HMAC-SHA256, hex) of the personal numbers staff search by:
 * the applicant's ID number, USCC and phone, the agent's ID number and
 * phone. One indexed column each, for exact matches. The key is
 * configuration, not data, so this migration cannot fill them for existing
 * cases: the server does at start-up (server/search/backfill.ts) for every
 * row whose hashes are still null.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('cases', (t) => {
    for (const c of COLUMNS) t.string(c, 64).nullable();
    t.boolean('search_hashed').notNullable().defaultTo(false);
  });
  await knex.schema.alterTable('cases', (t) => {
    for (const c of COLUMNS) t.index([c], `cases_${c}_idx`);
    t.index(['search_hashed'], 'cases_search_hashed_idx');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('cases', (t) => {
    for (const c of COLUMNS) t.dropIndex([c], `cases_${c}_idx`);
    t.dropIndex(['search_hashed'], 'cases_search_hashed_idx');
  });
  await knex.schema.alterTable('cases', (t) => {
    for (const c of [...COLUMNS, 'search_hashed']) t.dropColumn(c);
  });
}
