import { claimOverdueReviews } from '../../../db/repositories/market/agencies';
import { chinaDate } from '../../../workflows/calendar';
import type { AppContext } from '../../context';
import { applyIn } from '../../commands/aggregates/applyCommand';
import { withRetry } from '../../commands/writeHelpers';
import { PeriodicPass } from '../../periodicPass';
import { agencyTransitions } from './agencyAggregate';

const BATCH = 50;
const MAX_BATCHES = 20;
const SYSTEM = { kind: 'system', name: '入驻审核期限' } as const;

/**
 * The durable timer of the centre's review: an agency's `review_due_on`
 * (set at registration and at an appeal, MARKET_REVIEW_DAYS working days on)
 * is the timer. Each pass takes the pending registrations and appeals past it
 * (locked, SKIP LOCKED on MySQL) and sends each REVIEW_OVERDUE through the one
 * command path; the machine takes it once only. Pushed live to the centre.
 */
export class AgencyReviewScheduler extends PeriodicPass {
  constructor(private readonly ctx: AppContext) {
    super();
  }

  protected async run(): Promise<number> {
    let marked = 0;
    try {
      marked = await this.drain(() => this.batch(), BATCH, MAX_BATCHES);
      if (marked) this.ctx.log.info({ marked }, 'agency reviews marked overdue');
    } catch (err) {
      this.ctx.log.error({ err }, 'agency review pass failed; will retry');
    }
    return marked;
  }

  private async batch(): Promise<number> {
    const { ctx } = this;
    const today = chinaDate(ctx.now());
    const results = await withRetry(() =>
      ctx.db.knex.transaction(async (trx) => {
        const ids = await claimOverdueReviews(trx, ctx.db.dialect, today, BATCH);
        const done = [];
        for (const id of ids) done.push(await applyIn(ctx, trx, agencyTransitions, { key: String(id), actor: SYSTEM, action: { type: 'REVIEW_OVERDUE', reason: `审核期限已届满（${today}）` } }));
        return done;
      }),
    );
    for (const r of results) agencyTransitions.committed(ctx, r);
    return results.length;
  }
}
