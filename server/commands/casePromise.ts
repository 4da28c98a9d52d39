import type { CaseRow } from '../../db/repositories/cases';
import type { WorkCalendar } from '../../workflows/calendar';
import { deemAcceptedOnArrival } from '../../workflows/caseClock';
import type { CaseEvent } from '../../workflows/caseEvents';
import type { CaseContext, CaseState } from '../../workflows/caseMachine';
import { applyClockChange, type ClockRules, type ClockState } from '../../workflows/clock';
import { promiseChangeFor } from '../../workflows/promiseClock';
import type { ItemVersion } from '../../workflows/route';
import { clockOf, promiseClockOf } from './caseSnapshot';

interface Side {
  state: CaseState;
  context: CaseContext;
}

/**
 * The promise after a transition: the change the transition makes (pure,
 * workflows/promiseClock.ts), counted from the day the file arrived when the
 * acceptance came late (Art. 32, deemed accepted on arrival).
 */
export function nextPromise(
  row: CaseRow,
  prev: Side,
  next: Side,
  event: CaseEvent,
  item: Pick<ItemVersion, 'promisedDays'>,
  today: string,
  cal: WorkCalendar,
  rules: ClockRules,
): ClockState | null {
  const current = promiseClockOf(row);
  const change = deemAcceptedOnArrival(promiseChangeFor(prev, next, event, item, current !== null), clockOf(row), today, cal);
  if (change.kind === 'none') return current;
  if (change.kind === 'start') return applyClockChange(current ?? placeholder(today), change, today, cal, rules);
  return current ? applyClockChange(current, change, today, cal, rules) : null;
}

const placeholder = (today: string): ClockState => ({ phase: 'promise', startedOn: today, limitDays: 0, pausedDays: 0, pausedSince: null, pauseKind: null, light: 'green' });
