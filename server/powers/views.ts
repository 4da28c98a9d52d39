import type { Knex } from 'knex';
import { changeReach, changesBetween, changesByIds, compareCounts, dutiesOf, itemsImplementing, powerOfItem, standardMatters } from '../../db/repositories/powers/changes';
import { entriesByIds, entriesJoined, ENTRY_COLUMNS, entryFromDb, findEntry, versionCounts, type PowerEntryRow } from '../../db/repositories/powers/entries';
import { findPowerList, listPowerLists, searchPowerVersions, versionsOfList, type PowerListRow, type PowerVersionRow } from '../../db/repositories/powers/versions';
import { cutPercent, parsePowerCode, powerTypeOfItemType } from '../../workflows/powerTypes';
import { entryCode, listPlaces, presentChange, presentEntry, presentVersion } from '../presenters/powers';
import { powerNotFound, powerVersionNotFound, versionsNotComparable } from './errors';

/** The entry a code names (any version), or 404. */
export async function entryByCode(db: Knex, code: string): Promise<PowerEntryRow> {
  const p = parsePowerCode(code);
  const list = p ? await findPowerList(db, { jurisdictionCode: `${p.area6}000000` }) : undefined;
  const e = list ? await findEntry(db, list.id, p!.serial) : undefined;
  if (!e || entryCode(e) !== code) throw powerNotFound();
  return e;
}

const brief = (e: PowerEntryRow) => ({ code: entryCode(e), name: e.name });

/** One entry with its responsibility list, the catalogue items implementing it, the versions holding it and its history. */
export async function entryDetail(db: Knex, code: string, drafts: boolean) {
  const e = await entryByCode(db, code);
  // Outside the keepers a draft does not exist yet: an entry added in it is not found, a cut in it not told.
  const all = await versionsOfList(db, e.listId);
  const draftSeqs = new Set(all.filter((v) => v.state === 'draft').map((v) => v.seq));
  if (!drafts && draftSeqs.has(e.fromSeq)) throw powerNotFound();
  const endHidden = !drafts && e.toSeq !== null && draftSeqs.has(e.toSeq);
  const versions = drafts ? all : all.filter((v) => v.state !== 'draft');
  const [places, duties, matters, items, changes] = await Promise.all([
    listPlaces(db, [e.listCode]),
    dutiesOf(db, e.id, e.type),
    standardMatters(db, e.type),
    itemsImplementing(db, [e.id]),
    changesByIds(db, [e.startChangeId, e.endChangeId].filter((x): x is number => x !== null)),
  ]);
  const start = changes.find((c) => c.id === e.startChangeId);
  const end = endHidden ? undefined : changes.find((c) => c.id === e.endChangeId);
  // A merge: the entries merged into this one, or the one this entry was merged into.
  const mergedFrom: { code: string; name: string }[] = start?.kind === 'merge' ? (await entriesJoined(db).where('e.end_change_id', start.id).select(ENTRY_COLUMNS)).map(entryFromDb).map(brief) : [];
  const mergedInto: { code: string; name: string }[] = end?.kind === 'merge' ? (await entriesJoined(db).where('e.start_change_id', end.id).select(ENTRY_COLUMNS)).map(entryFromDb).map(brief) : [];
  const entry = presentEntry(e, places);
  return {
    ...entry,
    validity: endHidden ? { ...entry.validity, toSeq: null } : entry.validity,
    // The order the power is exercised in, read off its type's standard responsibility matters (受理 → 审查 → …).
    process: matters.map((m) => m.split('：')[0]!.replace(/责任$/, '')).filter((m) => !m.startsWith('其他')),
    responsibilities: duties,
    items: items.map((i) => ({ code: i.code, name: i.name, type: i.type, decideLevel: i.decideLevel })),
    versions: versions.filter((v) => v.seq >= e.fromSeq && (e.toSeq === null || v.seq < e.toSeq)).map((v) => ({ id: v.id, seq: v.seq, name: v.name, kind: v.kind, state: v.state })),
    history: { started: start ? presentChange(start) : null, ended: end ? presentChange(end) : null, mergedFrom, mergedInto },
  };
}

/** What the guide's item answer says about the power the item implements (a 公共服务 item implements none). */
export async function powerOfItemView(db: Knex, item: { code: string; type: string }) {
  const id = await powerOfItem(db, item.code);
  const [e] = id ? await entriesByIds(db, [id]) : [];
  if (!e) return { power: null, publicService: powerTypeOfItemType(item.type) === null };
  const places = await listPlaces(db, [e.listCode]);
  const p = presentEntry(e, places);
  return { power: { code: p.code, name: p.name, type: p.type, department: p.department.name, level: p.level, jurisdiction: p.jurisdiction, scope: p.scope }, publicService: false };
}

async function allVersionFigures(db: Knex) {
  const lists = await listPowerLists(db);
  const versions = (await Promise.all(lists.map((l) => versionsOfList(db, l.id)))).flat();
  const counts = await versionCounts(db, versions.map((v) => v.id));
  const baseOf = (v: PowerVersionRow) => versions.find((b) => b.listId === v.listId && b.seq === v.baseSeq)?.id;
  return { lists, versions, counts, baseOf };
}

/** Each version with reviewed / published / cut, and the totals of the newest published list of each list, by level. */
export async function versionsView(db: Knex, q: { level?: string; jurisdiction?: string; page: number; pageSize: number }, drafts: boolean) {
  const { lists, versions, counts, baseOf } = await allVersionFigures(db);
  const places = await listPlaces(db, lists.map((l) => l.jurisdictionCode));
  const { total, rows } = await searchPowerVersions(db, { level: q.level, jurisdiction: q.jurisdiction, drafts, limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
  const totals: Record<string, { lists: number; reviewed: number; published: number; cut: number; cutPercent: number | null; departments: number; reviewedDepartments: number }> = {};
  for (const l of lists) {
    const current = [...versions].reverse().find((v) => v.listId === l.id && v.kind === 'list' && v.state === 'published');
    if (!current) continue;
    const pv = presentVersion(current, l, counts, baseOf(current), places);
    const t = (totals[l.level] ??= { lists: 0, reviewed: 0, published: 0, cut: 0, cutPercent: null, departments: 0, reviewedDepartments: 0 });
    t.lists++;
    t.reviewed += pv.reviewed;
    t.published += pv.published!;
    t.cut += pv.cut!;
    t.departments += pv.departments;
    t.reviewedDepartments += pv.reviewedDepartments;
    t.cutPercent = cutPercent(t.reviewed, t.published);
  }
  return { total, page: q.page, pageSize: q.pageSize, totals, versions: rows.map((v) => presentVersion(v, v.list, counts, baseOf(v), places)) };
}

/** Two versions of one list side by side: what left (cut, merged, moved) and came (added, merged), with each change's reason and basis. */
export async function compareView(db: Knex, q: { from: number; to: number; kind?: string; page: number; pageSize: number }, drafts: boolean) {
  const { lists, versions, counts, baseOf } = await allVersionFigures(db);
  const from = versions.find((v) => v.id === q.from);
  const to = versions.find((v) => v.id === q.to);
  if (!from || !to || (!drafts && (from.state === 'draft' || to.state === 'draft'))) throw powerVersionNotFound();
  if (from.listId !== to.listId) throw versionsNotComparable('The two versions belong to different lists');
  if (from.seq >= to.seq) throw versionsNotComparable('`from` must be an earlier version than `to`');
  const list = lists.find((l) => l.id === from.listId) as PowerListRow;
  const places = await listPlaces(db, [list.jurisdictionCode]);
  const { ended, started } = await compareCounts(db, list.id, from.seq, to.seq);
  const { total, rows } = await changesBetween(db, list.id, from.seq, to.seq, { kind: q.kind, limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
  const reach = await changeReach(db, list.id, rows.map((c) => c.id), 5);
  const sampleIds = [...reach.values()].flatMap((r) => [...r.endedIds, ...r.startedIds]);
  const sample = new Map((await entriesByIds(db, sampleIds)).map((e) => [e.id, brief(e)]));
  const fromFigures = presentVersion(from, list, counts, baseOf(from), places);
  const toFigures = presentVersion(to, list, counts, baseOf(to), places);
  const removed = (ended.cut ?? 0) + (ended.merge ?? 0) + (ended.move ?? 0);
  const added = (started.add ?? 0) + (started.merge ?? 0);
  return {
    from: fromFigures,
    to: toFigures,
    summary: {
      fromEntries: fromFigures.entries,
      toEntries: toFigures.entries,
      removed: { cut: ended.cut ?? 0, mergedAway: ended.merge ?? 0, moved: ended.move ?? 0, total: removed },
      added: { added: started.add ?? 0, mergedInto: started.merge ?? 0, total: added },
      net: added - removed,
      cutPercent: cutPercent(fromFigures.entries, toFigures.entries),
    },
    total,
    page: q.page,
    pageSize: q.pageSize,
    changes: rows.map((c) => {
      const r = reach.get(c.id)!;
      return { ...presentChange(c), ended: r.ended, started: r.started, endedSample: r.endedIds.map((i) => sample.get(i)!), startedSample: r.startedIds.map((i) => sample.get(i)!) };
    }),
  };
}
