import { findProjectByCode } from '../../db/repositories/projects/projects';
import { findUserById } from '../../db/repositories/users';
import type { Actor } from '../auth/actor';
import type { AppContext } from '../context';
import { transitionCase, type TransitionResult } from '../commands/transitionCase';
import { canSeeProject, mayActForOwner } from '../policies/projects';
import { onBehalfOf } from './onBehalfOf';
import { projectNotAllowed, projectNotFound } from './projectErrors';
import { actingFor } from './stageCaseMoves';
import { AppError } from '../errors';

export type StageCaseAction = { type: 'SUPPLY_MATERIALS'; materials: string[] } | { type: 'WITHDRAW'; reason?: string };

/**
 * The owner's part on a case of the project (补正 supplied, a withdrawal),
 * sent by the owner or by the agent acting for the owner (代办): the case
 * takes it as its applicant's (the owner's account), through the one command
 * path; when the agent sent it, the case's event (its payload) and the
 * project's event of that move record whom the agent acted for and under
 * which proxy order.
 */
export async function actOnStageCase(ctx: AppContext, actor: Actor, code: string, caseNo: string, action: StageCaseAction, expectedVersion?: number): Promise<TransitionResult> {
  const db = ctx.db.knex;
  const p = await findProjectByCode(db, code);
  if (!p || !canSeeProject(actor, p)) throw projectNotFound();
  if (!mayActForOwner(actor, p)) throw projectNotAllowed('Only the project’s owner, or the agent acting for the owner, acts on its cases');
  const link = await db('project_stage_cases').where({ project_id: p.id, case_no: caseNo }).first('case_id');
  if (!link) throw new AppError('CASE_NOT_FOUND', 404, 'No case with this number in the project');
  const owner = await findUserById(db, p.ownerUserId);
  if (!owner) throw projectNotFound();
  const behalf = await onBehalfOf(db, actor, p);
  const agentName = actor.kind === 'user' ? actor.user.displayName : '';
  // Written with the transition (its `records`, run before the project's hook, on the same result).
  const records = behalf ? async (_trx: unknown, result: TransitionResult) => void actingFor.set(result, { ...behalf, agentName }) : undefined;
  // The case's own event records it too, in its payload: the owner's part, sent by this agent under this order.
  const sent = (behalf ? { ...action, onBehalfOf: { ...behalf, agentName } } : action) as StageCaseAction;
  return transitionCase(ctx, { caseNo, actor: { kind: 'user', user: owner }, action: sent, expectedVersion, records });
}
