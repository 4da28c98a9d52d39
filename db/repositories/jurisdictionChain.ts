import type { Knex } from 'knex';
import type { Level } from '../../workflows/levels';

export interface ChainPlace {
  code: string;
  name: string;
  nameEn: string;
  level: Level;
}

/** A jurisdiction and its ancestors, nearest first (the node itself, its parent, … the province), by its materialised path. */
export async function findJurisdictionChain(db: Knex, code: string): Promise<ChainPlace[]> {
  const node = await db('jurisdictions').where({ code }).first('path');
  if (!node) return [];
  const codes = String(node.path).split('/').filter(Boolean).reverse();
  const rows: ChainPlace[] = await db('jurisdictions').select('code', 'name', 'name_en as nameEn', 'level').whereIn('code', codes);
  const byCode = new Map(rows.map((r) => [r.code, r]));
  return codes.map((c) => byCode.get(c)).filter((r): r is ChainPlace => r !== undefined);
}

export async function findDepartment(db: Knex, code: string): Promise<{ code: string; name: string; nameEn: string } | undefined> {
  return db('departments').where({ code }).first('code', 'name', 'name_en as nameEn');
}
