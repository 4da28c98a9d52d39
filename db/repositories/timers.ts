import type { Knex } from 'knex';
import type { TimerKind, TimerPlan } from '../../workflows/deadlineTimers';
import { dbTime, parseJson } from '../connection';
import type { CaseRow, StoredTimer } from './cases';

/** A case whose earliest timer is due, as a scheduler claimed it: the plan belongs to `caseVersion`. */
export interface DueCase {
  caseId: number;
  caseNo: string;
  caseVersion: number;
  timers: StoredTimer[];
}

/**
 * The timer columns a transition (or filing, or a calendar change) writes in
 * the same UPDATE as the case's new state: the plan, its earliest due time,
 * and no claim (a scheduler's claim was on the version before).
 */
export function timerColumns(plans: TimerPlan[]): Pick<CaseRow, 'timers' | 'nextDueAt' | 'timerClaimedBy' | 'timerClaimedAt'> {
  const timers = plans.map((p) => ({ kind: p.kind, dueAt: dbTime(p.dueAt) })).sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  return { timers, nextDueAt: timers[0]?.dueAt ?? null, timerClaimedBy: null, timerClaimedAt: null };
}

const toDue = (r: Record<string, any>): DueCase => ({
  caseId: Number(r.id),
  caseNo: r.case_no,
  caseVersion: Number(r.version),
  timers: parseJson<StoredTimer[] | null>(r.timers) ?? [],
});

interface ClaimOptions {
  owner: string;
  now: string;
  staleBefore: string;
  limit: number;
}

const dueCases = (q: Knex.QueryBuilder, o: ClaimOptions) =>
  q
    .where('next_due_at', '<=', o.now)
    .where((w) => w.whereNull('timer_claimed_at').orWhere('timer_claimed_at', '<', o.staleBefore))
    .orderBy('next_due_at')
    .limit(o.limit);

/**
 * Claims up to `limit` cases with a due timer for `owner`. A claim older than
 * `staleBefore` (its claimer died) may be taken over. On MySQL, SKIP LOCKED
 * lets several schedulers claim side by side. SQLite writes first: a
 * transaction that reads and then writes fails at once ("database is locked")
 * when another process wrote in between; one UPDATE takes the write lock up
 * front and waits its turn (busy_timeout).
 */
export async function claimDueCases(knex: Knex, dialect: 'sqlite' | 'mysql', o: ClaimOptions): Promise<DueCase[]> {
  const columns = ['id', 'case_no', 'version', 'timers'];
  if (dialect === 'sqlite') {
    await knex('cases').whereIn('id', dueCases(knex('cases').select('id'), o)).update({ timer_claimed_by: o.owner, timer_claimed_at: o.now });
    return (await knex('cases').where({ timer_claimed_by: o.owner, timer_claimed_at: o.now }).orderBy('next_due_at').select(columns)).map(toDue);
  }
  return knex.transaction(async (trx) => {
    const rows = ((await dueCases(trx('cases').select(columns), o).forUpdate().skipLocked()) as Record<string, any>[]).map(toDue);
    if (rows.length) await trx('cases').whereIn('id', rows.map((r) => r.caseId)).update({ timer_claimed_by: o.owner, timer_claimed_at: o.now });
    return rows;
  });
}

/**
 * Takes timers that will not fire (moot, or refused by the case's state) off
 * the plan of the version they were planned with, and lets go of the claim.
 * A case that moved on meanwhile has a plan of its own: nothing changes.
 */
export async function dropTimers(knex: Knex, c: DueCase, kinds: TimerKind[], owner: string): Promise<void> {
  const timers = c.timers.filter((t) => !kinds.includes(t.kind));
  await knex('cases')
    .where({ id: c.caseId, version: c.caseVersion, timer_claimed_by: owner })
    .update({ timers: JSON.stringify(timers), next_due_at: timers[0]?.dueAt ?? null, timer_claimed_by: null, timer_claimed_at: null });
}

/** Lets a claimed case whose timer failed to fire be taken over once `claimedAt` is stale (a retry soon). */
export async function retryTimerSoon(knex: Knex, caseId: number, owner: string, claimedAt: string): Promise<void> {
  await knex('cases').where({ id: caseId, timer_claimed_by: owner }).update({ timer_claimed_at: claimedAt });
}

/** The case's planned timers, earliest first, with the version they were planned for. */
export async function pendingTimers(knex: Knex, caseId: number): Promise<{ kind: TimerKind; dueAt: string; caseVersion: number }[]> {
  const row = await knex('cases').where({ id: caseId }).first('version', 'timers');
  if (!row) return [];
  return (parseJson<StoredTimer[] | null>(row.timers) ?? []).map((t) => ({ ...t, caseVersion: Number(row.version) }));
}
