import type { AggregateLive } from '../../db/repositories/aggregateEvents';
import { excludeRating } from '../../db/repositories/ratings/caseRatings';
import { findRectification, insertRectification, updateRectificationIfVersion, type RectificationRow } from '../../db/repositories/ratings/rectifications';
import { ancestorCode } from '../../workflows/levels';
import { rectificationMachine, type RectificationContext, type RectificationEvent } from '../../workflows/rectificationMachine';
import { rooms, type RectificationUpdated } from '../../workflows/socketContract';
import type { Actor } from '../auth/actor';
import { machineAggregate } from '../commands/aggregates/machineAggregate';
import { machineCreation } from '../commands/aggregates/machineCreation';
import { AppError, forbidden } from '../errors';
import { canSeeRectification, rectificationRole } from '../policies/ratings';

/** A command on a rectification as the API (or the timer) gives it: the machine event without actor and date. */
export type RectificationAction = RectificationEvent extends infer E ? (E extends { actor: unknown } ? Omit<E, 'actor' | 'today'> : never) : never;

export const rectificationNotFound = () => new AppError('RECTIFICATION_NOT_FOUND', 404, 'No rectification with this number that you may see');

/** The live message of a rectification's event: the desk, the supervisors of its county and city, the applicant's account. */
export function rectificationLive(r: RectificationRow, e: { type: string; seq: number; createdAt: string }): AggregateLive {
  const message: RectificationUpdated = {
    id: r.id,
    caseNo: r.caseNo,
    stage: r.stage,
    type: e.type,
    state: r.state,
    overdue: r.overdue,
    dueOn: r.dueOn,
    desk: { jurisdictionCode: r.jurisdictionCode, department: r.department },
    revision: r.rowVersion,
    seq: e.seq,
    at: e.createdAt,
  };
  const to = [
    rooms.desk(r.jurisdictionCode, r.department),
    rooms.supervision(ancestorCode(r.jurisdictionCode, 'county')),
    rooms.supervision(ancestorCode(r.jurisdictionCode, 'city')),
    ...(r.applicantUserId !== null ? [rooms.user(r.applicantUserId)] : []),
  ];
  return { event: 'rectification:updated', rooms: [...new Set(to)], message };
}

/** Who may send which event: the desk works it, a supervisor above it rules on an appeal, the applicant rates the outcome. */
const ALLOWED: Record<string, readonly string[]> = {
  desk: ['VERIFY', 'CALL_BACK', 'FIX', 'EXPLAIN', 'APPEAL'],
  supervisor: ['UPHOLD_APPEAL', 'REJECT_APPEAL'],
  applicant: ['APPLICANT_RATE'],
  system: ['MARK_OVERDUE'],
};

/** The rectification as an aggregate of the one command path; an upheld appeal takes the rating out of the figures in the same transaction. */
export const rectificationTransitions = machineAggregate<RectificationRow, RectificationAction>({
  aggregate: 'rectification',
  load: (trx, key, forUpdate) => findRectification(trx, Number(key), forUpdate),
  notFound: rectificationNotFound,
  authorise(actor: Actor, r: RectificationRow, action) {
    const role = rectificationRole(actor, r);
    if (role && ALLOWED[role]!.includes(action.type)) return;
    if (!canSeeRectification(actor, r)) throw rectificationNotFound();
    throw forbidden(role === 'desk' ? 'An appeal is ruled on by a supervisor above the desk' : 'Only the desk that handled the rated stage works its rectification');
  },
  machine: rectificationMachine,
  context: (r) => r.machineContext as unknown as RectificationContext,
  columns(_r, after, action, at) {
    const c = after.context as RectificationContext;
    const text = action.reason?.trim() || null;
    return {
      machineContext: c as unknown as Record<string, unknown>,
      overdue: c.overdue,
      outcome: c.outcome,
      ...(action.type === 'CALL_BACK' ? { calledBackAt: at } : {}),
      ...(action.type === 'FIX' || action.type === 'EXPLAIN' || action.type === 'UPHOLD_APPEAL' ? { outcomeText: text, resolvedAt: at } : {}),
      ...(action.type === 'APPLICANT_RATE' ? { applicantScore: c.applicantScore, applicantComment: text } : {}),
    };
  },
  update: updateRectificationIfVersion,
  payload: (action) => (action.type === 'CALL_BACK' ? { reached: action.reached } : action.type === 'APPLICANT_RATE' ? { score: action.score } : {}),
  live: (r, event) => rectificationLive(r, event),
  async effects(_ctx, trx, { row }, action) {
    if (action.type === 'UPHOLD_APPEAL') await excludeRating(trx, row.ratingId);
  },
});

/** What opens a rectification: the bad rating just written, its desk and deadline. */
export interface OpenRectification {
  actor: Actor;
  ratingId: number;
  caseId: number;
  caseNo: string;
  stage: string;
  desk: { jurisdictionCode: string; department: string | null };
  applicantUserId: number | null;
  realName: boolean;
  dueOn: string;
}

/** Opening a rectification: the rating command's effect, in its transaction (first event OPEN). */
export const rectificationCreation = machineCreation<OpenRectification, RectificationRow>({
  aggregate: 'rectification',
  machine: rectificationMachine,
  async plan(_ctx, _trx, p) {
    return {
      actor: p.actor,
      type: 'OPEN',
      payload: { caseNo: p.caseNo, stage: p.stage, dueOn: p.dueOn },
      input: { dueOn: p.dueOn, realName: p.realName },
      columns: (initial, at) => ({
        ratingId: p.ratingId,
        caseId: p.caseId,
        caseNo: p.caseNo,
        stage: p.stage,
        jurisdictionCode: p.desk.jurisdictionCode,
        department: p.desk.department,
        applicantUserId: p.applicantUserId,
        realName: p.realName,
        dueOn: p.dueOn,
        overdue: false,
        machineContext: initial.context as Record<string, unknown>,
        outcome: null,
        outcomeText: null,
        calledBackAt: null,
        applicantScore: null,
        applicantComment: null,
        resolvedAt: null,
        createdAt: at,
      }),
    };
  },
  insert: insertRectification,
  live: (r, event) => rectificationLive(r, event),
});
