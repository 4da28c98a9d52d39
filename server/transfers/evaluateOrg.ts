import { fromDbTime } from '../../db/connection';
import { findEvaluation, findOrg, insertEvaluation, updateOrgIfVersion, type TransferOrgRow } from '../../db/repositories/transfers/organisations';
import { chinaDate } from '../../workflows/calendar';
import { transferOrgMachine, type EvaluateEvent, type OrgContext } from '../../workflows/transferOrgMachine';
import type { Actor } from '../auth/actor';
import type { AppContext } from '../context';
import { AppError } from '../errors';
import { applyCommand } from '../commands/aggregates/applyCommand';
import { machineAggregate, type AggregateResult } from '../commands/aggregates/machineAggregate';
import { requireTransferKeeper } from '../policies/transfers';

export type EvaluateAction = Omit<EvaluateEvent, 'actor' | 'today'>;

export const orgNotFound = () => new AppError('TRANSFER_ORG_NOT_FOUND', 404, 'No receiving organisation with this number');
const alreadyEvaluated = (year: number) => new AppError('TRANSFER_ALREADY_EVALUATED', 409, `This organisation’s ${year} evaluation is recorded already; an evaluation is not changed`, { year });

/**
 * EVALUATE on the one command path: the machine grades the score and moves
 * the organisation in the qualified directory (kept, probation, restored,
 * removed: transferEvaluation.ts); the evaluation row, with the grade and
 * consequence the machine decided, is written in the same transaction.
 * Nobody watches the directory live (a public list read on demand), so the
 * event carries no live message.
 */
export const orgEvaluation = machineAggregate<TransferOrgRow, EvaluateAction>({
  aggregate: 'transferOrg',
  load: (trx, key, forUpdate) => findOrg(trx, Number(key), forUpdate),
  notFound: orgNotFound,
  authorise: (actor) => requireTransferKeeper(actor),
  machine: transferOrgMachine,
  context: (row) => row.machineContext,
  columns: (row, after, _action, at) => ({ machineContext: after.context as OrgContext, removedOn: after.value === 'removed' ? chinaDate(fromDbTime(at)) : row.removedOn }),
  update: updateOrgIfVersion,
  payload: (action) => ({ year: action.year, score: action.score }),
  live: () => null,
  async effects(_ctx, trx, result, action) {
    const c = result.row.machineContext;
    try {
      await insertEvaluation(trx, {
        orgId: result.row.id, year: action.year, score: action.score, grade: c.lastGrade!, consequence: c.lastConsequence!, stateAfter: result.row.state,
        notes: action.reason?.trim() ?? '', evaluatedBy: result.event.actorUserId, createdAt: result.event.createdAt,
      });
    } catch (e) {
      // Two evaluations of one year at once: the unique key (organisation, year) lets one in.
      if (/unique|duplicate/i.test(String((e as Error).message))) throw alreadyEvaluated(action.year);
      throw e;
    }
  },
});

export interface EvaluateProps {
  actor: Actor;
  orgId: number;
  year: number;
  score: number;
  notes: string;
  expectedVersion?: number;
}

/** Records one year's evaluation of an organisation, with its consequence applied. */
export async function evaluateOrg(ctx: AppContext, p: EvaluateProps): Promise<AggregateResult<TransferOrgRow>> {
  requireTransferKeeper(p.actor);
  if (await findEvaluation(ctx.db.knex, p.orgId, p.year)) throw alreadyEvaluated(p.year);
  try {
    return await applyCommand(ctx, orgEvaluation, { key: String(p.orgId), actor: p.actor, action: { type: 'EVALUATE', year: p.year, score: p.score, reason: p.notes }, expectedVersion: p.expectedVersion });
  } catch (e) {
    // Two evaluations of one year at once: the loser's machine finds the year taken (not later than the last);
    // it is told what happened, as if it had come second, not that the transition was impossible.
    if (e instanceof AppError && e.code === 'INVALID_TRANSITION' && (await findEvaluation(ctx.db.knex, p.orgId, p.year))) throw alreadyEvaluated(p.year);
    throw e;
  }
}
