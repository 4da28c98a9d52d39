/** Every state a case can be in, and the ones it ends in. Pure data: the machine and the web app share it. */
export const CASE_STATES = [
  'submitted',
  'acceptanceReview',
  'awaitingMaterials',
  'review',
  'decision',
  'special',
  'approved',
  'issued',
  'delivered',
  'completed',
  'refused',
  'denied',
  'withdrawn',
] as const;
export type CaseState = (typeof CASE_STATES)[number];
export const FINAL_STATES: readonly CaseState[] = ['completed', 'refused', 'denied', 'withdrawn'];
