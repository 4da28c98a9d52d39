import { FINAL_STATES } from '../../../workflows/caseStates';

const CLOSED = new Set<string>(FINAL_STATES);

/** Whether a case has ended (completed, refused, denied or withdrawn). */
export const isClosed = (state: string): boolean => CLOSED.has(state);
