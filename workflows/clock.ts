import type { WorkCalendar } from './calendar';

/**
 * The time-limit clock of one case. It counts working days of the current
 * phase (acceptance 5, a lower-level review 20, decision = promised days
 * [+10 once extended], issue-and-deliver 10). Pauses (materials 补正, special
 * procedures 特别程序) do not count and push the deadline out. The same
 * state also holds a case's promise (phase 'promise', workflows/promiseClock.ts).
 */
export type ClockPhase = 'acceptance' | 'review' | 'decision' | 'delivery' | 'promise' | 'stopped';
export type PauseKind = 'materials' | 'special';
export type Light = 'green' | 'yellow' | 'red';

export interface ClockState {
  phase: ClockPhase;
  /** Date (China) the phase started; counting starts the next day. */
  startedOn: string;
  limitDays: number;
  /** Working days spent in pauses already ended, within this phase. */
  pausedDays: number;
  /** Day the running pause began; once stopped, the day counting ended (so used days stay frozen). */
  pausedSince: string | null;
  pauseKind: PauseKind | null;
  /** Light frozen while paused or stopped. */
  light: Light;
}

export type ClockChange =
  /** `from`: the day the phase counts from, when not today (a file deemed accepted on arrival). */
  | { kind: 'start'; phase: Exclude<ClockPhase, 'stopped'>; limitDays: number; from?: string }
  | { kind: 'pause'; pause: PauseKind }
  | { kind: 'resume' }
  | { kind: 'extend'; days: number }
  | { kind: 'stop' }
  | { kind: 'none' };

export interface ClockReading {
  phase: ClockPhase;
  paused: boolean;
  pauseKind: PauseKind | null;
  limitDays: number;
  usedDays: number;
  leftDays: number;
  /** Last working day of the phase; null while paused or stopped (it moves on resume). */
  deadline: string | null;
  /** First day the light turns yellow; null while paused or stopped. */
  yellowOn: string | null;
  light: Light;
  /** The deadline falls in a year whose holidays are not yet published: counted by weekdays only. */
  provisional: boolean;
}

export interface ClockRules {
  /** Share of the limit used at which the light turns yellow (0.8 = 80 %). */
  yellowAt: number;
}

export function startClock(phase: Exclude<ClockPhase, 'stopped'>, limitDays: number, today: string): ClockState {
  return { phase, startedOn: today, limitDays, pausedDays: 0, pausedSince: null, pauseKind: null, light: 'green' };
}

export function applyClockChange(
  clock: ClockState,
  change: ClockChange,
  today: string,
  cal: WorkCalendar,
  rules: ClockRules,
): ClockState {
  switch (change.kind) {
    case 'none':
      return clock;
    case 'start':
      return startClock(change.phase, change.limitDays, change.from ?? today);
    case 'pause':
      if (clock.pausedSince !== null) return { ...clock, pauseKind: change.pause };
      return { ...clock, pausedSince: today, pauseKind: change.pause, light: readClock(clock, today, cal, rules).light };
    case 'resume': {
      if (clock.pausedSince === null) return clock;
      const paused = cal.workingDaysBetween(clock.pausedSince, today);
      return { ...clock, pausedDays: clock.pausedDays + paused, pausedSince: null, pauseKind: null };
    }
    case 'extend':
      return { ...clock, limitDays: clock.limitDays + change.days };
    case 'stop':
      // Counting ends today, or where a running pause began (pause days never count).
      return { ...clock, light: readClock(clock, today, cal, rules).light, phase: 'stopped', pausedSince: clock.pausedSince ?? today, pauseKind: null };
  }
}

export function readClock(clock: ClockState, today: string, cal: WorkCalendar, rules: ClockRules): ClockReading {
  const base = { phase: clock.phase, limitDays: clock.limitDays, pauseKind: clock.pauseKind };
  const countUntil = clock.pausedSince ?? today;
  const usedDays = Math.max(0, cal.workingDaysBetween(clock.startedOn, countUntil) - clock.pausedDays);
  const leftDays = clock.limitDays - usedDays;
  if (clock.phase === 'stopped' || clock.pausedSince !== null) {
    return { ...base, paused: clock.phase !== 'stopped' && clock.pausedSince !== null, usedDays, leftDays, deadline: null, yellowOn: null, light: clock.light, provisional: false };
  }
  const deadline = cal.addWorkingDays(clock.startedOn, clock.limitDays + clock.pausedDays);
  const yellowOn = cal.addWorkingDays(clock.startedOn, yellowDays(clock.limitDays, rules) + clock.pausedDays);
  const provisional = cal.isProvisional(deadline);
  return { ...base, paused: false, usedDays, leftDays, deadline, yellowOn, light: lightOn(today, deadline, yellowOn), provisional };
}

/** Used working days at which the light turns yellow. */
export function yellowDays(limitDays: number, rules: ClockRules): number {
  return Math.ceil(limitDays * rules.yellowAt);
}

/** The light on a date for a running clock: red once the deadline day has passed. */
export function lightOn(today: string, deadline: string, yellowOn: string): Light {
  if (today > deadline) return 'red';
  if (today >= yellowOn) return 'yellow';
  return 'green';
}
