import { addCalendarDays, type WorkCalendar } from './calendar';
import type { CaseState } from './caseMachine';
import type { ClockPhase, Light } from './clock';
import { escalationDay } from './urging';

/**
 * Deadlines as durable timers. XState's `after` lives in memory and dies with
 * the process, so each transition plans the case's next timers as rows; a
 * scheduler turns due rows into events sent through the command path.
 */
export type TimerKind = 'warn-yellow' | 'warn-red' | 'deem-accepted' | 'auto-complete' | 'escalate';

export interface TimerPlan {
  kind: TimerKind;
  dueAt: Date;
}

export interface TimerInput {
  state: CaseState;
  phase: ClockPhase;
  paused: boolean;
  deadline: string | null;
  yellowOn: string | null;
  light: Light;
  deliveryMode: string | null;
  today: string;
}

/** Midnight at the start of a China calendar date. */
export function chinaStartOf(date: string): Date {
  return new Date(`${date}T00:00:00+08:00`);
}

export function planTimers(c: TimerInput, cal: WorkCalendar): TimerPlan[] {
  if (c.state === 'delivered' && c.deliveryMode === 'electronic') {
    // An electronic licence counts as received at the start of the next working day.
    return [{ kind: 'auto-complete', dueAt: chinaStartOf(cal.addWorkingDays(c.today, 1)) }];
  }
  if (c.phase === 'stopped' || c.paused || !c.deadline || !c.yellowOn) return [];
  const plans: TimerPlan[] = [];
  if (c.light === 'green') plans.push({ kind: 'warn-yellow', dueAt: chinaStartOf(c.yellowOn) });
  const dayAfter = chinaStartOf(addCalendarDays(c.deadline, 1));
  // Art. 32: no notice of missing materials within 5 working days → accepted on arrival.
  if (c.phase === 'acceptance' && c.state === 'acceptanceReview') plans.push({ kind: 'deem-accepted', dueAt: dayAfter });
  else if (c.light !== 'red') plans.push({ kind: 'warn-red', dueAt: dayAfter });
  return plans;
}

/**
 * 督办 by the level above: a case still running past its promised date is
 * raised once (per promised date) on the morning it has been overdue
 * `redDays` working days (workflows/urging.ts escalationDay).
 */
export function escalationTimer(
  c: { closed: boolean; phase: string | null; dueOn: string | null; escalatedFor: string | null },
  redDays: number,
  cal: WorkCalendar,
): TimerPlan[] {
  if (c.closed || c.phase !== 'running' || !c.dueOn || c.escalatedFor === c.dueOn) return [];
  return [{ kind: 'escalate', dueAt: chinaStartOf(escalationDay(c.dueOn, redDays, cal)) }];
}
