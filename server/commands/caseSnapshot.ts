import type { CaseRow } from '../../db/repositories/cases';
import type { ItemRow } from '../../db/repositories/items';
import type { WorkCalendar } from '../../workflows/calendar';
import { buildCaseMachine, type CaseContext, type CaseMachine, type CaseState } from '../../workflows/caseMachine';
import { readClock, type ClockRules, type ClockState } from '../../workflows/clock';
import { ancestorCode, type Level } from '../../workflows/levels';
import { routeForCentre } from '../../workflows/route';

/** What is persisted of a machine snapshot: enough to resolve it again. */
export interface PersistedCase {
  value: CaseState;
  context: CaseContext;
}

const machines = new Map<string, CaseMachine>();

/** One machine per distinct route, built once and reused. */
export function machineFor(item: ItemRow, centreLevel: Level): CaseMachine {
  const route = routeForCentre(item.route, centreLevel);
  const key = JSON.stringify(route);
  let m = machines.get(key);
  if (!m) {
    m = buildCaseMachine(route);
    if (machines.size > 5000) machines.clear();
    machines.set(key, m);
  }
  return m;
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

/** The case columns that follow from a snapshot and a clock: written together, never apart. */
export function derivedColumns(
  persisted: PersistedCase,
  centreCode: string,
  clock: ClockState,
  today: string,
  cal: WorkCalendar,
  rules: ClockRules,
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
    clockPhase: clock.phase,
    clockStartedOn: clock.startedOn,
    clockLimitDays: clock.limitDays,
    clockPausedDays: clock.pausedDays,
    clockPausedSince: clock.pausedSince,
    clockPauseKind: clock.pauseKind,
    deadlineOn: reading.deadline,
    yellowOn: reading.yellowOn,
    light: reading.light,
  };
}
