import type { Knex } from 'knex';
import type { TimerKind, TimerPlan } from '../../workflows/deadlineTimers';
import { dbTime } from '../connection';

export interface TimerRow {
  id: number;
  caseId: number;
  kind: TimerKind;
  dueAt: string;
  caseVersion: number;
}

/**
 * A case's pending timers follow its latest version: the ones not yet
 * claimed are dropped and the new plan written, in the transition's transaction.
 */
export async function replaceTimers(trx: Knex, caseId: number, caseVersion: number, plans: TimerPlan[], at: string): Promise<void> {
  const pending = await trx('timers').where({ case_id: caseId }).whereNull('fired_at').whereNull('claimed_at').select('id');
  // Delete by primary key: a range delete would take gap locks that concurrent filings deadlock on.
  if (pending.length) await trx('timers').whereIn('id', pending.map((r: { id: number }) => Number(r.id))).delete();
  if (!plans.length) return;
  await trx('timers').insert(
    plans.map((p) => ({
      case_id: caseId,
      kind: p.kind,
      due_at: dbTime(p.dueAt),
      case_version: caseVersion,
      payload: '{}',
      created_at: at,
    })),
  );
}

const toTimer = (r: Record<string, any>): TimerRow => ({
  id: Number(r.id),
  caseId: Number(r.case_id),
  kind: r.kind,
  dueAt: r.due_at,
  caseVersion: Number(r.case_version),
});

/**
 * Claims up to `limit` due timers for `owner`. A claim older than `staleBefore`
 * (its claimer died) may be taken over. On MySQL, SKIP LOCKED lets several
 * schedulers claim side by side; on SQLite there is one writer anyway.
 */
export async function claimDueTimers(
  knex: Knex,
  dialect: 'sqlite' | 'mysql',
  opts: { owner: string; now: string; staleBefore: string; limit: number },
): Promise<TimerRow[]> {
  if (dialect === 'sqlite') return claimDueTimersSqlite(knex, opts);
  return knex.transaction(async (trx) => {
    const q = trx('timers')
      .whereNull('fired_at')
      .where('due_at', '<=', opts.now)
      .where((w) => w.whereNull('claimed_at').orWhere('claimed_at', '<', opts.staleBefore))
      .orderBy('due_at')
      .limit(opts.limit)
      .select('*');
    if (dialect === 'mysql') q.forUpdate().skipLocked();
    const rows = (await q).map(toTimer);
    if (rows.length) {
      await trx('timers').whereIn('id', rows.map((r) => r.id)).update({ claimed_by: opts.owner, claimed_at: opts.now });
    }
    return rows;
  });
}

/**
 * SQLite: write first. A transaction that reads and then writes fails at once
 * ("database is locked") when another process wrote in between; one UPDATE
 * takes the write lock up front and waits its turn (busy_timeout).
 */
async function claimDueTimersSqlite(knex: Knex, opts: { owner: string; now: string; staleBefore: string; limit: number }): Promise<TimerRow[]> {
  const due = knex('timers')
    .select('id')
    .whereNull('fired_at')
    .where('due_at', '<=', opts.now)
    .where((w) => w.whereNull('claimed_at').orWhere('claimed_at', '<', opts.staleBefore))
    .orderBy('due_at')
    .limit(opts.limit);
  await knex('timers').whereIn('id', due).update({ claimed_by: opts.owner, claimed_at: opts.now });
  const rows = await knex('timers').where({ claimed_by: opts.owner, claimed_at: opts.now }).whereNull('fired_at').orderBy('due_at').select('*');
  return rows.map(toTimer);
}

export async function markTimerFired(knex: Knex, id: number, owner: string, at: string): Promise<void> {
  await knex('timers').where({ id, claimed_by: owner }).update({ fired_at: at });
}

/** Lets a claimed timer that failed to fire be taken over once `claimedAt` is stale (a retry soon). */
export async function retryTimerSoon(knex: Knex, id: number, owner: string, claimedAt: string): Promise<void> {
  await knex('timers').where({ id, claimed_by: owner }).whereNull('fired_at').update({ claimed_at: claimedAt });
}

export async function pendingTimers(knex: Knex, caseId: number): Promise<TimerRow[]> {
  return (await knex('timers').where({ case_id: caseId }).whereNull('fired_at').orderBy('due_at').select('*')).map(toTimer);
}
