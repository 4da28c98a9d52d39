import { claimDueProxyOrders, findProxyOrder, patchProxyOrder, type ProxyOrderRow } from '../../db/repositories/proxy/orders';
import type { AppContext } from '../context';
import { DueTimerPass } from '../commands/aggregates/dueTimerPass';
import { proxyTransitions, type ProxyAction } from './orderAggregate';

function dueAction(o: ProxyOrderRow, ctx: AppContext): ProxyAction | null {
  if (o.state === 'dispatched') return { type: 'TIMEOUT', reason: `超时未接单（派单后 ${ctx.config.PROXY_ACCEPT_HOURS} 小时内未答复）` };
  if (o.state === 'in_service') return { type: 'MARK_OVERDUE', reason: `代办期限已届满（${o.dueOn}）` };
  return null;
}

/**
 * The durable timer of proxy orders: the row's `next_due_at` is the timer, so
 * a restart loses nothing. Each pass claims the orders whose time has come
 * (SKIP LOCKED on MySQL) and sends each its event through the one command
 * path as the system, in the claiming transaction: TIMEOUT for an offer not
 * answered in PROXY_ACCEPT_HOURS (the order goes to the next agent at once),
 * MARK_OVERDUE for a service past its due date.
 */
export class ProxyScheduler extends DueTimerPass<ProxyOrderRow, ProxyAction> {
  constructor(ctx: AppContext) {
    super(ctx, {
      what: 'proxy order timers',
      actorName: '代办派单',
      kind: proxyTransitions,
      claim: claimDueProxyOrders,
      load: (trx, id) => findProxyOrder(trx, id, true),
      action: async (_trx, o, c) => dueAction(o, c),
      clear: (trx, id) => patchProxyOrder(trx, id, { nextDueAt: null }).then(() => undefined),
    });
  }
}
