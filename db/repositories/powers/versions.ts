import type { Knex } from 'knex';
import { parseJson } from '../../connection';

/** A power list (one per holding jurisdiction). */
export interface PowerListRow {
  id: number;
  jurisdictionCode: string;
  level: string;
  name: string;
}

/** A version of a list: the aggregate row (machine state, context, version, sequence). */
export interface PowerVersionRow {
  id: number;
  listId: number;
  /** The list's jurisdiction (joined, never written). */
  listCode: string;
  seq: number;
  name: string;
  kind: 'review' | 'list';
  baseSeq: number | null;
  decidedOn: string | null;
  document: string | null;
  state: string;
  machineContext: Record<string, unknown>;
  rowVersion: number;
  lastSeq: number;
  createdAt: string;
  updatedAt: string;
}

const listFromDb = (r: Record<string, any>): PowerListRow => ({ id: Number(r.id), jurisdictionCode: r.jurisdiction_code, level: r.level, name: r.name });

export function versionFromDb(r: Record<string, any>): PowerVersionRow {
  return {
    id: Number(r.id),
    listId: Number(r.list_id),
    listCode: r.list_code,
    seq: Number(r.seq),
    name: r.name,
    kind: r.kind,
    baseSeq: r.base_seq == null ? null : Number(r.base_seq),
    decidedOn: r.decided_on ?? null,
    document: r.document ?? null,
    state: r.state,
    machineContext: parseJson(r.machine_context),
    rowVersion: Number(r.row_version),
    lastSeq: Number(r.last_seq),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function versionToDb(v: Partial<PowerVersionRow>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const map: [keyof PowerVersionRow, string][] = [
    ['listId', 'list_id'], ['seq', 'seq'], ['name', 'name'], ['kind', 'kind'], ['baseSeq', 'base_seq'], ['decidedOn', 'decided_on'], ['document', 'document'],
    ['state', 'state'], ['rowVersion', 'row_version'], ['lastSeq', 'last_seq'], ['createdAt', 'created_at'], ['updatedAt', 'updated_at'],
  ];
  for (const [k, c] of map) if (v[k] !== undefined) out[c] = v[k];
  if (v.machineContext !== undefined) out.machine_context = JSON.stringify(v.machineContext);
  return out;
}

export async function listPowerLists(db: Knex): Promise<PowerListRow[]> {
  return (await db('power_lists').orderBy('id')).map(listFromDb);
}

export async function findPowerList(db: Knex, by: { id?: number; jurisdictionCode?: string }): Promise<PowerListRow | undefined> {
  const r = await db('power_lists').where(by.id !== undefined ? { id: by.id } : { jurisdiction_code: by.jurisdictionCode }).first();
  return r ? listFromDb(r) : undefined;
}

export async function findPowerVersion(db: Knex, id: number, forUpdate = false): Promise<PowerVersionRow | undefined> {
  const q = db('power_versions as v').join('power_lists as l', 'l.id', 'v.list_id').where('v.id', id);
  if (forUpdate) q.forUpdate();
  const r = await q.first('v.*', 'l.jurisdiction_code as list_code');
  return r ? versionFromDb(r) : undefined;
}

export async function versionsOfList(db: Knex, listId: number): Promise<PowerVersionRow[]> {
  return (await db('power_versions as v').join('power_lists as l', 'l.id', 'v.list_id').where('v.list_id', listId).orderBy('v.seq').select('v.*', 'l.jurisdiction_code as list_code')).map(versionFromDb);
}

export async function insertPowerVersion(trx: Knex, row: Omit<PowerVersionRow, 'id'>): Promise<number> {
  const [id] = await trx('power_versions').insert(versionToDb(row));
  return Number(id);
}

export async function updatePowerVersionIfVersion(trx: Knex, current: PowerVersionRow, patch: Partial<PowerVersionRow>): Promise<boolean> {
  const n = await trx('power_versions').where({ id: current.id, row_version: current.rowVersion }).update(versionToDb(patch));
  return Number(n) === 1;
}

/** The versions, lists joined, filtered by level or jurisdiction, in list then sequence order, paginated. */
export async function searchPowerVersions(db: Knex, f: { level?: string; jurisdiction?: string; drafts: boolean; limit: number; offset: number }): Promise<{ total: number; rows: (PowerVersionRow & { list: PowerListRow })[] }> {
  const base = () => {
    const q = db('power_versions as v').join('power_lists as l', 'l.id', 'v.list_id');
    if (f.level) q.where('l.level', f.level);
    if (f.jurisdiction) q.where('l.jurisdiction_code', f.jurisdiction);
    if (!f.drafts) q.whereNot('v.state', 'draft');
    return q;
  };
  const [{ n }] = (await base().count({ n: '*' })) as { n: number | string }[];
  const rows = await base()
    .select('v.*', 'l.jurisdiction_code as list_code', 'l.jurisdiction_code as l_code', 'l.level as l_level', 'l.name as l_name')
    .orderBy([{ column: 'v.list_id' }, { column: 'v.seq' }])
    .limit(f.limit)
    .offset(f.offset);
  return { total: Number(n), rows: rows.map((r) => ({ ...versionFromDb(r), list: { id: Number(r.list_id), jurisdictionCode: r.l_code, level: r.l_level, name: r.l_name } })) };
}
