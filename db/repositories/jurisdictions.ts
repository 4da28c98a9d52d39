import type { Knex } from 'knex';
import type { Level } from '../../workflows/levels';
import { toBool } from '../connection';

export interface JurisdictionRow {
  code: string;
  name: string;
  nameEn: string;
  level: Level;
  parentCode: string | null;
  path: string;
}

export interface CentreRow {
  code: string;
  name: string;
  acceptsLinked: boolean;
  level: Level;
  path: string;
  /** Where it is, when it is open, its phone (migration 011); null when not on record. */
  address: string | null;
  hours: string | null;
  phone: string | null;
}

const COLUMNS = ['code', 'name', 'name_en as nameEn', 'level', 'parent_code as parentCode', 'path'];

export async function findJurisdiction(db: Knex, code: string): Promise<JurisdictionRow | undefined> {
  return db('jurisdictions').select(COLUMNS).where({ code }).first();
}

export interface JurisdictionFilter {
  level?: Level;
  parentCode?: string;
  /** Everything under this code (inclusive), by materialised path. */
  under?: string;
}

export async function listJurisdictions(db: Knex, filter: JurisdictionFilter): Promise<JurisdictionRow[]> {
  const q = db('jurisdictions').select(COLUMNS).orderBy('path');
  if (filter.level) q.where('level', filter.level);
  if (filter.parentCode) q.where('parent_code', filter.parentCode);
  if (filter.under) {
    const root = await findJurisdiction(db, filter.under);
    if (!root) return [];
    q.where('path', 'like', `${root.path}%`);
  }
  return q;
}

export async function findCentre(db: Knex, code: string): Promise<CentreRow | undefined> {
  const row = await db('service_centres as c')
    .join('jurisdictions as j', 'j.code', 'c.code')
    .select('c.code', 'c.name', 'c.accepts_linked as acceptsLinked', 'j.level', 'j.path', 'c.address', 'c.hours', 'c.phone')
    .where('c.code', code)
    .first();
  return row ? { ...row, acceptsLinked: toBool(row.acceptsLinked) } : undefined;
}

export async function listCentres(db: Knex, under?: string): Promise<CentreRow[]> {
  const q = db('service_centres as c')
    .join('jurisdictions as j', 'j.code', 'c.code')
    .select('c.code', 'c.name', 'c.accepts_linked as acceptsLinked', 'j.level', 'j.path', 'c.address', 'c.hours', 'c.phone')
    .orderBy('j.path');
  if (under) {
    const root = await findJurisdiction(db, under);
    if (!root) return [];
    q.where('j.path', 'like', `${root.path}%`);
  }
  const rows = await q;
  return rows.map((r) => ({ ...r, acceptsLinked: toBool(r.acceptsLinked) }));
}
