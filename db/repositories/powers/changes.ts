import type { Knex } from 'knex';
import type { ChangeKind } from '../../../workflows/powerTypes';

/** An adjustment of a list (power_changes), as read. */
export interface PowerChangeRow {
  id: number;
  listId: number;
  versionSeq: number;
  kind: ChangeKind;
  reason: string;
  basis: string;
  toLevel: string | null;
  actorName: string;
  createdAt: string;
}

export function changeFromDb(r: Record<string, any>): PowerChangeRow {
  return { id: Number(r.id), listId: Number(r.list_id), versionSeq: Number(r.version_seq), kind: r.kind, reason: r.reason, basis: r.basis, toLevel: r.to_level ?? null, actorName: r.actor_name, createdAt: r.created_at };
}

export async function insertChange(trx: Knex, c: Omit<PowerChangeRow, 'id'>): Promise<number> {
  const [id] = await trx('power_changes').insert({ list_id: c.listId, version_seq: c.versionSeq, kind: c.kind, reason: c.reason, basis: c.basis, to_level: c.toLevel, actor_name: c.actorName, created_at: c.createdAt });
  return Number(id);
}

export async function changesByIds(db: Knex, ids: number[]): Promise<PowerChangeRow[]> {
  if (!ids.length) return [];
  return (await db('power_changes').whereIn('id', ids)).map(changeFromDb);
}

/** The id of a name, written the first time it is used. */
export async function nameIdOf(trx: Knex, name: string): Promise<number> {
  const found = await trx('power_names').where({ name }).first('id');
  if (found) return Number(found.id);
  const [id] = await trx('power_names').insert({ name });
  return Number(id);
}

export interface NewEntry {
  listId: number;
  type: number;
  bodyId: number;
  name: string;
  scope: string | null;
  basis: string | null;
  fromSeq: number;
  startChangeId: number;
}

/** A new entry with the list's next serial (the list's draft is the only writer: its version row is locked). */
export async function insertEntry(trx: Knex, e: NewEntry): Promise<{ id: number; serial: number }> {
  const top = await trx('power_entries').where({ list_id: e.listId }).max({ m: 'serial' }).first();
  const serial = Number(top?.m ?? 0) + 1;
  const nameId = await nameIdOf(trx, e.name);
  const [id] = await trx('power_entries').insert({ list_id: e.listId, serial, type: e.type, body_id: e.bodyId, name_id: nameId, scope: e.scope, basis: e.basis, from_seq: e.fromSeq, to_seq: null, start_change_id: e.startChangeId, end_change_id: null });
  return { id: Number(id), serial };
}

/** Ends entries at version `seq` by a change (cut, merged away, moved to another level). */
export async function endEntries(trx: Knex, ids: number[], seq: number, changeId: number): Promise<void> {
  await trx('power_entries').whereIn('id', ids).whereNull('to_seq').update({ to_seq: seq, end_change_id: changeId });
}

/** Entries that left between two versions, and that came in, by the kind of change that did it. */
export async function compareCounts(db: Knex, listId: number, fromSeq: number, toSeq: number): Promise<{ ended: Record<string, number>; started: Record<string, number> }> {
  const ended = await db('power_entries as e')
    .join('power_changes as c', 'c.id', 'e.end_change_id')
    .where('e.list_id', listId)
    .where('e.from_seq', '<=', fromSeq)
    .where('e.to_seq', '>', fromSeq)
    .where('e.to_seq', '<=', toSeq)
    .groupBy('c.kind')
    .select('c.kind', db.raw('count(*) as n'));
  const started = await db('power_entries as e')
    .join('power_changes as c', 'c.id', 'e.start_change_id')
    .where('e.list_id', listId)
    .where('e.from_seq', '>', fromSeq)
    .where('e.from_seq', '<=', toSeq)
    .where((w) => w.whereNull('e.to_seq').orWhere('e.to_seq', '>', toSeq))
    .groupBy('c.kind')
    .select('c.kind', db.raw('count(*) as n'));
  const asRecord = (rows: Record<string, any>[]) => Object.fromEntries(rows.map((r) => [String(r.kind), Number(r.n)]));
  return { ended: asRecord(ended), started: asRecord(started) };
}

/** The change records between two versions (after `fromSeq`, up to `toSeq`), paginated. */
export async function changesBetween(db: Knex, listId: number, fromSeq: number, toSeq: number, f: { kind?: string; limit: number; offset: number }) {
  const base = () => {
    const q = db('power_changes').where('list_id', listId).where('version_seq', '>', fromSeq).where('version_seq', '<=', toSeq);
    if (f.kind) q.where('kind', f.kind);
    return q;
  };
  const [{ n }] = (await base().count({ n: '*' })) as { n: number | string }[];
  const rows = (await base().orderBy('id').limit(f.limit).offset(f.offset)).map(changeFromDb);
  return { total: Number(n), rows };
}

/** For each change: how many entries it ended and started, and the first few of each (entry ids). */
export async function changeReach(db: Knex, listId: number, changeIds: number[], sample: number) {
  const out = new Map<number, { ended: number; started: number; endedIds: number[]; startedIds: number[] }>();
  for (const id of changeIds) out.set(id, { ended: 0, started: 0, endedIds: [], startedIds: [] });
  if (!changeIds.length) return out;
  for (const [col, key] of [['end_change_id', 'ended'], ['start_change_id', 'started']] as const) {
    const counts = await db('power_entries').where('list_id', listId).whereIn(col, changeIds).groupBy(col).select(col, db.raw('count(*) as n'));
    for (const r of counts as Record<string, any>[]) out.get(Number(r[col]))![key] = Number(r.n);
    for (const id of changeIds) {
      const ids = await db('power_entries').where('list_id', listId).where(col, id).orderBy('serial').limit(sample).pluck('id');
      out.get(id)![key === 'ended' ? 'endedIds' : 'startedIds'] = ids.map(Number);
    }
  }
  return out;
}

export interface DutyRow {
  seq: number;
  matter: string;
  basis: string;
  accountability: string;
  targets: string;
  own: boolean;
}

/** The responsibility list of an entry: its own matters, then its type's standard ones. */
export async function dutiesOf(db: Knex, entryId: number, type: number): Promise<DutyRow[]> {
  const rows = await db('power_duties').where({ entry_id: entryId }).orWhere((w) => w.whereNull('entry_id').where('power_type', type)).orderBy([{ column: 'entry_id', order: 'desc' }, { column: 'seq' }]);
  return rows.map((r: Record<string, any>) => ({ seq: Number(r.seq), matter: r.matter, basis: r.basis, accountability: r.accountability, targets: r.targets, own: r.entry_id != null }));
}

/** The standard matters of a type in order (the entry's process reads off them). */
export async function standardMatters(db: Knex, type: number): Promise<string[]> {
  return (await db('power_duties').whereNull('entry_id').where('power_type', type).orderBy('seq').pluck('matter')).map(String);
}

/** The catalogue items (current versions) implementing an entry. */
export async function itemsImplementing(db: Knex, entryIds: number[]): Promise<{ entryId: number; code: string; name: string; type: string; decideLevel: string }[]> {
  if (!entryIds.length) return [];
  const rows = await db('item_powers as p').join('items as i', 'i.code', 'p.item_code').where('i.is_current', true).whereIn('p.entry_id', entryIds).orderBy('i.code').select('p.entry_id', 'i.code', 'i.name', 'i.type', 'i.decide_level');
  return rows.map((r: Record<string, any>) => ({ entryId: Number(r.entry_id), code: r.code, name: r.name, type: r.type, decideLevel: r.decide_level }));
}

/** The entry a catalogue item implements (id), if any. */
export async function powerOfItem(db: Knex, itemCode: string): Promise<number | null> {
  const r = await db('item_powers').where({ item_code: itemCode }).first('entry_id');
  return r ? Number(r.entry_id) : null;
}

export async function bodyByName(db: Knex, listId: number, name: string): Promise<{ id: number; name: string } | undefined> {
  const r = await db('power_bodies').where({ list_id: listId, name }).first('id', 'name');
  return r ? { id: Number(r.id), name: String(r.name) } : undefined;
}

export async function bodiesOfList(db: Knex, listId: number): Promise<{ id: number; name: string }[]> {
  return (await db('power_bodies').where({ list_id: listId }).orderBy('id').select('id', 'name')).map((r: Record<string, any>) => ({ id: Number(r.id), name: String(r.name) }));
}
