import type { Knex } from 'knex';
import type { Level } from '../../workflows/levels';
import type { ItemType } from '../../workflows/route';
import { catalogueWordsFor } from '../seed/catalogueWords';
import { centreContactFor } from '../seed/centreContacts';

/**
 * The catalogue in everyday words: per item version its keywords and synonyms
 * ('|'-joined, so a LIKE finds one), its conditions of acceptance (受理条件)
 * and legal basis (法律依据) as JSON lists; per service centre its address,
 * opening hours and phone. A database that already holds the catalogue gets
 * what the seed would give it.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('items', (t) => {
    t.text('keywords').nullable();
    t.text('conditions').nullable();
    t.text('legal_basis').nullable();
  });
  await knex.schema.alterTable('service_centres', (t) => {
    t.string('address', 200).nullable();
    t.string('hours', 100).nullable();
    t.string('phone', 32).nullable();
  });
  const items: { id: number; name: string; type: ItemType; department: string; result: string }[] = await knex('items').select('id', 'name', 'type', 'department', 'result');
  for (const it of items) {
    const w = catalogueWordsFor(it);
    await knex('items').where({ id: it.id }).update({ keywords: w.keywords.join('|'), conditions: JSON.stringify(w.conditions), legal_basis: JSON.stringify(w.legalBasis) });
  }
  const places: { code: string; name: string; level: Level; path: string }[] = await knex('jurisdictions').select('code', 'name', 'level', 'path');
  const names = new Map(places.map((p) => [p.code, p.name]));
  const centres: { code: string }[] = await knex('service_centres').select('code');
  const byCode = new Map(places.map((p) => [p.code, p]));
  for (const c of centres) {
    const p = byCode.get(c.code);
    if (!p) continue;
    const chain = p.path.split('/').filter(Boolean).map((code) => names.get(code) ?? '');
    await knex('service_centres').where({ code: c.code }).update(centreContactFor(c.code, p.level, chain));
  }
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('service_centres', (t) => {
    t.dropColumn('address');
    t.dropColumn('hours');
    t.dropColumn('phone');
  });
  await knex.schema.alterTable('items', (t) => {
    t.dropColumn('keywords');
    t.dropColumn('conditions');
    t.dropColumn('legal_basis');
  });
}
