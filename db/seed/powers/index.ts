import type { Knex } from 'knex';
import { POWER_TYPES } from '../../../workflows/powerTypes';
import type { ItemVersion } from '../../../workflows/route';
import { buildCityList } from './cityList';
import { buildCountyLists } from './countyLists';
import { STANDARD_DUTIES } from './duties';
import { SeedRows } from './plan';

/**
 * Plain multi-row VALUES, which SQLite and MySQL both take: knex's SQLite
 * dialect writes a multi-row insert as a compound SELECT (at most 500 terms)
 * and builds it slowly, and the counties' lists are 86,531 rows.
 */
async function insertChunked(trx: Knex, table: string, rows: object[]): Promise<void> {
  if (rows.length === 0) return;
  const cols = Object.keys(rows[0]!);
  const size = Math.max(1, Math.floor(20_000 / cols.length));
  const tuple = `(${cols.map(() => '?').join(',')})`;
  for (let i = 0; i < rows.length; i += size) {
    const chunk = rows.slice(i, i + size) as Record<string, unknown>[];
    const values = chunk.flatMap((r) => cols.map((c) => r[c] ?? null));
    await trx.raw(`insert into ?? (${cols.map(() => '??').join(',')}) values ${chunk.map(() => tuple).join(',')}`, [table, ...cols, ...values] as Knex.RawBinding[]);
  }
}

/** All the seed's power-list rows, deterministic (the same on every call). */
export function buildPowerRows(catalogue: ItemVersion[]): SeedRows {
  const rows = new SeedRows();
  buildCityList(rows, catalogue);
  buildCountyLists(rows);
  return rows;
}

/** The power and responsibility lists (docs/powers.md), in the seed's transaction. */
export async function seedPowers(trx: Knex, catalogue: ItemVersion[], now: string): Promise<void> {
  const rows = buildPowerRows(catalogue);
  await insertChunked(trx, 'power_lists', rows.lists);
  await insertChunked(
    trx,
    'power_versions',
    rows.versions.map((v) => ({ ...v, state: 'published', machine_context: JSON.stringify({ adjustments: v.seq === 1 ? 0 : 1, publishedOn: v.decided_on }), row_version: 1, last_seq: 0, created_at: now, updated_at: now })),
  );
  await insertChunked(trx, 'power_bodies', rows.bodies);
  await insertChunked(trx, 'power_names', [...rows.names].map(([name, id]) => ({ id, name })));
  await insertChunked(trx, 'power_changes', rows.changes.map((c) => ({ ...c, actor_name: '种子数据（2014年清单）', created_at: now })));
  await insertChunked(trx, 'power_entries', rows.entries);
  await insertChunked(
    trx,
    'power_duties',
    POWER_TYPES.flatMap((t, i) => STANDARD_DUTIES[t].map((d, k) => ({ entry_id: null, power_type: i + 1, seq: k + 1, ...d }))),
  );
  await insertChunked(trx, 'item_powers', rows.itemPowers);
}
