import type { Knex } from 'knex';
import { likeText } from '../../connection';

/** An entry as read: its own columns with the list, body and name joined. */
export interface PowerEntryRow {
  id: number;
  listId: number;
  listCode: string;
  listLevel: string;
  serial: number;
  type: number;
  bodyId: number;
  bodyName: string;
  bodyKind: string | null;
  bodyPhone: string | null;
  name: string;
  scope: string | null;
  basis: string | null;
  fromSeq: number;
  toSeq: number | null;
  startChangeId: number | null;
  endChangeId: number | null;
}

export function entryFromDb(r: Record<string, any>): PowerEntryRow {
  return {
    id: Number(r.id),
    listId: Number(r.list_id),
    listCode: r.list_code,
    listLevel: r.list_level,
    serial: Number(r.serial),
    type: Number(r.type),
    bodyId: Number(r.body_id),
    bodyName: r.body_name,
    bodyKind: r.body_kind ?? null,
    bodyPhone: r.body_phone ?? null,
    name: r.name,
    scope: r.scope ?? null,
    basis: r.basis ?? null,
    fromSeq: Number(r.from_seq),
    toSeq: r.to_seq == null ? null : Number(r.to_seq),
    startChangeId: r.start_change_id == null ? null : Number(r.start_change_id),
    endChangeId: r.end_change_id == null ? null : Number(r.end_change_id),
  };
}

/** Entries with list, body and name joined (`e`, `l`, `b`, `n`). */
export function entriesJoined(db: Knex): Knex.QueryBuilder {
  return db('power_entries as e')
    .join('power_lists as l', 'l.id', 'e.list_id')
    .join('power_bodies as b', 'b.id', 'e.body_id')
    .join('power_names as n', 'n.id', 'e.name_id');
}

export const ENTRY_COLUMNS = ['e.*', 'l.jurisdiction_code as list_code', 'l.level as list_level', 'b.name as body_name', 'b.kind as body_kind', 'b.phone as body_phone', 'n.name as name'];

/** Restricts `e` to the entries valid in version `seq` (a column or a number) of their list. */
export function validIn(db: Knex, q: Knex.QueryBuilder, seq: string | number): Knex.QueryBuilder {
  const ref = typeof seq === 'number' ? seq : db.ref(seq);
  return q.where('e.from_seq', '<=', ref).andWhere((w) => w.whereNull('e.to_seq').orWhere('e.to_seq', '>', ref));
}

/** Each list's newest published list version: what the public reads by default. */
export function currentVersions(db: Knex): Knex.QueryBuilder {
  return db('power_versions').where({ kind: 'list', state: 'published' }).groupBy('list_id').select('list_id', db.raw('max(seq) as seq'));
}

export interface PowerFilter {
  /** One version (its list and sequence); otherwise each list's current published version. */
  version?: { listId: number; seq: number };
  level?: string;
  jurisdiction?: string;
  type?: number;
  bodyId?: number;
  q?: string;
  /** A whole code: that entry only (if the versions read hold it). */
  code?: { area6: string; serial: number };
}

function filtered(db: Knex, f: PowerFilter, withBody = true): Knex.QueryBuilder {
  const q = db('power_entries as e').join('power_lists as l', 'l.id', 'e.list_id');
  if (f.version) {
    q.where('e.list_id', f.version.listId);
    validIn(db, q, f.version.seq);
  } else {
    q.join(currentVersions(db).as('cv'), 'cv.list_id', 'e.list_id');
    validIn(db, q, 'cv.seq');
  }
  if (f.level) q.where('l.level', f.level);
  if (f.jurisdiction) q.where('l.jurisdiction_code', f.jurisdiction);
  if (f.type) q.where('e.type', f.type);
  if (withBody && f.bodyId) q.where('e.body_id', f.bodyId);
  if (f.code) q.where('l.jurisdiction_code', `${f.code.area6}000000`).where('e.serial', f.code.serial);
  if (f.q) {
    q.join('power_names as qn', 'qn.id', 'e.name_id').where((w) => {
      w.whereRaw("qn.name like ? escape '!'", [`%${likeText(f.q!)}%`]);
    });
  }
  return q;
}

/** A page of entries, the total, and the departments holding them (with counts; the department filter aside). */
export async function searchPowers(db: Knex, f: PowerFilter, page: { limit: number; offset: number }) {
  const [{ n }] = (await filtered(db, f).count({ n: '*' })) as { n: number | string }[];
  const ids = (await filtered(db, f).select('e.id').orderBy([{ column: 'e.list_id' }, { column: 'e.serial' }]).limit(page.limit).offset(page.offset)).map((r: { id: number | string }) => Number(r.id));
  const rows: PowerEntryRow[] = ids.length ? (await entriesJoined(db).whereIn('e.id', ids).select(ENTRY_COLUMNS)).map(entryFromDb) : [];
  rows.sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id));
  const bodies = await filtered(db, f, false)
    .join('power_bodies as b', 'b.id', 'e.body_id')
    .groupBy('b.id', 'b.name')
    .select('b.id', 'b.name', db.raw('count(*) as n'))
    .orderBy('b.id');
  return {
    total: Number(n),
    rows,
    departments: bodies.map((b: Record<string, any>) => ({ id: Number(b.id), name: String(b.name), count: Number(b.n) })),
  };
}

export async function findEntry(db: Knex, listId: number, serial: number): Promise<PowerEntryRow | undefined> {
  const r = await entriesJoined(db).where({ 'e.list_id': listId, 'e.serial': serial }).first(ENTRY_COLUMNS);
  return r ? entryFromDb(r) : undefined;
}

export async function entriesByIds(db: Knex, ids: number[]): Promise<PowerEntryRow[]> {
  if (!ids.length) return [];
  return (await entriesJoined(db).whereIn('e.id', ids).select(ENTRY_COLUMNS)).map(entryFromDb);
}

/** Every entry of a version (export), in serial order. */
export async function entriesOfVersion(db: Knex, listId: number, seq: number): Promise<PowerEntryRow[]> {
  const q = entriesJoined(db).where('e.list_id', listId);
  validIn(db, q, seq);
  return (await q.select(ENTRY_COLUMNS).orderBy('e.serial')).map(entryFromDb);
}

/** Entries per version and distinct departments, for many versions at once. */
export async function versionCounts(db: Knex, versionIds: number[]): Promise<Map<number, { entries: number; departments: number }>> {
  const out = new Map<number, { entries: number; departments: number }>();
  if (!versionIds.length) return out;
  const q = db('power_versions as v').join('power_entries as e', 'e.list_id', 'v.list_id').whereIn('v.id', versionIds);
  validIn(db, q, 'v.seq');
  const rows = await q.groupBy('v.id').select('v.id', db.raw('count(*) as n'), db.raw('count(distinct e.body_id) as d'));
  for (const r of rows as Record<string, any>[]) out.set(Number(r.id), { entries: Number(r.n), departments: Number(r.d) });
  return out;
}
