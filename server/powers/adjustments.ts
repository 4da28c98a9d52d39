import type { Knex } from 'knex';
import { endEntries, insertChange, insertEntry, bodyByName, itemsImplementing } from '../../db/repositories/powers/changes';
import { entriesJoined, ENTRY_COLUMNS, entryFromDb, type PowerEntryRow } from '../../db/repositories/powers/entries';
import type { PowerVersionRow } from '../../db/repositories/powers/versions';
import { parsePowerCode, POWER_TYPES, type ChangeKind, type PowerType } from '../../workflows/powerTypes';
import { bodyUnknown, entriesNotInVersion, implementedByItems } from './errors';

/** A new entry as an adjustment names it (add, the result of a merge, an imported row). */
export interface EntryInput {
  name: string;
  type: PowerType;
  department: string;
  basis?: string | null;
  scope?: string | null;
}

/** What an administrator asks of a draft: the kind, why and on what basis, and the entries it reaches. */
export interface Adjustment {
  kind: ChangeKind;
  reason: string;
  basis: string;
  codes?: string[];
  entries?: EntryInput[];
  toLevel?: string;
}

/** The entries named by code that are valid in the draft (every other code is refused, all at once). */
async function entriesInDraft(trx: Knex, v: PowerVersionRow, codes: string[]): Promise<PowerEntryRow[]> {
  const parsed = codes.map((c) => ({ code: c, p: parsePowerCode(c) }));
  const serials = parsed.filter((x) => x.p && x.p.area6 === v.listCode.slice(0, 6)).map((x) => x.p!.serial);
  const rows: PowerEntryRow[] = serials.length
    ? (await entriesJoined(trx).where('e.list_id', v.listId).whereIn('e.serial', serials).where('e.from_seq', '<=', v.seq).whereNull('e.to_seq').select(ENTRY_COLUMNS)).map((r: Record<string, unknown>) => entryFromDb(r))
    : [];
  const found = new Map(rows.map((r): [number, PowerEntryRow] => [r.serial, r]));
  const missing = parsed.filter((x) => !x.p || x.p.area6 !== v.listCode.slice(0, 6) || !found.has(x.p.serial) || POWER_TYPES[found.get(x.p.serial)!.type - 1] !== POWER_TYPES[Number(x.p.typeCode) - 1]);
  if (missing.length) throw entriesNotInVersion(missing.map((x) => x.code));
  return rows;
}

async function resolveBody(trx: Knex, listId: number, name: string): Promise<number> {
  const b = await bodyByName(trx, listId, name.trim());
  if (!b) throw bodyUnknown(name);
  return b.id;
}

/**
 * Applies an adjustment to the draft's entries in the command's transaction,
 * with its change record: a cut, a merge's sources and a move end at the draft
 * (still valid in every published version before it); an add and a merge's
 * result start there. Returns the change's id.
 */
export async function applyAdjustment(trx: Knex, v: PowerVersionRow, a: Adjustment, actorName: string, at: string): Promise<number> {
  const ended = a.codes?.length ? await entriesInDraft(trx, v, a.codes) : [];
  if (ended.length) {
    const items = await itemsImplementing(trx, ended.map((e) => e.id));
    if (items.length) throw implementedByItems(items.map((i) => i.code));
  }
  const bodies: number[] = [];
  for (const e of a.entries ?? []) bodies.push(await resolveBody(trx, v.listId, e.department));
  const changeId = await insertChange(trx, { listId: v.listId, versionSeq: v.seq, kind: a.kind, reason: a.reason.trim(), basis: a.basis.trim(), toLevel: a.kind === 'move' ? (a.toLevel ?? null) : null, actorName, createdAt: at });
  if (ended.length) await endEntries(trx, ended.map((e) => e.id), v.seq, changeId);
  for (const [i, e] of (a.entries ?? []).entries()) {
    await insertEntry(trx, { listId: v.listId, type: POWER_TYPES.indexOf(e.type) + 1, bodyId: bodies[i]!, name: e.name.trim(), scope: e.scope?.trim() || null, basis: e.basis?.trim() || null, fromSeq: v.seq, startChangeId: changeId });
  }
  return changeId;
}
