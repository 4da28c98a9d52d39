import type { AggregateLive } from '../../db/repositories/aggregateEvents';
import { insertCreditRecord } from '../../db/repositories/commitments/creditRecords';
import { findPostCheck, updatePostCheckIfVersion, type PostCheckRow } from '../../db/repositories/commitments/postChecks';
import { postCheckMachine, type PostCheckContext, type PostCheckEvent } from '../../workflows/postCheckMachine';
import { rooms, type PostCheckUpdated } from '../../workflows/socketContract';
import type { Actor } from '../auth/actor';
import { machineAggregate } from '../commands/aggregates/machineAggregate';
import { AppError, forbidden } from '../errors';
import { canSeePostCheck, worksCheckDesk } from '../policies/postChecks';

/** A command on a post-check as the API (or the timer) gives it: the machine event without actor and date. */
export type PostCheckAction = PostCheckEvent extends infer E ? (E extends { actor: unknown } ? Omit<E, 'actor' | 'today'> : never) : never;

export const postCheckNotFound = () => new AppError('POST_CHECK_NOT_FOUND', 404, 'No post-check task with this number that you may see');

/** The live message of a task's event: to the checking desk and the applicant's account (no personal numbers). */
export function postCheckLive(t: PostCheckRow, e: { type: string; seq: number; createdAt: string }): AggregateLive {
  const message: PostCheckUpdated = { id: t.id, caseNo: t.caseNo, proof: t.proof, type: e.type, state: t.state, overdue: t.overdue, dueOn: t.dueOn, revision: t.rowVersion, seq: e.seq, at: e.createdAt };
  return { event: 'postcheck:updated', rooms: [rooms.desk(t.jurisdictionCode, t.department), ...(t.applicantUserId ? [rooms.user(t.applicantUserId)] : [])], message };
}

/** The post-check task as an aggregate of the one command path; a false commitment writes its credit record in the same transaction. */
export const postCheckTransitions = machineAggregate<PostCheckRow, PostCheckAction>({
  aggregate: 'postcheck',
  load: (trx, key, forUpdate) => findPostCheck(trx, Number(key), forUpdate),
  notFound: postCheckNotFound,
  authorise(actor: Actor, t: PostCheckRow) {
    if (worksCheckDesk(actor, t) || actor.kind === 'system') return;
    throw canSeePostCheck(actor, t) ? forbidden('Only the deciding department’s reviewers work a post-check') : postCheckNotFound();
  },
  machine: postCheckMachine,
  context: (t) => t.machineContext as unknown as PostCheckContext,
  columns(_t, after, action, at) {
    const c = after.context as PostCheckContext;
    const decided = action.type === 'CONFIRM' || action.type === 'FIND_FALSE';
    return {
      machineContext: c as unknown as Record<string, unknown>,
      overdue: c.overdue,
      ...(decided ? { decisionNo: c.decisionNo, outcomeReason: action.reason.trim(), decidedAt: at } : {}),
    };
  },
  update: updatePostCheckIfVersion,
  payload: (action) => (action.type === 'FIND_FALSE' ? { decisionNo: action.decisionNo.trim() } : {}),
  live: (t, event) => postCheckLive(t, event),
  async effects(_ctx, trx, { row }, action) {
    if (action.type !== 'FIND_FALSE') return;
    await insertCreditRecord(trx, {
      subjectType: row.subjectType,
      subjectCode: row.subjectCode,
      subjectName: row.subjectName,
      kind: 'false_commitment',
      postCheckId: row.id,
      jurisdictionCode: row.jurisdictionCode,
      department: row.department,
      decisionNo: action.decisionNo.trim(),
      reasons: action.reason.trim(),
      createdAt: row.decidedAt!,
    });
  },
});
