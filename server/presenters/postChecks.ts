import type { AggregateEventRow } from '../../db/repositories/aggregateEvents';
import type { CreditRecordRow } from '../../db/repositories/commitments/creditRecords';
import type { PostCheckRow } from '../../db/repositories/commitments/postChecks';
import type { CommitmentRow } from '../../db/repositories/commitments/proofs';
import type { Actor } from '../auth/actor';
import { worksCheckDesk } from '../policies/postChecks';
import { maskIdNumber } from './case';

/** A person's ID number in full for the checking desk and the subject; masked for everyone else. A USCC is public. */
function subjectView(viewer: Actor, s: { subjectType: string; subjectCode: string; jurisdictionCode: string; department: string }, isSubject: boolean) {
  const full = s.subjectType !== 'person' || isSubject || worksCheckDesk(viewer, s);
  return full ? s.subjectCode : maskIdNumber(s.subjectCode);
}

const isApplicant = (viewer: Actor, t: PostCheckRow) => viewer.kind === 'user' && viewer.user.role === 'applicant' && viewer.user.id === t.applicantUserId;

export function presentPostCheck(t: PostCheckRow, viewer: Actor) {
  return {
    id: t.id,
    caseNo: t.caseNo,
    itemCode: t.itemCode,
    proof: t.proof,
    desk: { jurisdictionCode: t.jurisdictionCode, department: t.department },
    subject: { type: t.subjectType, name: t.subjectName, code: subjectView(viewer, t, isApplicant(viewer, t)) },
    dueOn: t.dueOn,
    overdue: t.overdue,
    state: t.state,
    revision: t.rowVersion,
    outcome: t.decidedAt ? { decisionNo: t.decisionNo, reason: t.outcomeReason, at: t.decidedAt } : null,
    createdAt: t.createdAt,
  };
}

export function presentCommitment(c: CommitmentRow) {
  return { proof: c.proof, text: c.text, signedBy: c.signedBy, signedAt: c.signedAt };
}

export function presentPostCheckEvent(e: AggregateEventRow) {
  return { seq: e.seq, type: e.type, from: e.fromState, to: e.toState, reason: e.reason, details: e.payload, by: { role: e.actorRole, name: e.actorName }, at: e.createdAt };
}

export function presentCreditRecord(c: CreditRecordRow, viewer: Actor) {
  return {
    id: c.id,
    subject: { type: c.subjectType, name: c.subjectName, code: subjectView(viewer, c, false) },
    kind: c.kind,
    postCheckId: c.postCheckId,
    recordedBy: { jurisdictionCode: c.jurisdictionCode, department: c.department },
    decisionNo: c.decisionNo,
    reasons: c.reasons,
    createdAt: c.createdAt,
    repaired: c.repairedAt ? { at: c.repairedAt, by: c.repairedBy, reason: c.repairReason } : null,
  };
}
