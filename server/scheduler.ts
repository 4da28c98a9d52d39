import { dbTime } from '../db/connection';
import { claimDueCases, dropTimers, retryTimerSoon, type DueCase } from '../db/repositories/timers';
import type { TimerKind } from '../workflows/deadlineTimers';
import type { Actor } from './auth/actor';
import { transitionCase, type ActionInput } from './commands/transitionCase';
import type { AppContext } from './context';
import { AppError } from './errors';
import { PeriodicPass } from './periodicPass';

const SYSTEM: Actor = { kind: 'system', name: '系统时限监控' };
/** A claim older than this belongs to a scheduler that died and may be taken over. */
const CLAIM_TTL_MS = 60_000;
/** A timer whose firing failed (a busy or deadlocked database) is tried again this soon, not a whole TTL later. */
const RETRY_AFTER_MS = 1_000;

const ACTIONS: Record<TimerKind, ActionInput> = {
  'warn-yellow': { type: 'CLOCK_WARNING', light: 'yellow' },
  'warn-red': { type: 'CLOCK_WARNING', light: 'red' },
  'deem-accepted': { type: 'ACCEPT', opinion: '逾期未一次性告知补正，自收到申请材料之日起即为受理（行政许可法第三十二条）' },
  'auto-complete': { type: 'COMPLETE' },
  // The command works out the promised date, the days overdue and the supervisors above from the row.
  escalate: { type: 'ESCALATE', dueOn: '', toLevel: 'province', toJurisdiction: '', overdueDays: 0 },
};

/**
 * Turns due timers into events through the one command path. Any number of
 * processes may run it: a case with a due timer is claimed before it fires,
 * and the timer fires only against the case version its plan was written
 * with, so a timer fires once, and a timer made stale by a later transition
 * fires not at all (that transition wrote a plan of its own).
 */
export class Scheduler extends PeriodicPass {
  constructor(
    private readonly ctx: AppContext,
    private readonly owner: string,
  ) {
    super();
  }

  protected async run(): Promise<number> {
    let fired = 0;
    try {
      const now = this.ctx.now();
      const due = await claimDueCases(this.ctx.db.knex, this.ctx.db.dialect, {
        owner: this.owner,
        now: dbTime(now),
        staleBefore: dbTime(new Date(now.getTime() - CLAIM_TTL_MS)),
        limit: 100,
      });
      // Claimed cases are independent: fired together, they share commits (group commit, commands/groupCommit.ts).
      const outcomes = await Promise.allSettled(due.map((c) => this.fire(c)));
      for (const o of outcomes) {
        if (o.status === 'fulfilled') fired += o.value ? 1 : 0;
        else this.ctx.log.error({ err: o.reason }, 'a timer could not be fired or dropped; its claim expires and it is retried');
      }
    } catch (err) {
      this.ctx.log.error({ err }, 'scheduler pass failed; will retry');
    }
    return fired;
  }

  /**
   * Fires the case's earliest due timer. A yellow warning due together with
   * the red one (or with the end of the materials notice period), because no
   * scheduler ran meanwhile, is moot: firing it would move the case to a
   * version whose plan (light already red) has no red warning, so the red
   * would never be announced. It is dropped and the later timer fires.
   */
  async fire(c: DueCase): Promise<boolean> {
    const now = dbTime(this.ctx.now());
    const due = c.timers.filter((t) => t.dueAt <= now);
    const moot = due.some((t) => t.kind === 'warn-red' || t.kind === 'deem-accepted') ? due.filter((t) => t.kind === 'warn-yellow') : [];
    const t = due.find((d) => !moot.includes(d));
    const done = (outcome: string) => this.ctx.log.info({ caseId: c.caseId, caseVersion: c.caseVersion, kind: t?.kind ?? null, dropped: moot.map((m) => m.kind), fired: outcome === 'fired', outcome }, 'timer done');
    if (!t) {
      await dropTimers(this.ctx.db.knex, c, moot.map((m) => m.kind), this.owner);
      done('nothing due');
      return false;
    }
    try {
      await transitionCase(this.ctx, { caseNo: c.caseNo, actor: SYSTEM, action: ACTIONS[t.kind], expectedVersion: c.caseVersion });
    } catch (err) {
      if (err instanceof AppError && err.code === 'VERSION_CONFLICT') {
        // The case moved on since the plan was written: the new version has its own timers.
        done('stale');
        return false;
      }
      if (err instanceof AppError && err.status === 409) {
        // The case's state refuses it (closed, say): the timer will never fire.
        await dropTimers(this.ctx.db.knex, c, [t.kind, ...moot.map((m) => m.kind)], this.owner);
        done(err.code);
        return false;
      }
      this.ctx.log.error({ err, caseId: c.caseId, kind: t.kind }, 'timer failed; it will be retried');
      // Back-date the claim so it expires in RETRY_AFTER_MS: any scheduler retries it then.
      await retryTimerSoon(this.ctx.db.knex, c.caseId, this.owner, dbTime(new Date(this.ctx.now().getTime() - CLAIM_TTL_MS + RETRY_AFTER_MS))).catch(() => undefined);
      return false;
    }
    done('fired');
    return true;
  }
}
