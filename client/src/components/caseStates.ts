import { FINAL_STATES } from '../../../workflows/caseStates';

const CLOSED = new Set<string>(FINAL_STATES);

/** Whether a case has ended (completed, refused, denied or withdrawn). */
export const isClosed = (state: string): boolean => CLOSED.has(state);

/** Ended without a result: refused or denied (a failure, shown red) or withdrawn by the applicant (neutral, not a failure). */
export const endedWithoutResult = (state: string): boolean => state === 'refused' || state === 'denied' || state === 'withdrawn';

/** The states whose case carries a written decision (GET /api/cases/:caseNo/decision). */
export const hasWrittenDecision = (state: string): boolean =>
  state === 'refused' || state === 'denied' || state === 'approved' || state === 'issued' || state === 'delivered' || state === 'completed';

/** The colour of a state's tag: a refusal or denial red, a withdrawal or completion plain, an open case blue. */
export function stateColor(state: string): string {
  if (state === 'refused' || state === 'denied') return 'error';
  return isClosed(state) ? 'default' : 'processing';
}
