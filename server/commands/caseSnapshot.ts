import type { CaseRow } from '../../db/repositories/cases';
import type { ItemRow } from '../../db/repositories/items';
import type { WorkCalendar } from '../../workflows/calendar';
import { buildCaseMachine, type CaseContext, type CaseMachine, type CaseState } from '../../workflows/caseMachine';
import { readClock, type ClockRules, type ClockState } from '../../workflows/clock';
import { ancestorCode, type Level } from '../../workflows/levels';
import { readPromise } from '../../workflows/promiseClock';
import { delegatedRoute, routeForCentre, type DeedForRoute, type Route } from '../../workflows/route';

/** What is persisted of a machine snapshot: enough to resolve it again. */
export interface PersistedCase {
  value: CaseState;
  context: CaseContext;
}

const machines = new Map<string, CaseMachine>();

/** The route a new case takes: the item's, as filed at a centre of this level, moved by the deed in force there if any. */
export function routeForFiling(item: ItemRow, centreLevel: Level, deed?: DeedForRoute | null): Route {
  const route = routeForCentre(item.route, centreLevel);
  return deed ? delegatedRoute(route, deed) : route;
}

/**
 * One machine per distinct route, built once and reused. A case's machine
 * comes from the route persisted in its snapshot (context.route), never
 * recomputed from the item: a case keeps the route it was filed with for
 * life, whatever later happens to a delegation deed.
 */
export function machineFor(route: Route): CaseMachine {
  const key = JSON.stringify(route);
  let m = machines.get(key);
  if (!m) {
    m = buildCaseMachine(route);
    if (machines.size > 5000) machines.clear();
    machines.set(key, m);
  }
  return m;
}

/** The machine of a stored case: the one of the route it carries. */
export function machineOfCase(snapshot: unknown): CaseMachine {
  return machineFor((snapshot as PersistedCase).context.route);
}

export function restore(machine: CaseMachine, persisted: PersistedCase) {
  return machine.resolveState({ value: persisted.value, context: persisted.context });
}

export function clockOf(c: CaseRow): ClockState {
  return {
    phase: c.clockPhase,
    startedOn: c.clockStartedOn,
    limitDays: c.clockLimitDays,
    pausedDays: c.clockPausedDays,
    pausedSince: c.clockPausedSince,
    pauseKind: c.clockPauseKind,
    light: c.light,
  };
}

/** The promise clock as stored; null until the file is accepted. */
export function promiseClockOf(c: CaseRow): ClockState | null {
  if (c.promisePhase === 'pending' || !c.promiseStartedOn) return null;
  return {
    phase: c.promisePhase === 'finished' ? 'stopped' : 'promise',
    startedOn: c.promiseStartedOn,
    limitDays: c.promiseLimitDays,
    pausedDays: c.promisePausedDays,
    pausedSince: c.promisePausedSince,
    pauseKind: c.promisePauseKind,
    light: c.promiseLight,
  };
}

/** The promise columns of a promise clock (null: not started). */
export function promiseColumns(promise: ClockState | null, today: string, cal: WorkCalendar, rules: ClockRules): Partial<CaseRow> {
  const p = readPromise(promise, today, cal, rules);
  return {
    promisePhase: p.status,
    promiseStartedOn: promise?.startedOn ?? null,
    promiseLimitDays: promise?.limitDays ?? 0,
    promisePausedDays: promise?.pausedDays ?? 0,
    promisePausedSince: promise?.pausedSince ?? null,
    promisePauseKind: promise?.pauseKind ?? null,
    promiseDueOn: p.dueOn,
    promiseYellowOn: p.status === 'running' ? p.yellowOn : null,
    promiseLight: p.light,
  };
}

/** The case columns that follow from a snapshot and its clocks (step and promise): written together, never apart. */
export function derivedColumns(
  persisted: PersistedCase,
  centreCode: string,
  clock: ClockState,
  today: string,
  cal: WorkCalendar,
  rules: ClockRules,
  promise: ClockState | null = null,
): Partial<CaseRow> {
  const step = persisted.context.route[persisted.context.stepIndex]!;
  const reading = readClock(clock, today, cal, rules);
  return {
    state: persisted.value,
    snapshot: persisted,
    stepIndex: persisted.context.stepIndex,
    stepKind: step.kind,
    currentLevel: step.level,
    currentJurisdiction: ancestorCode(centreCode, step.level),
    currentDepartment: step.department ?? null,
    currentDeedNo: step.deedNo ?? null,
    clockPhase: clock.phase,
    clockStartedOn: clock.startedOn,
    clockLimitDays: clock.limitDays,
    clockPausedDays: clock.pausedDays,
    clockPausedSince: clock.pausedSince,
    clockPauseKind: clock.pauseKind,
    deadlineOn: reading.deadline,
    yellowOn: reading.yellowOn,
    light: reading.light,
    ...promiseColumns(promise, today, cal, rules),
  };
}
