import type { Knex } from 'knex';
import { insertCaseEvents } from '../../db/repositories/caseEvents';
import { findCasesByNosForUpdate, updateCasesIfVersion, type CaseRow } from '../../db/repositories/cases';
import type { AppContext } from '../context';
import { refusal, type Outcome } from './groupCommit';
import { recordUrging } from './returnsAndUrging';
import { runTransitionEffects } from './transitionEffects';
import { planTransition, type PlannedTransition, type TransitionCaseProps, type TransitionResult } from './planTransition';
import { eventRecord } from './writeHelpers';

/** The batch's writes did not all land as planned (a row moved under it): run its commands one by one instead. */
export class BatchWriteMismatch extends Error {
  constructor() {
    super('a case of the batch changed between its read and its write');
  }
}

/**
 * A batch of transitions in one transaction with a handful of statements
 * whatever its size: one SELECT … FOR UPDATE for all its cases, each command
 * planned in memory on its own (a later command on the same case sees the
 * earlier one's change; a refusal is that command's answer and writes
 * nothing), then one UPDATE for every case, one INSERT for every event.
 * Throws only when the writes fail; the caller then runs the commands alone.
 */
export async function transitionMany(ctx: AppContext, trx: Knex.Transaction, list: TransitionCaseProps[]): Promise<Outcome<TransitionResult>[]> {
  const current = await findCasesByNosForUpdate(trx, [...new Set(list.map((p) => p.caseNo))]);
  const read = new Map<number, CaseRow>([...current.values()].map((r) => [r.id, r]));
  const plans: PlannedTransition[] = [];
  const outcomes: (Outcome<TransitionResult> | PlannedTransition)[] = [];
  for (const props of list) {
    try {
      const plan = await planTransition(ctx, trx, current.get(props.caseNo), props);
      current.set(props.caseNo, plan.updated);
      plans.push(plan);
      outcomes.push(plan);
    } catch (err) {
      const refused = refusal(err);
      if (!refused) throw err;
      outcomes.push({ ok: false, err: refused });
    }
  }
  // One write per case: its patches merged in order, checked against the version it was read at.
  const merged = new Map<number, Partial<CaseRow>>();
  for (const p of plans) merged.set(p.before.id, { ...merged.get(p.before.id), ...p.patch });
  const changes = [...merged].map(([id, patch]) => ({ current: read.get(id)!, patch }));
  if (!(await updateCasesIfVersion(trx, changes))) throw new BatchWriteMismatch();
  const records = plans.map((p) => eventRecord(p.updated, p.event, p.change, { at: p.event.createdAt, prevDesk: p.prevDesk, notice: p.urging ?? undefined }));
  const ids = await insertCaseEvents(trx, records);
  const results = new Map<PlannedTransition, TransitionResult>();
  for (const [i, p] of plans.entries()) {
    if (p.urging) await recordUrging(trx, p.updated, p.props.actor, p.props.action, p.urging.notice, ids[i]!);
    const result = { case: p.updated, event: { ...p.event, id: ids[i]!, live: records[i]!.live } };
    await runTransitionEffects(ctx, trx, p.props, result);
    results.set(p, result);
  }
  return outcomes.map((o) => ('ok' in o ? o : { ok: true, value: results.get(o)! }));
}
