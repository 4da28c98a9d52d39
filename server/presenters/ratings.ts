import type { AggregateEventRow } from '../../db/repositories/aggregateEvents';
import type { CaseRatingRow } from '../../db/repositories/ratings/caseRatings';
import type { RectificationRow } from '../../db/repositories/ratings/rectifications';

/** A rating as anyone who may see the case sees it: never who rated nor through which account (raters are protected). */
export function presentRating(r: CaseRatingRow) {
  return {
    stage: r.stage,
    overall: r.overall,
    indicators: { efficiency: r.efficiency, guideAccuracy: r.guideAccuracy, convenience: r.convenience, usability: r.usability },
    comment: r.comment,
    anonymous: r.anonymous,
    desk: { level: r.deskLevel, jurisdictionCode: r.deskJurisdiction, department: r.deskDepartment },
    excluded: r.excluded,
    createdAt: r.createdAt,
  };
}

export function presentRectification(r: RectificationRow) {
  const reached = (r.machineContext as { reached?: boolean | null }).reached ?? null;
  return {
    id: r.id,
    caseNo: r.caseNo,
    stage: r.stage,
    desk: { jurisdictionCode: r.jurisdictionCode, department: r.department },
    realName: r.realName,
    dueOn: r.dueOn,
    overdue: r.overdue,
    state: r.state,
    revision: r.rowVersion,
    calledBack: r.calledBackAt ? { at: r.calledBackAt, reached } : null,
    outcome: r.outcome ? { kind: r.outcome, text: r.outcomeText, at: r.resolvedAt } : null,
    applicantRating: r.applicantScore !== null ? { score: r.applicantScore, comment: r.applicantComment } : null,
    createdAt: r.createdAt,
  };
}

/** A rectification's history: the applicant's own acts show as 申请人, whoever the account is. */
export function presentRectificationEvent(e: AggregateEventRow) {
  const byApplicant = e.actorRole === 'applicant';
  return { seq: e.seq, type: e.type, from: e.fromState, to: e.toState, reason: e.reason, details: e.payload, by: { role: e.actorRole, name: byApplicant ? '申请人' : e.actorName }, at: e.createdAt };
}
