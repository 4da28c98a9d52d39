import { claimDueOrders, findOrder, type OrderRow } from '../../../db/repositories/market/orders';
import type { AppContext } from '../../context';
import { DueTimerPass } from '../../commands/aggregates/dueTimerPass';
import { orderTransitions, type OrderAction } from './orderAggregate';
import { pickNext } from './selection';
import type { Knex } from 'knex';

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
 * path as the system, in the claiming transaction; a closing whose selection
 * time has passed too is drawn in the same pass.
 */
export class OrderScheduler extends DueTimerPass<OrderRow, OrderAction> {
  constructor(ctx: AppContext) {
    super(ctx, {
      what: 'market order timers',
      actorName: '中介超市',
      kind: orderTransitions,
      claim: claimDueOrders,
      load: (trx, id) => findOrder(trx, id, true),
      action: (trx, o, c) => dueAction(trx, o, c),
      clear: async (trx, id) => void (await trx('market_orders').where({ id }).update({ next_due_at: null })),
      stepsPerRow: 3,
    });
  }
}
