import type { CaseView, UserView } from '../../api/types';

/*
 * Who may add or judge material files now, as the server decides it (it
 * refuses otherwise anyway): the screen offers only what will be taken.
 */

/** An applicant adds files while the case is being accepted or waits for them. */
const APPLICANT_STATES = ['acceptanceReview', 'awaitingMaterials'];
/** The desk working the case's step adds files (counter scans) until the decision. */
const DESK_STATES = ['acceptanceReview', 'awaitingMaterials', 'review', 'decision', 'special'];

const isDesk = (viewer: UserView | null) => viewer?.role === 'clerk' || viewer?.role === 'reviewer';

/** The viewer works the case's current step: the server offers them an action of the step (not merely a delivery choice). */
const worksStepNow = (c: CaseView) => c.actions.some((a) => a !== 'CHOOSE_DELIVERY');

/** An applicant: without an account (query code) or logged in to their own. */
export const isApplicant = (viewer: UserView | null) => !viewer || viewer.role === 'applicant';

export function mayUpload(c: CaseView, viewer: UserView | null): boolean {
  if (isApplicant(viewer)) return APPLICANT_STATES.includes(c.state);
  return isDesk(viewer) && DESK_STATES.includes(c.state) && worksStepNow(c);
}

/** 合格 / 不合格: only the desk at the acceptance step, while the case is under acceptance review. */
export function mayMark(c: CaseView, viewer: UserView | null): boolean {
  return isDesk(viewer) && c.state === 'acceptanceReview' && c.actions.includes('ACCEPT');
}

/** Attach by reference: an applicant logged in to an account, whose earlier files the platform holds. */
export const mayReuse = (c: CaseView, viewer: UserView | null) => viewer?.role === 'applicant' && APPLICANT_STATES.includes(c.state);
