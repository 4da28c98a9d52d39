import { dbTime } from '../../db/connection';
import { findProjectByCode, type ProjectRow } from '../../db/repositories/projects/projects';
import { endWait, insertWait, listWaits } from '../../db/repositories/projects/stages';
import type { DeclaredWaitKind } from '../../workflows/projectStages';
import { actorUserId, type Actor } from '../auth/actor';
import type { AppContext } from '../context';
import { AppError } from '../errors';
import { withRetry } from '../commands/writeHelpers';
import { applyIn } from '../commands/aggregates/applyCommand';
import type { AggregateResult } from '../commands/aggregates/machineAggregate';
import { canSeeProject, mayActForOwner } from '../policies/projects';
import { onBehalfOf } from './onBehalfOf';
import { projectTransitions } from './projectAggregate';
import { projectNotAllowed, projectNotFound, projectWaitOpen } from './projectErrors';

const waitNotFound = () => new AppError('PROJECT_WAIT_NOT_FOUND', 404, 'No open wait with this id on the project');

function checkActor(actor: Actor, p: ProjectRow | undefined): ProjectRow {
  if (!p || !canSeeProject(actor, p)) throw projectNotFound();
  if (!mayActForOwner(actor, p)) throw projectNotAllowed('Only the project’s owner, or the agent acting for the owner, declares and ends waits');
  return p;
}

/** A wait the owner declares (own preparation, an intermediary the owner hired, utility connection): the row and DECLARE_WAIT in one transaction. */
export async function declareWait(ctx: AppContext, actor: Actor, code: string, w: { kind: DeclaredWaitKind; note: string }): Promise<AggregateResult<ProjectRow>> {
  const result = await withRetry(() =>
    ctx.db.knex.transaction(async (trx) => {
      const p = checkActor(actor, await findProjectByCode(trx, code, true));
      if ((await listWaits(trx, p.id)).some((x) => x.endedAt === null)) throw projectWaitOpen();
      if (p.state === 'completed' || p.state === 'cancelled') throw new AppError('INVALID_TRANSITION', 409, `The project is ${p.state}`, { state: p.state });
      const at = dbTime(ctx.now());
      const waitId = await insertWait(trx, { projectId: p.id, kind: w.kind, note: w.note, startedAt: at, endedAt: null, declaredByUserId: actorUserId(actor) });
      const behalf = await onBehalfOf(trx, actor, p);
      return applyIn(ctx, trx, projectTransitions, { key: code, actor, action: { type: 'DECLARE_WAIT', waitId, kind: w.kind, reason: w.note, onBehalfOf: behalf } });
    }),
  );
  projectTransitions.committed(ctx, result);
  return result;
}

export async function endProjectWait(ctx: AppContext, actor: Actor, code: string, waitId: number): Promise<AggregateResult<ProjectRow>> {
  const result = await withRetry(() =>
    ctx.db.knex.transaction(async (trx) => {
      const p = checkActor(actor, await findProjectByCode(trx, code, true));
      const wait = (await listWaits(trx, p.id)).find((x) => x.id === waitId && x.endedAt === null);
      if (!wait) throw waitNotFound();
      await endWait(trx, waitId, dbTime(ctx.now()));
      const behalf = await onBehalfOf(trx, actor, p);
      return applyIn(ctx, trx, projectTransitions, { key: code, actor, action: { type: 'END_WAIT', waitId, onBehalfOf: behalf } });
    }),
  );
  projectTransitions.committed(ctx, result);
  return result;
}
