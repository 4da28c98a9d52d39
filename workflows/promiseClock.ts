import type { WorkCalendar } from './calendar';
import type { CaseContext, CaseState } from './caseMachine';
import type { CaseEvent } from './caseEvents';
import { FINAL_STATES } from './caseStates';
import { readClock, type ClockChange, type ClockRules, type ClockState, type Light, type PauseKind } from './clock';
import { STATUTORY, type ItemVersion } from './route';

/**
 * The promise of a case (承诺办结日期): one date, counted in working days from
 * acceptance over the item's promised limit, moved only by recorded reasons
 * (a pause for 补正 or a special procedure, the one extension). It reuses the
 * step clock's state and arithmetic (workflows/clock.ts) with phase 'promise';
 * `null` is a promise not yet started (the file is not accepted yet).
 */
export type PromisePhase = 'pending' | 'running' | 'paused' | 'finished';

interface Side {
  state: CaseState;
  context: CaseContext;
}

/** Delivered is the end of the office's promise, even before the applicant confirms receipt. */
const DONE_STATES: readonly CaseState[] = [...FINAL_STATES, 'delivered'];

/**
 * Which change a transition makes to the promise. Starts when the file leaves
 * acceptance review accepted (ACCEPT, including the scheduler's deemed acceptance).
 */
export function promiseChangeFor(prev: Side, next: Side, event: CaseEvent, item: Pick<ItemVersion, 'promisedDays'>, started: boolean): ClockChange {
  if (event.type === 'CLOCK_WARNING' || event.type === 'CHOOSE_DELIVERY') return { kind: 'none' };
  if (!started) {
    const accepted = prev.state === 'acceptanceReview' && event.type === 'ACCEPT' && !DONE_STATES.includes(next.state);
    return accepted ? { kind: 'start', phase: 'promise', limitDays: item.promisedDays } : { kind: 'none' };
  }
  if (DONE_STATES.includes(next.state)) return { kind: 'stop' };
  if (next.state === 'special') return { kind: 'pause', pause: 'special' };
  if (next.state === 'awaitingMaterials') return { kind: 'pause', pause: 'materials' };
  if (prev.state === 'special' || prev.state === 'awaitingMaterials') return { kind: 'resume' };
  if (event.type === 'EXTEND') return { kind: 'extend', days: STATUTORY.extensionDays };
  return { kind: 'none' };
}

/** The phase a stored promise is in. */
export function promisePhaseOf(clock: ClockState | null): PromisePhase {
  if (!clock) return 'pending';
  if (clock.phase === 'stopped') return 'finished';
  return clock.pausedSince !== null ? 'paused' : 'running';
}

export interface PromiseReading {
  status: PromisePhase;
  limitDays: number | null;
  /** The promised completion date; while paused, the date it would be were the clock resumed today. */
  dueOn: string | null;
  /** First day of yellow (running only). */
  yellowOn: string | null;
  usedDays: number;
  leftDays: number | null;
  /** Working days past the promised date (0 when not overdue). */
  overdueDays: number;
  light: Light;
  pauseKind: PauseKind | null;
}

/**
 * Reads the promise as of `today`. A paused promise shows the date it would
 * fall on if resumed today, so the date shown never moves backwards.
 */
export function readPromise(clock: ClockState | null, today: string, cal: WorkCalendar, rules: ClockRules): PromiseReading {
  if (!clock) {
    return { status: 'pending', limitDays: null, dueOn: null, yellowOn: null, usedDays: 0, leftDays: null, overdueDays: 0, light: 'green', pauseKind: null };
  }
  const status = promisePhaseOf(clock);
  const r = readClock(clock, today, cal, rules);
  let dueOn = r.deadline;
  if (status === 'paused') dueOn = resumedDue(clock, today, cal);
  if (status === 'finished') dueOn = cal.addWorkingDays(clock.startedOn, clock.limitDays + clock.pausedDays);
  const overdueDays = Math.max(0, -r.leftDays);
  return { status, limitDays: clock.limitDays, dueOn, yellowOn: r.yellowOn, usedDays: r.usedDays, leftDays: status === 'finished' ? null : r.leftDays, overdueDays, light: r.light, pauseKind: clock.pauseKind };
}

/** The promised date were a paused clock resumed today: the pause days so far are added on. */
function resumedDue(clock: ClockState, today: string, cal: WorkCalendar): string {
  const pausedNow = cal.workingDaysBetween(clock.pausedSince!, today);
  return cal.addWorkingDays(clock.startedOn, clock.limitDays + clock.pausedDays + pausedNow);
}
