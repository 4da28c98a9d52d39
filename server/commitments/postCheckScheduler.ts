import { claimOverduePostChecks } from '../../db/repositories/commitments/postChecks';
import { chinaDate } from '../../workflows/calendar';
import type { AppContext } from '../context';
import { applyIn } from '../commands/aggregates/applyCommand';
import { withRetry } from '../commands/writeHelpers';
import { PeriodicPass } from '../periodicPass';
import { postCheckTransitions } from './postCheckAggregate';

/** Tasks flagged per transaction; a pass goes on while whole batches come back. */
const BATCH = 50;
const MAX_BATCHES = 20;
const SYSTEM = { kind: 'system', name: '核查期限' } as const;

/**
 * The durable timer of post-checks: the task row (`due_on`, `overdue`) is
 * the timer, so a restart loses nothing. Each pass takes the open tasks past
 * their due date (locked, SKIP LOCKED on MySQL: two processes never take the
 * same one) and sends each MARK_OVERDUE through the one command path in the
 * same transaction; the machine takes it once only. Pushed live to the desk.
 */
export class PostCheckScheduler extends PeriodicPass {
  constructor(private readonly ctx: AppContext) {
    super();
  }

  protected async run(): Promise<number> {
    let marked = 0;
    try {
      marked = await this.drain(() => this.batch(), BATCH, MAX_BATCHES);
      if (marked) this.ctx.log.info({ marked }, 'post-checks marked overdue');
    } catch (err) {
      this.ctx.log.error({ err }, 'post-check pass failed; will retry');
    }
    return marked;
  }

  private async batch(): Promise<number> {
    const { ctx } = this;
    const today = chinaDate(ctx.now());
    const results = await withRetry(() =>
      ctx.db.knex.transaction(async (trx) => {
        const ids = await claimOverduePostChecks(trx, ctx.db.dialect, today, BATCH);
        const done = [];
        for (const id of ids) done.push(await applyIn(ctx, trx, postCheckTransitions, { key: String(id), actor: SYSTEM, action: { type: 'MARK_OVERDUE', reason: `核查期限已届满（${today}）` } }));
        return done;
      }),
    );
    for (const r of results) postCheckTransitions.committed(ctx, r);
    return results.length;
  }
}
