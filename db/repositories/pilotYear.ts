import type { Knex } from 'knex';
import type { Level } from '../../workflows/levels';
import { dbTime, parseJson, toBool } from '../connection';
import { findCurrentItem, type ItemRow } from './items';

/**
 * The queries of the pilot-year generator (server/pilot/): the pilot's items,
 * the centres that may file them, the desks that work them, and the cases a
 * generator run filed in a year (known by the name its filings are submitted
 * under, in their SUBMIT event).
 */

/** The current versions of the items flagged as in the online licence pilot. */
export async function findPilotItems(db: Knex): Promise<ItemRow[]> {
  const codes: { code: string }[] = await db('items').where({ is_current: true, e_licence_pilot: true }).orderBy('code').select('code');
  const items = await Promise.all(codes.map((c) => findCurrentItem(db, c.code)));
  return items.filter((i): i is ItemRow => i !== undefined);
}

export interface StaffedCentre {
  code: string;
  level: Level;
  acceptsLinked: boolean;
  /** Its place names from the city down (温州市, 鹿城区, 五马街道, 安澜社区), for postal addresses. */
  places: string[];
}

/** The service centres a clerk staffs, with their place names. */
export async function findStaffedCentres(db: Knex): Promise<StaffedCentre[]> {
  const places: { code: string; name: string; level: Level; path: string }[] = await db('jurisdictions').select('code', 'name', 'level', 'path');
  const names = new Map(places.map((p) => [p.code, p.name]));
  const staffed = new Set(
    (await db('users').where({ role: 'clerk', active: true }).distinct('jurisdiction_code')).map((r: { jurisdiction_code: string }) => r.jurisdiction_code),
  );
  const centres: { code: string; accepts_linked: unknown }[] = await db('service_centres').select('code', 'accepts_linked');
  const byCode = new Map(places.map((p) => [p.code, p]));
  return centres
    .filter((c) => staffed.has(c.code) && byCode.has(c.code))
    .map((c) => {
      const p = byCode.get(c.code)!;
      const chain = p.path.split('/').filter(Boolean).map((code) => names.get(code) ?? '');
      return { code: c.code, level: p.level, acceptsLinked: toBool(c.accepts_linked), places: chain.slice(1) };
    });
}

/** The username of an active account staffing a desk: a centre's clerk, or a department's reviewer at a jurisdiction. */
export async function findDeskUsername(db: Knex, desk: { role: 'clerk' | 'reviewer'; jurisdictionCode: string; department: string | null }): Promise<string | undefined> {
  const q = db('users').where({ role: desk.role, jurisdiction_code: desk.jurisdictionCode, active: true });
  if (desk.role === 'reviewer') q.where({ department: desk.department });
  const row = await q.orderBy('id').first('username');
  return row ? String(row.username) : undefined;
}

export interface GeneratedCase {
  id: number;
  caseNo: string;
  state: string;
  itemCode: string;
  department: string;
  deliveryMode: string;
  closed: boolean;
  /** E-licences issued for the case. */
  licences: number;
}

/** China's calendar year as stored times: [from, to). */
function yearBounds(year: number): [string, string] {
  return [dbTime(new Date(`${year}-01-01T00:00:00+08:00`)), dbTime(new Date(`${year + 1}-01-01T00:00:00+08:00`))];
}

/** The cases of these items filed in `year` whose filing was submitted under `submitter`. */
export async function findGeneratedCases(db: Knex, o: { year: number; itemCodes: readonly string[]; submitter: string }): Promise<GeneratedCase[]> {
  const [from, to] = yearBounds(o.year);
  const rows = await db('cases as c')
    .join('items as i', 'i.id', 'c.item_id')
    .join('case_events as e', function () {
      this.on('e.case_id', '=', 'c.id').andOn('e.seq', '=', db.raw('1'));
    })
    .whereIn('c.item_code', [...o.itemCodes])
    .where('c.filed_at', '>=', from)
    .where('c.filed_at', '<', to)
    .where('e.actor_name', o.submitter)
    .orderBy('c.id')
    .select('c.id', 'c.case_no', 'c.state', 'c.item_code', 'c.delivery', 'c.closed_at', 'i.department')
    .select(db.raw('(select count(*) from e_licences l where l.case_id = c.id) as licences'));
  return rows.map((r: Record<string, unknown>) => ({
    id: Number(r.id),
    caseNo: String(r.case_no),
    state: String(r.state),
    itemCode: String(r.item_code),
    department: String(r.department),
    deliveryMode: parseJson<{ mode: string }>(r.delivery).mode,
    closed: r.closed_at !== null,
    licences: Number(r.licences),
  }));
}

/** Events the scheduler fired on these cases (the system's, filings aside), by type: COMPLETE, CLOCK_WARNING … */
export async function countTimerEvents(db: Knex, caseIds: number[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (let i = 0; i < caseIds.length; i += 500) {
    const rows = await db('case_events')
      .whereIn('case_id', caseIds.slice(i, i + 500))
      .where({ actor_role: 'system' })
      .whereNot({ type: 'SUBMIT' })
      .groupBy('type')
      .select('type')
      .count({ n: '*' });
    for (const r of rows as { type: string; n: unknown }[]) out[r.type] = (out[r.type] ?? 0) + Number(r.n);
  }
  return out;
}

/**
 * Cases not filed under `submitter` with a timer due before `until` (a stored time): a scheduler run on a
 * clock that reaches `until` would fire them, so the generator leaves a database holding any alone.
 */
export async function countOtherDueTimers(db: Knex, o: { until: string; submitter: string }): Promise<number> {
  const row = await db('cases as c')
    .join('case_events as e', function () {
      this.on('e.case_id', '=', 'c.id').andOn('e.seq', '=', db.raw('1'));
    })
    .whereNotNull('c.next_due_at')
    .where('c.next_due_at', '<', o.until)
    .whereNot('e.actor_name', o.submitter)
    .count({ n: '*' })
    .first();
  return Number(row?.n ?? 0);
}
