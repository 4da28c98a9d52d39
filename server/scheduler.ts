import { dbTime } from '../db/connection';
import { claimDueTimers, markTimerFired, retryTimerSoon, type TimerRow } from '../db/repositories/timers';
import type { TimerKind } from '../workflows/deadlineTimers';
import type { Actor } from './auth/actor';
import { transitionCase, type ActionInput } from './commands/transitionCase';
import type { AppContext } from './context';
import { AppError } from './errors';

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
 * Turns due timer rows into events through the one command path. Any number
 * of processes may run it: a row is claimed before it fires, and it fires
 * only against the case version it was planned for, so a timer fires once,
 * and a timer made stale by a later transition fires not at all.
 */
export class Scheduler {
  private timer?: NodeJS.Timeout;
  private busy = false;
  private pass: Promise<number> = Promise.resolve(0);

  constructor(
    private readonly ctx: AppContext,
    private readonly owner: string,
  ) {}

  start(intervalMs: number): void {
    this.timer = setInterval(() => void this.tick(), intervalMs);
    void this.tick();
  }

  /** Stops ticking and waits for a pass in progress, so nothing fires against a closed database. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.pass;
  }

  /** One pass: claim what is due and fire it. Returns how many timers it fired. */
  tick(): Promise<number> {
    if (this.busy) return Promise.resolve(0);
    this.pass = this.run();
    return this.pass;
  }

  private async run(): Promise<number> {
    this.busy = true;
    let fired = 0;
    try {
      const now = this.ctx.now();
      const due = await claimDueTimers(this.ctx.db.knex, this.ctx.db.dialect, {
        owner: this.owner,
        now: dbTime(now),
        staleBefore: dbTime(new Date(now.getTime() - CLAIM_TTL_MS)),
        limit: 100,
      });
      for (const t of due) if (await this.fire(t)) fired++;
    } catch (err) {
      this.ctx.log.error({ err }, 'scheduler pass failed; will retry');
    } finally {
      this.busy = false;
    }
    return fired;
  }

  private async fire(t: TimerRow): Promise<boolean> {
    const row = await this.ctx.db.knex('cases').where({ id: t.caseId }).first('case_no');
    let fired = false;
    try {
      if (row && t.kind === 'warn-yellow' && (await this.laterAlsoDue(t))) {
        // The red warning (or the end of the materials notice period) came due too while no
        // scheduler ran: the yellow is moot. Firing it would move the case to a version whose
        // plan (light already red) has no red warning, so the red would never be announced;
        // skip the yellow and let the later timer fire.
      } else if (row) {
        await transitionCase(this.ctx, { caseNo: row.case_no, actor: SYSTEM, action: ACTIONS[t.kind], expectedVersion: t.caseVersion });
        fired = true;
      }
    } catch (err) {
      // The case moved on since the timer was planned: the new version has its own timers.
      if (!(err instanceof AppError && err.status === 409)) {
        this.ctx.log.error({ err, timer: t }, 'timer failed; it will be retried');
        // Back-date the claim so it expires in RETRY_AFTER_MS: any scheduler retries it then.
        await retryTimerSoon(this.ctx.db.knex, t.id, this.owner, dbTime(new Date(this.ctx.now().getTime() - CLAIM_TTL_MS + RETRY_AFTER_MS))).catch(() => undefined);
        return false;
      }
    }
    await markTimerFired(this.ctx.db.knex, t.id, this.owner, dbTime(this.ctx.now()));
    this.ctx.log.info({ timer: t.id, kind: t.kind, caseId: t.caseId, fired }, 'timer done');
    return fired;
  }

  /** Whether a later timer planned with the same case version is due as well (and not yet fired). */
  private async laterAlsoDue(t: TimerRow): Promise<boolean> {
    const red = await this.ctx.db.knex('timers')
      .where({ case_id: t.caseId, case_version: t.caseVersion })
      .whereIn('kind', ['warn-red', 'deem-accepted'])
      .whereNull('fired_at')
      .where('due_at', '<=', dbTime(this.ctx.now()))
      .first('id');
    return Boolean(red);
  }
}

