import { dbTime } from '../../db/connection';
import { claimDueProxyOrders, findProxyOrder, patchProxyOrder, type ProxyOrderRow } from '../../db/repositories/proxy/orders';
import type { AppContext } from '../context';
import { applyIn } from '../commands/aggregates/applyCommand';
import type { AggregateResult } from '../commands/aggregates/machineAggregate';
import { AppError } from '../errors';
import { withRetry } from '../commands/writeHelpers';
import { PeriodicPass } from '../periodicPass';
import { proxyTransitions, type ProxyAction } from './orderAggregate';

const BATCH = 50;
const MAX_BATCHES = 20;
const SYSTEM = { kind: 'system', name: '代办派单' } as const;

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
export class ProxyScheduler extends PeriodicPass {
  constructor(private readonly ctx: AppContext) {
    super();
  }

  protected async run(): Promise<number> {
    let done = 0;
    try {
      done = await this.drain(() => this.batch(), BATCH, MAX_BATCHES);
      if (done) this.ctx.log.info({ done }, 'proxy order timers fired');
    } catch (err) {
      this.ctx.log.error({ err }, 'proxy order pass failed; will retry');
    }
    return done;
  }

  private async batch(): Promise<number> {
    const { ctx } = this;
    const kind = proxyTransitions(ctx);
    const results = await withRetry(() =>
      ctx.db.knex.transaction(async (trx) => {
        const now = dbTime(ctx.now());
        const ids = await claimDueProxyOrders(trx, ctx.db.dialect, now, BATCH);
        const done: AggregateResult<ProxyOrderRow>[] = [];
        for (const id of ids) {
          const o = await findProxyOrder(trx, id, true);
          if (!o || o.nextDueAt === null || o.nextDueAt > now) continue;
          const action = dueAction(o, ctx);
          if (!action) {
            await patchProxyOrder(trx, id, { nextDueAt: null });
            continue;
          }
          try {
            done.push(await applyIn(ctx, trx, kind, { key: String(id), actor: SYSTEM, action }));
          } catch (err) {
            // A refusal is planned before anything is written: logged, and the timer cleared so it does not spin.
            if (!(err instanceof AppError)) throw err;
            ctx.log.error({ err, proxyOrderId: id }, 'proxy order timer refused');
            await patchProxyOrder(trx, id, { nextDueAt: null });
          }
        }
        return done;
      }),
    );
    for (const r of results) proxyTransitions(ctx).committed(ctx, r);
    return results.length;
  }
}
