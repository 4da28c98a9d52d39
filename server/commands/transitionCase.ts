import type { Knex } from 'knex';
import { findCaseByNo, updateCaseIfVersion } from '../../db/repositories/cases';
import type { AppContext } from '../context';
import { versionConflict } from '../errors';
import { CommitGroup } from './groupCommit';
import { planTransition, type TransitionCaseProps, type TransitionResult } from './planTransition';
import { recordUrging } from './returnsAndUrging';
import { transitionMany } from './transitionBatch';
import { runTransitionEffects } from './transitionEffects';
import { withRetry, writeEvent } from './writeHelpers';

export { caseClosed, type ActionInput, type TransitionCaseProps, type TransitionResult } from './planTransition';

/**
 * The one place a case changes after filing, whoever asks (REST, socket,
 * scheduler): in one transaction, lock and version-check the row, restore the
 * machine, refuse what the state cannot take, write the case (with its timers)
 * and its event (which is its own outbox row).
 */
export async function transitionCase(ctx: AppContext, props: TransitionCaseProps): Promise<TransitionResult> {
  const result =
    ctx.config.GROUP_COMMIT_MAX > 1
      ? await commitGroupOf(ctx).run(props)
      : await withRetry(() => ctx.db.knex.transaction((trx) => transitionIn(ctx, trx, props)));
  ctx.events.emit('committed', { caseId: result.case.id, caseNo: result.case.caseNo, seq: result.event.seq });
  return result;
}

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
export async function transitionIn(ctx: AppContext, trx: Knex.Transaction, props: TransitionCaseProps): Promise<TransitionResult> {
  const row = await findCaseByNo(trx, props.caseNo, { forUpdate: true });
  const plan = await planTransition(ctx, trx, row, props);
  if (!(await updateCaseIfVersion(trx, plan.before.id, plan.before.version, plan.patch))) {
    const fresh = await findCaseByNo(trx, props.caseNo);
    throw versionConflict(plan.before.version, fresh?.version ?? plan.before.version);
  }
  const { updated, urging } = plan;
  const written = await writeEvent(trx, updated, plan.event, plan.change, { notice: urging ?? undefined, at: plan.event.createdAt, prevDesk: plan.prevDesk });
  if (urging) await recordUrging(trx, updated, props.actor, plan.props.action, urging.notice, written.id);
  const result = { case: updated, event: written };
  await runTransitionEffects(ctx, trx, props, result);
  return result;
}
