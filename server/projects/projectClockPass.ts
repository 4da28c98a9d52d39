import type { Knex } from 'knex';
import type { AppContext } from '../context';
import { PeriodicPass } from '../periodicPass';
import { staleProjectClocks } from './projectClockView';
import { clockProject } from './clockProject';

export type StaleClock = Awaited<ReturnType<typeof staleProjectClocks>>[number];
/** What to do with a project whose stored clocks went stale, in a transaction of its own. */
export type ApplyStaleClock = (trx: Knex.Transaction, stale: StaleClock) => Promise<void>;

/**
 * Time runs on between a project's changes: a desk sitting on a case moves the
 * counted days and, past 90 % or the limit, the light. This pass finds the open
 * projects whose stored clocks no longer read what they read now and hands each
 * to `apply` in its own transaction: by default the project aggregate's CLOCK
 * command (server/projects/clockProject.ts), whose effects refresh the stored
 * clocks and whose event carries them live through the outbox. Started in
 * server/server.ts beside the other passes (SCHEDULER).
 */
export class ProjectClockPass extends PeriodicPass {
  constructor(
    private readonly ctx: AppContext,
    private readonly apply: ApplyStaleClock = (trx, s) => clockProject(ctx, trx, s.code),
  ) {
    super();
  }

  protected async run(): Promise<number> {
    try {
      const stale = await staleProjectClocks(this.ctx, this.ctx.db.knex);
      for (const s of stale) {
        await this.ctx.db.knex.transaction((trx) => this.apply(trx, s));
        this.ctx.events.emit('aggregateCommitted', { aggregate: 'project', id: s.id, seq: 0 }); // wakes the publisher
      }
      if (stale.length) this.ctx.log.info({ refreshed: stale.length, lightChanged: stale.filter((s) => s.lightChanged).length }, 'project clocks refreshed');
      return stale.length;
    } catch (err) {
      this.ctx.log.error({ err }, 'project clock pass failed; will retry');
      return 0;
    }
  }
}
