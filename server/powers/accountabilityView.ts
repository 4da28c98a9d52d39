import type { Knex } from 'knex';
import type { CaseRow } from '../../db/repositories/cases';
import { findItemById } from '../../db/repositories/items';
import { dutiesOf, powerOfItem } from '../../db/repositories/powers/changes';
import { entriesByIds } from '../../db/repositories/powers/entries';
import { listHandlers, listRatingsOfCase } from '../../db/repositories/ratings/caseRatings';
import { listRectificationsOfCase } from '../../db/repositories/ratings/rectifications';
import { applyTriggers, mattersOf, type Trigger, type TriggerKind } from '../../workflows/accountability';
import type { WorkCalendar } from '../../workflows/calendar';
import type { ClockRules } from '../../workflows/clock';
import { ancestorCode } from '../../workflows/levels';
import { readPromise } from '../../workflows/promiseClock';
import { isBadRating } from '../../workflows/ratingDesk';
import { promiseClockOf, type PersistedCase } from '../commands/caseSnapshot';
import { notFound } from '../errors';
import { listPlaces, presentEntry } from '../presenters/powers';

interface Desk {
  level: string | null;
  jurisdictionCode: string | null;
  department: string | null;
}

/** One reason the supervisor is looking: what went wrong, at which desk, by whom, and the matters it reaches. */
interface TriggerView {
  kind: TriggerKind;
  matters: string[];
  desk: Desk;
  stage?: string;
  overall?: number;
  rectification?: { id: number; state: string; dueOn: string; overdue: boolean };
  overdueDays?: number;
  handlers?: { type: string; actorName: string; jurisdictionCode: string | null; department: string | null }[];
}

/**
 * 问责 for one case: what went wrong with it (bad ratings, an overdue promise,
 * a rectification past its deadline), the power its item implements, and that
 * power's responsibility list with the matters each trigger reaches marked.
 */
export async function caseAccountability(db: Knex, row: CaseRow, o: { today: string; calendar: WorkCalendar; rules: ClockRules }) {
  const item = await findItemById(db, row.itemId);
  if (!item) throw notFound('Item version');
  const [ratings, rectifications] = await Promise.all([listRatingsOfCase(db, row.id), listRectificationsOfCase(db, row.id)]);
  const triggers: { t: Trigger; view: TriggerView }[] = [];

  for (const g of ratings.filter((r) => isBadRating(r.overall))) {
    const t: Trigger = { kind: 'bad_rating', stage: g.stage, caseState: row.state };
    const x = rectifications.find((r) => r.ratingId === g.id);
    const handlers = (await listHandlers(db, g.id)).map((h) => ({ type: h.type, actorName: h.actorName, jurisdictionCode: h.jurisdictionCode, department: h.department }));
    const desk = { level: g.deskLevel, jurisdictionCode: g.deskJurisdiction, department: g.deskDepartment };
    const rectification = x ? { id: x.id, state: x.state, dueOn: x.dueOn, overdue: x.overdue } : undefined;
    triggers.push({ t, view: { kind: 'bad_rating', matters: mattersOf(t), desk, stage: g.stage, overall: g.overall, rectification, handlers } });
    if (x?.overdue) {
      const late: Trigger = { kind: 'rectification_overdue' };
      triggers.push({ t: late, view: { kind: 'rectification_overdue', matters: [], desk: { level: null, jurisdictionCode: x.jurisdictionCode, department: x.department }, stage: g.stage, rectification } });
    }
  }

  // Overdue: past the promised date (承诺办结日期), still running or ended late.
  const promise = readPromise(promiseClockOf(row), o.today, o.calendar, o.rules);
  if (promise.overdueDays > 0) {
    const ended = promise.status === 'finished';
    const route = (row.snapshot as PersistedCase).context.route;
    const decide = route.find((s) => s.kind === 'decide');
    const desk = ended && decide ? { level: decide.level, jurisdictionCode: ancestorCode(row.centreCode, decide.level), department: decide.department ?? null } : { level: row.currentLevel, jurisdictionCode: row.currentJurisdiction, department: row.currentDepartment };
    const t: Trigger = { kind: 'overdue_case', stepKind: ended ? null : row.stepKind, ended };
    triggers.push({ t, view: { kind: 'overdue_case', matters: mattersOf(t), desk, overdueDays: promise.overdueDays } });
  }

  const entryId = await powerOfItem(db, item.code);
  const [entry] = entryId ? await entriesByIds(db, [entryId]) : [];
  const base = { caseNo: row.caseNo, item: { code: item.code, name: item.name }, triggers: triggers.map((x) => x.view) };
  if (!entry) return { ...base, power: null, responsibilities: [], unmatched: [] as TriggerKind[] };
  const [places, duties] = await Promise.all([listPlaces(db, [entry.listCode]), dutiesOf(db, entry.id, entry.type)]);
  const p = presentEntry(entry, places);
  const marked = applyTriggers(duties, triggers.map((x) => x.t));
  return {
    ...base,
    power: { code: p.code, name: p.name, type: p.type, department: p.department.name, level: p.level, jurisdiction: p.jurisdiction, basis: p.basis, supervision: p.supervision, remedy: p.remedy },
    responsibilities: marked.duties,
    unmatched: marked.unmatched,
  };
}
