import type { CaseContext, CaseState } from './caseMachine';
import type { CaseEvent } from './caseEvents';
import type { WorkCalendar } from './calendar';
import type { ClockChange, ClockState } from './clock';
import { STATUTORY, type ItemVersion } from './route';

interface Side {
  state: CaseState;
  context: CaseContext;
}

/**
 * Which clock change a transition makes, from the states on both sides. Kept
 * apart from the machine so the machine stays about who may do what, and so
 * the rules of 行政许可法 read in one place.
 */
export function clockChangeFor(prev: Side, next: Side, event: CaseEvent, _item: Pick<ItemVersion, 'promisedDays'>): ClockChange {
  // Notes that change no step: the scheduler's warnings, the applicant's choice of delivery.
  if (event.type === 'CLOCK_WARNING' || event.type === 'CHOOSE_DELIVERY') return { kind: 'none' };
  const to = next.state;
  // Delivered ends the office's work: the step clock reads finished, not "0/10".
  if (to === 'delivered' || to === 'completed' || to === 'refused' || to === 'denied' || to === 'withdrawn') return { kind: 'stop' };
  if (to === 'awaitingMaterials') return { kind: 'pause', pause: 'materials' };
  if (to === 'special') return { kind: 'pause', pause: 'special' };
  if (to === 'acceptanceReview') {
    // A complete file restarts the 5-day acceptance period (on arrival or on supply).
    return { kind: 'start', phase: 'acceptance', limitDays: STATUTORY.materialsNoticeDays };
  }
  if (prev.state === 'special') return { kind: 'resume' };
  if (event.type === 'EXTEND') return { kind: 'extend', days: STATUTORY.extensionDays };
  const step = next.context.route[next.context.stepIndex];
  const stepChanged = prev.context.stepIndex !== next.context.stepIndex || prev.state !== to;
  // Issue, then deliver: each step its own internal limit (环节时限), together within the statutory 10.
  if ((to === 'approved' || to === 'issued') && stepChanged) {
    return { kind: 'start', phase: 'delivery', limitDays: step?.limitDays ?? STATUTORY.issueAndDeliverDays };
  }
  if (to === 'review' && stepChanged) {
    return { kind: 'start', phase: 'review', limitDays: step?.limitDays ?? STATUTORY.lowerReviewDays };
  }
  if (to === 'decision' && stepChanged) {
    // The deciding level's period counts from its receipt of the file (Art. 43), over the decide
    // step's own limit; the promise to the applicant is the separate promise clock (promiseClock.ts).
    const limit = (step?.limitDays ?? STATUTORY.decisionDays) + (next.context.extended ? STATUTORY.extensionDays : 0);
    return { kind: 'start', phase: 'decision', limitDays: limit };
  }
  return { kind: 'none' };
}

/**
 * 行政许可法 Art. 32: what is missing must be told within 5 working days of
 * arrival; after that the file counts as accepted on arrival. True once that
 * period has run out for a file still in acceptance review.
 */
export function materialsNoticeExpired(clock: ClockState, today: string, cal: WorkCalendar): boolean {
  if (clock.phase !== 'acceptance' || clock.pausedSince !== null) return false;
  return today > cal.addWorkingDays(clock.startedOn, clock.limitDays + clock.pausedDays);
}

/** A late acceptance counts the next phase from the day the file arrived, not from today. */
export function deemAcceptedOnArrival(change: ClockChange, prev: ClockState, today: string, cal: WorkCalendar): ClockChange {
  if (change.kind !== 'start' || change.phase === 'acceptance') return change;
  return materialsNoticeExpired(prev, today, cal) ? { ...change, from: prev.startedOn } : change;
}
