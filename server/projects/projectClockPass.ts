import type { Knex } from 'knex';
import type { AppContext } from '../context';
import { PeriodicPass } from '../periodicPass';
import { refreshProjectClock, staleProjectClocks } from './projectClockView';

export type StaleClock = Awaited<ReturnType<typeof staleProjectClocks>>[number];
/** What to do with a project whose stored clocks went stale, in a transaction of its own. */
export type ApplyStaleClock = (trx: Knex.Transaction, stale: StaleClock) => Promise<void>;

/**
 * Time runs on between a project's changes: a desk sitting on a case moves the
 * counted days and, past 90 % or the limit, the light. This pass finds the open
 * projects whose stored clocks no longer read what they read now and hands each
 * to `apply` in its own transaction. At the merge `apply` is the project
 * aggregate's CLOCK command (it calls refreshProjectClock and sends
 * `project:updated` through the outbox); until then, the default only refreshes
 * the read model. Started in server/server.ts beside the other passes (SCHEDULER).
 */
export class ProjectClockPass extends PeriodicPass {
  constructor(
    private readonly ctx: AppContext,
    private readonly apply: ApplyStaleClock = (trx, s) => refreshProjectClock(ctx, trx, s.id).then(() => undefined),
  ) {
    super();
  }

  protected async run(): Promise<number> {
    try {
      const stale = await staleProjectClocks(this.ctx, this.ctx.db.knex);
      for (const s of stale) await this.ctx.db.knex.transaction((trx) => this.apply(trx, s));
      if (stale.length) this.ctx.log.info({ refreshed: stale.length, lightChanged: stale.filter((s) => s.lightChanged).length }, 'project clocks refreshed');
      return stale.length;
    } catch (err) {
      this.ctx.log.error({ err }, 'project clock pass failed; will retry');
      return 0;
    }
  }
}
