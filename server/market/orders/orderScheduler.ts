import { dbTime } from '../../../db/connection';
import { claimDueOrders, findOrder, type OrderRow } from '../../../db/repositories/market/orders';
import type { AppContext } from '../../context';
import { applyIn } from '../../commands/aggregates/applyCommand';
import { AppError } from '../../errors';
import { withRetry } from '../../commands/writeHelpers';
import { PeriodicPass } from '../../periodicPass';
import { orderTransitions, type OrderAction } from './orderAggregate';
import { pickNext } from './selection';
import type { Knex } from 'knex';

const BATCH = 50;
const MAX_BATCHES = 20;
const SYSTEM = { kind: 'system', name: '中介超市' } as const;

/** What the timer tells an order whose `next_due_at` has come. */
async function dueAction(trx: Knex, o: OrderRow, ctx: AppContext): Promise<OrderAction | null> {
  switch (o.state) {
    case 'signup':
      return { type: 'CLOSE_SIGNUP', reason: '报名截止' };
    case 'selecting':
      if (o.method === 'random') return { type: 'DRAW', agencyId: await pickNext(trx, o) };
      if (o.method === 'bidding') return { type: 'OPEN_QUOTES', agencyId: await pickNext(trx, o) };
      return null;
    case 'awaiting_confirmation':
      return { type: 'DECLINE', reason: `逾期未确认（${ctx.config.MARKET_CONFIRM_HOURS} 小时内未确认，视为放弃）` };
    case 'in_service':
    case 'result_review':
      return { type: 'MARK_OVERDUE', reason: `服务期限已届满（${o.serviceDueOn}）` };
    default:
      return null;
  }
}

/**
 * The durable timer of purchase orders: the order row's `next_due_at` is the
 * timer, so a restart loses nothing. Each pass claims the orders whose time
 * has come (locked, SKIP LOCKED on MySQL: two processes never take the same
 * one) and sends each its event (CLOSE_SIGNUP, DRAW, OPEN_QUOTES, DECLINE for
 * a confirmation not given in time, MARK_OVERDUE) through the one command
 * path as the system, in the claiming transaction.
 */
export class OrderScheduler extends PeriodicPass {
  constructor(private readonly ctx: AppContext) {
    super();
  }

  protected async run(): Promise<number> {
    let done = 0;
    try {
      done = await this.drain(() => this.batch(), BATCH, MAX_BATCHES);
      if (done) this.ctx.log.info({ done }, 'market order timers fired');
    } catch (err) {
      this.ctx.log.error({ err }, 'market order pass failed; will retry');
    }
    return done;
  }

  private async batch(): Promise<number> {
    const { ctx } = this;
    const kind = orderTransitions(ctx);
    const results = await withRetry(() =>
      ctx.db.knex.transaction(async (trx) => {
        const now = dbTime(ctx.now());
        const ids = await claimDueOrders(trx, ctx.db.dialect, now, BATCH);
        const done = [];
        for (const id of ids) {
          // A closing whose selection time has passed too is drawn in the same pass (at most a few steps).
          for (let step = 0; step < 3; step++) {
            const o = await findOrder(trx, id, true);
            if (!o || o.nextDueAt === null || o.nextDueAt > now) break;
            const action = await dueAction(trx, o, ctx);
            if (!action) {
              // Nothing to tell it (a state without a timer): the timer is cleared, never fired again.
              await trx('market_orders').where({ id }).update({ next_due_at: null });
              break;
            }
            try {
              done.push(await applyIn(ctx, trx, kind, { key: String(id), actor: SYSTEM, action }));
            } catch (err) {
              // A refusal is planned before anything is written: logged, and the timer cleared so it does not spin.
              if (!(err instanceof AppError)) throw err;
              ctx.log.error({ err, orderId: id }, 'market order timer refused');
              await trx('market_orders').where({ id }).update({ next_due_at: null });
              break;
            }
          }
        }
        return done;
      }),
    );
    for (const r of results) orderTransitions(ctx).committed(ctx, r);
    return results.length;
  }
}

