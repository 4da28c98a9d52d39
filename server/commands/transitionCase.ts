import type { Knex } from 'knex';
import { findCaseByNo, updateCaseIfVersion, type CaseRow } from '../../db/repositories/cases';
import { applyCommand, applyIn, type AggregateKind } from './aggregates/applyCommand';
import type { AppContext } from '../context';
import { versionConflict } from '../errors';
import { CommitGroup } from './groupCommit';
import { planTransition, type PlannedTransition, type TransitionCaseProps, type TransitionResult } from './planTransition';
import { recordUrging } from './returnsAndUrging';
import { transitionMany } from './transitionBatch';
import { runTransitionEffects } from './transitionEffects';
import { writeEvent } from './writeHelpers';

export { caseClosed, type ActionInput, type TransitionCaseProps, type TransitionResult } from './planTransition';

/**
 * The one place a case changes after filing, whoever asks (REST, socket,
 * scheduler): in one transaction, lock and version-check the row, restore the
 * machine, refuse what the state cannot take, write the case (with its timers)
 * and its event (which is its own outbox row).
 */
export async function transitionCase(ctx: AppContext, props: TransitionCaseProps): Promise<TransitionResult> {
  if (ctx.config.GROUP_COMMIT_MAX <= 1) return applyCommand(ctx, caseTransitions, props);
  const result = await commitGroupOf(ctx).run(props);
  caseTransitions.committed(ctx, result);
  return result;
}

/** The case as an aggregate of the one command path (aggregates/applyCommand.ts); group commit batches the same steps. */
export const caseTransitions: AggregateKind<TransitionCaseProps, CaseRow, PlannedTransition, TransitionResult> = {
  load: (trx, props) => findCaseByNo(trx, props.caseNo, { forUpdate: true }),
  plan: (ctx, trx, row, props) => planTransition(ctx, trx, row, props),
  async write(_ctx, trx, plan) {
    if (!(await updateCaseIfVersion(trx, plan.before.id, plan.before.version, plan.patch))) {
      const fresh = await findCaseByNo(trx, plan.before.caseNo);
      throw versionConflict(plan.before.version, fresh?.version ?? plan.before.version);
    }
    const { updated, urging } = plan;
    const written = await writeEvent(trx, updated, plan.event, plan.change, { notice: urging ?? undefined, at: plan.event.createdAt, prevDesk: plan.prevDesk });
    if (urging) await recordUrging(trx, updated, plan.props.actor, plan.props.action, urging.notice, written.id);
    return { case: updated, event: written };
  },
  effects: runTransitionEffects,
  committed: (ctx, result) => ctx.events.emit('committed', { caseId: result.case.id, caseNo: result.case.caseNo, seq: result.event.seq }),
};

const groups = new WeakMap<AppContext, CommitGroup<TransitionCaseProps, TransitionResult>>();

/** The context's group commit for transitions (one per process and database; see groupCommit.ts). */
export function commitGroupOf(ctx: AppContext): CommitGroup<TransitionCaseProps, TransitionResult> {
  let g = groups.get(ctx);
  if (!g) {
    const runner = { many: (trx: Knex.Transaction, list: TransitionCaseProps[]) => transitionMany(ctx, trx, list), one: (trx: Knex.Transaction, p: TransitionCaseProps) => transitionIn(ctx, trx, p) };
    groups.set(ctx, (g = new CommitGroup(ctx.db.knex, runner, { max: ctx.config.GROUP_COMMIT_MAX, windowMs: ctx.config.GROUP_COMMIT_WINDOW_MS, parallel: ctx.config.GROUP_COMMIT_PARALLEL })));
  }
  return g;
}

/** One transition in the caller's transaction: exported for counter filing, which files and accepts in one. */
export function transitionIn(ctx: AppContext, trx: Knex.Transaction, props: TransitionCaseProps): Promise<TransitionResult> {
  return applyIn(ctx, trx, caseTransitions, props);
}
