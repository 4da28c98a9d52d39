import type { Knex } from 'knex';
import { E_LICENCE_PILOT_CODES } from '../seed/eLicencePilot';

/**
 * The online licence pilot (证照网上办理一条龙, issue 11 part 3): a flag on
 * each item version whose licence is issued and delivered online
 * (db/seed/eLicencePilot.ts). A database that already holds the catalogue
 * gets the flags the seed would give it; a new version of an item keeps its
 * flag (db/repositories/items.ts).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('items', (t) => {
    t.boolean('e_licence_pilot').notNullable().defaultTo(false);
  });
  await knex('items').whereIn('code', [...E_LICENCE_PILOT_CODES]).update({ e_licence_pilot: true });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('items', (t) => {
    t.dropColumn('e_licence_pilot');
  });
}
