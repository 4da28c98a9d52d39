import { dbTime } from '../../db/connection';
import { publishDueEntries } from '../../db/repositories/publicity/publicityEntries';
import { chinaDate } from '../../workflows/calendar';
import type { AppContext } from '../context';
import { PeriodicPass } from '../periodicPass';

/** Entries published per database round trip; a pass goes on while whole batches come back. */
const BATCH = 200;
/** At most this many batches a pass: a backlog (a long outage) drains over a few passes, never in one long hold. */
const MAX_BATCHES = 20;

/**
 * The durable timer of the public register: each pass publishes the entries
 * whose hold (PUBLICITY_HOLD_MINUTES) has passed, and any entry whose due
 * date (the decision + 7 working days) has come whatever the hold. The
 * timer is the entry row itself (`published_at` null, `created_at`,
 * `due_on`), so a restart loses nothing; any number of processes may run it
 * (rows are taken with SKIP LOCKED on MySQL, publishing only sets a null
 * `published_at`). Started beside the deadline Scheduler (server.ts).
 */
export class PublicityScheduler extends PeriodicPass {
  constructor(private readonly ctx: AppContext) {
    super();
  }

  protected async run(): Promise<number> {
    let published = 0;
    try {
      const now = this.ctx.now();
      const options = {
        now: dbTime(now),
        heldUntil: dbTime(new Date(now.getTime() - this.ctx.config.PUBLICITY_HOLD_MINUTES * 60_000)),
        today: chinaDate(now),
        limit: BATCH,
      };
      published = await this.drain(() => publishDueEntries(this.ctx.db.knex, this.ctx.db.dialect, options), BATCH, MAX_BATCHES);
      if (published) this.ctx.log.info({ published }, 'publicity entries published');
    } catch (err) {
      this.ctx.log.error({ err }, 'publicity pass failed; will retry');
    }
    return published;
  }
}
