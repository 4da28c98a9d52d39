import type { CaseRow } from '../../db/repositories/cases';
import type { ActionInput } from '../commands/transitionCase';
import { emsWaybill } from './pilotApplicants';

/** Working days a posted licence travels before the applicant confirms receipt (签收). */
export const POST_TRANSIT_DAYS = 2;

export interface PilotStep {
  /** The desk at the case's current step, or the applicant (by the case's query code). */
  by: 'desk' | 'applicant';
  action: ActionInput;
}

/**
 * The next step of a pilot case on its straight way through: accepted at the
 * centre, forwarded up by each reviewing level, approved, issued (the
 * e-licence is written in the same transaction), delivered by post with an
 * EMS waybill or electronically, and a posted licence's receipt confirmed by
 * the applicant. An electronic delivery is completed by the scheduler's
 * auto-complete timer; nothing is left for the generator to do then (null).
 */
export function nextPilotStep(row: Pick<CaseRow, 'id' | 'state' | 'delivery'>): PilotStep | null {
  switch (row.state) {
    case 'acceptanceReview':
      return { by: 'desk', action: { type: 'ACCEPT', opinion: '网上申报材料齐全，予以受理' } };
    case 'review':
      return { by: 'desk', action: { type: 'FORWARD', opinion: '审查同意，报请审批' } };
    case 'decision':
      return { by: 'desk', action: { type: 'APPROVE', opinion: '符合法定条件，准予许可' } };
    case 'approved':
      // No typed 证照编号: the command makes one, and the e-licence's GB/T 36904 identifier.
      return { by: 'desk', action: { type: 'ISSUE', licenceNo: '' } };
    case 'issued':
      return row.delivery.mode === 'post'
        ? { by: 'desk', action: { type: 'DELIVER', mode: 'post', trackingNo: emsWaybill(row.id), ...(row.delivery.address ? { address: row.delivery.address } : {}) } }
        : { by: 'desk', action: { type: 'DELIVER', mode: 'electronic' } };
    case 'delivered':
      return row.delivery.mode === 'post' ? { by: 'applicant', action: { type: 'COMPLETE' } } : null;
    default:
      return null;
  }
}
