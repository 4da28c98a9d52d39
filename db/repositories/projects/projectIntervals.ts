import type { Knex } from 'knex';
import { fromDbTime, parseJson } from '../../connection';
import type { IntervalDesk, ProjectInterval } from '../../../workflows/projectClock';
import type { IntervalKind } from '../../../workflows/projectStages';
import { isCentreLevel, type Level } from '../../../workflows/levels';

/**
 * A project's intervals (workflows/projectClock.ts), built from the data:
 * - each case of `project_stage_cases`, from its `case_events`: the case sits in a
 *   state at a desk (the event's level and jurisdiction, the department of the
 *   item's route step at that level) from one event to the next. Filed → decided
 *   and delivered is government approval, split per desk; waiting for the
 *   applicant's supplements (补正, awaitingMaterials) is owner preparation; a
 *   special procedure `intermediary` is a government-commissioned intermediary when
 *   a market order linked to the case (`market_orders.case_no`) is for a
 *   government-paid service item, else the owner's; the other special procedures
 *   (hearing, expert review, inspection, quarantine) are government-commissioned
 *   technical work: counted on the whole clock, not on the approval clock
 *   (行政许可法 Art. 45 keeps them out of the statutory period). The case's time
 *   ends when it is delivered or closed; a case still open runs to now;
 * - the market orders of the project's cases, from creation to their final state,
 *   government-paid or the owner's;
 * - `project_waits`, of the kind declared; an open wait runs to now.
 */
const ENDED = new Set(['delivered', 'completed', 'refused', 'denied', 'withdrawn']);
const ORDER_ENDED = new Set(['completed', 'expired', 'cancelled', 'terminated']);

/** A stored time (dbTime's 'YYYY-MM-DD HH:MM:SS.mmm' UTC, or ISO) as ISO. */
export function isoOf(value: string): string {
  return (value.includes('T') ? new Date(value) : fromDbTime(value)).toISOString();
}

function caseKind(state: string, procedure: string | null, governmentPaid: boolean): IntervalKind {
  if (state === 'awaitingMaterials') return 'owner_preparation';
  if (state === 'special') {
    if (procedure === 'intermediary') return governmentPaid ? 'government_intermediary' : 'owner_intermediary';
    return 'government_intermediary';
  }
  return 'government_approval';
}

interface CaseRow { id: number; projectId: number; caseNo: string; itemName: string; level: string; jurisdiction: string; department: string | null; route: { level: string; department?: string }[] }
interface EventRow { caseId: number; type: string; fs: string | null; ts: string; lv: string | null; jc: string | null; at: string; procedure: string | null }

/** The department of the item's route step at that level; a village or town centre has none (its clerks work every step). */
function departmentAt(c: CaseRow, level: string | null): string | null {
  if (level === null || isCentreLevel(level as Level)) return null;
  return c.route.find((s) => s.level === level)?.department ?? null;
}

/** The intervals of one case from its events (ordered by seq). */
export function caseIntervals(c: CaseRow, events: EventRow[], governmentPaid: boolean): ProjectInterval[] {
  const out: ProjectInterval[] = [];
  let procedure: string | null = null;
  const label = `${c.caseNo} ${c.itemName}`;
  const push = (state: string, from: string, to: string | null, desk: IntervalDesk | undefined) => {
    // A state left the instant it was entered (filed and accepted at once at the counter) held nothing.
    if (ENDED.has(state) || from === to) return;
    out.push({ kind: caseKind(state, procedure, governmentPaid), from: isoOf(from), to: to === null ? null : isoOf(to), source: { type: 'case', ref: c.caseNo, label, desk } });
  };
  events.forEach((e, i) => {
    if (e.type === 'START_SPECIAL') procedure = e.procedure;
    const next = events[i + 1];
    const state = e.ts;
    if (next) {
      if (next.jc) push(state, e.at, next.at, { jurisdictionCode: next.jc, department: departmentAt(c, next.lv) });
      else push(state, e.at, next.at, undefined);
    } else {
      push(state, e.at, null, { jurisdictionCode: c.jurisdiction, department: isCentreLevel(c.level as Level) ? null : (c.department ?? departmentAt(c, c.level)) });
    }
  });
  // Consecutive stretches of one kind at one desk (events that change neither) read as one.
  return out.reduce<ProjectInterval[]>((acc, iv) => {
    const last = acc[acc.length - 1];
    if (last && last.kind === iv.kind && last.to === iv.from && last.source.desk?.jurisdictionCode === iv.source.desk?.jurisdictionCode && last.source.desk?.department === iv.source.desk?.department) last.to = iv.to;
    else acc.push(iv);
    return acc;
  }, []);
}

/** The intervals of each of these projects (ids absent from the data get an empty list). */
export async function intervalsOfProjects(db: Knex, projectIds: number[]): Promise<Map<number, ProjectInterval[]>> {
  const out = new Map<number, ProjectInterval[]>(projectIds.map((id) => [id, []]));
  if (!projectIds.length) return out;
  const caseRows = await db('project_stage_cases as p')
    .join('cases as c', 'c.id', 'p.case_id')
    .leftJoin('items as i', 'i.id', 'c.item_id')
    .whereIn('p.project_id', projectIds)
    .select('c.id', 'p.project_id', 'c.case_no', 'i.name as item_name', 'c.current_level', 'c.current_jurisdiction', 'c.current_department', 'c.snapshot');
  const cases: CaseRow[] = caseRows.map((r: Record<string, any>) => ({
    id: Number(r.id), projectId: Number(r.project_id), caseNo: r.case_no, itemName: r.item_name ?? '', level: r.current_level, jurisdiction: r.current_jurisdiction, department: r.current_department ?? null,
    route: (parseJson<{ context?: { route?: CaseRow['route'] } }>(r.snapshot).context?.route ?? []) as CaseRow['route'],
  }));
  const orders = cases.length
    ? await db('market_orders as o').join('market_service_items as s', 's.code', 'o.service_item_code').whereIn('o.case_no', cases.map((c) => c.caseNo)).select('o.id', 'o.order_no', 'o.case_no', 'o.title', 'o.state', 'o.created_at', 'o.updated_at', 's.name as service_name', 's.government_paid')
    : [];
  const paidCase = new Set(orders.filter((o: any) => Boolean(o.government_paid)).map((o: any) => o.case_no as string));
  const events = cases.length
    ? await db('case_events').whereIn('case_id', cases.map((c) => c.id)).orderBy([{ column: 'case_id' }, { column: 'seq' }]).select('case_id', 'type', 'from_state', 'to_state', 'level', 'jurisdiction_code', 'created_at', 'payload')
    : [];
  const byCase = new Map<number, EventRow[]>();
  for (const e of events) {
    const list = byCase.get(Number(e.case_id)) ?? [];
    const payload = e.type === 'START_SPECIAL' ? parseJson<{ procedure?: string }>(e.payload) : {};
    list.push({ caseId: Number(e.case_id), type: e.type, fs: e.from_state, ts: e.to_state, lv: e.level, jc: e.jurisdiction_code, at: e.created_at, procedure: payload.procedure ?? null });
    byCase.set(Number(e.case_id), list);
  }
  for (const c of cases) out.get(c.projectId)!.push(...caseIntervals(c, byCase.get(c.id) ?? [], paidCase.has(c.caseNo)));

  const projectOfCase = new Map(cases.map((c) => [c.caseNo, c.projectId]));
  const orderEnds = orders.length
    ? await db('aggregate_events').where('aggregate', 'market_order').whereIn('aggregate_id', orders.map((o: any) => Number(o.id))).whereIn('to_state', [...ORDER_ENDED]).groupBy('aggregate_id').select('aggregate_id').min({ at: 'created_at' })
    : [];
  const endOf = new Map(orderEnds.map((r: any) => [Number(r.aggregate_id), r.at as string]));
  for (const o of orders) {
    const ended = ORDER_ENDED.has(o.state) ? (endOf.get(Number(o.id)) ?? o.updated_at) : null;
    out.get(projectOfCase.get(o.case_no)!)!.push({
      kind: o.government_paid ? 'government_intermediary' : 'owner_intermediary',
      from: isoOf(o.created_at),
      to: ended ? isoOf(ended) : null,
      source: { type: 'order', ref: o.order_no, label: `${o.order_no} ${o.service_name}` },
    });
  }

  const waits = await db('project_waits').whereIn('project_id', projectIds).orderBy('id').select('id', 'project_id', 'kind', 'note', 'started_at', 'ended_at');
  for (const w of waits) {
    out.get(Number(w.project_id))!.push({ kind: w.kind as IntervalKind, from: isoOf(w.started_at), to: w.ended_at ? isoOf(w.ended_at) : null, source: { type: 'wait', ref: String(w.id), label: w.note } });
  }
  for (const list of out.values()) list.sort((a, b) => a.from.localeCompare(b.from));
  return out;
}

export async function projectIntervals(db: Knex, projectId: number): Promise<ProjectInterval[]> {
  return (await intervalsOfProjects(db, [projectId])).get(projectId) ?? [];
}
