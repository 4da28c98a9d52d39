import type { Knex } from 'knex';
import { dbTime, fromDbTime } from '../../db/connection';
import { answerOffer, findProxyOrder, recordOffer, updateProxyOrderIfVersion, type ProxyOrderRow } from '../../db/repositories/proxy/orders';
import { proxyOrderMachine, type ProxyContext, type ProxyEvent } from '../../workflows/proxyOrderMachine';
import type { Actor } from '../auth/actor';
import type { AppContext } from '../context';
import { AppError, forbidden } from '../errors';
import { applyCommand, applyIn } from '../commands/aggregates/applyCommand';
import { machineAggregate, type AggregateCommand, type AggregateResult } from '../commands/aggregates/machineAggregate';
import { canSeeProxyOrder, isDispatcher, isOrderAgent, isProxyOwner, servesArea, type ActingAgent } from '../policies/proxyOrders';
import { candidatesFor } from './dispatch';
import { proxyLive } from './orderLive';

/** A command on a proxy order as the server gives it: the machine event without actor and date; `byAgent` set from the account. */
export type ProxyAction = (ProxyEvent extends infer E ? (E extends unknown ? Omit<E, 'actor' | 'today'> : never) : never) & { byAgent?: ActingAgent; how?: 'auto' | 'chosen' };

export const proxyOrderNotFound = () => new AppError('PROXY_ORDER_NOT_FOUND', 404, 'No proxy order with this number that you may see');

const AGENT = ['ACCEPT', 'DECLINE', 'REPORT', 'COMPLETE'];
const OWNER = ['RENEW', 'RATE', 'CANCEL'];
const SYSTEM = ['DISPATCH', 'TIMEOUT', 'MARK_OVERDUE'];

function allowed(actor: Actor, o: ProxyOrderRow, a: ProxyAction): boolean {
  if (actor.kind === 'system') return SYSTEM.includes(a.type);
  if (a.type === 'DISPATCH') return isDispatcher(actor, o);
  if (a.type === 'CLAIM') return servesArea(a.byAgent, o) && a.byAgent!.id === a.agentId;
  if (AGENT.includes(a.type)) return isOrderAgent(a.byAgent, o);
  if (OWNER.includes(a.type)) return isProxyOwner(actor, o);
  if (a.type === 'STOP') return isOrderAgent(a.byAgent, o) || isProxyOwner(actor, o) || isDispatcher(actor, o);
  return false;
}

function refusal(a: ProxyAction): string {
  if (a.type === 'DISPATCH') return 'Only the dispatching centre (a county or city centre clerk) dispatches orders';
  if (a.type === 'CLAIM') return 'Only an active agent whose area holds the project claims the order';
  if (AGENT.includes(a.type)) return 'Only the agent the order is with acts on it now';
  if (a.type === 'STOP') return 'Only the agent, the owner or the centre stops the service';
  return 'Only the order’s owner does this';
}

/** When the order's machine must next be told the time: the answer's limit, or the service's due date (end of the China day). */
export function proxyNextDueAt(state: string, c: ProxyContext, at: string, acceptHours: number): string | null {
  if (state === 'dispatched') return dbTime(new Date(fromDbTime(at).getTime() + acceptHours * 3_600_000));
  if (state === 'in_service' && !c.overdue && c.dueOn) return dbTime(new Date(`${c.dueOn}T16:00:00Z`));
  return null;
}

function columns(o: ProxyOrderRow, after: { value: string; context: unknown }, a: ProxyAction, at: string, acceptHours: number): Partial<ProxyOrderRow> {
  const c = after.context as ProxyContext;
  return {
    machineContext: c as unknown as Record<string, unknown>,
    agentId: c.agentId,
    dueOn: c.dueOn,
    ...(a.type === 'DISPATCH' || a.type === 'CLAIM' ? { dispatchedAt: at } : {}),
    ...(a.type === 'ACCEPT' || a.type === 'CLAIM' ? { acceptedAt: at } : {}),
    ...(a.type === 'COMPLETE' || a.type === 'STOP' || a.type === 'CANCEL' ? { closedAt: at } : {}),
    ...(a.type === 'RATE' ? { rating: a.rating, ratingComment: a.comment?.trim() || null } : {}),
    nextDueAt: proxyNextDueAt(after.value, c, at, acceptHours),
    updatedAt: at,
  };
}

function payload(a: ProxyAction, o?: ProxyOrderRow): Record<string, unknown> {
  switch (a.type) {
    case 'DISPATCH':
      return { agentId: a.agentId, how: a.how ?? 'chosen' };
    case 'CLAIM':
      return { agentId: a.agentId, dueOn: a.dueOn };
    case 'ACCEPT':
      return { dueOn: a.dueOn };
    case 'COMPLETE':
      return { results: a.results };
    case 'STOP':
      return { askedBy: a.askedBy };
    case 'RENEW':
      return { dueOn: a.dueOn, ...(a.scope ? { scope: a.scope } : {}) };
    case 'RATE':
      return { rating: a.rating, ...(a.comment ? { comment: a.comment } : {}) };
    default:
      return o ? {} : {};
  }
}

const kinds = new WeakMap<AppContext['config'], ReturnType<typeof build>>();

function build(acceptHours: number) {
  const kind = machineAggregate<ProxyOrderRow, ProxyAction>({
    aggregate: 'proxy_order',
    load: (trx, key, forUpdate) => findProxyOrder(trx, Number(key), forUpdate),
    notFound: proxyOrderNotFound,
    authorise(actor, o, action) {
      if (allowed(actor, o, action)) return;
      if (!canSeeProxyOrder(actor, o, action.byAgent)) throw proxyOrderNotFound();
      throw forbidden(refusal(action));
    },
    machine: proxyOrderMachine,
    context: (o) => o.machineContext,
    columns: (o, after, a, at) => columns(o, after, a, at, acceptHours),
    update: updateProxyOrderIfVersion,
    payload: (a) => payload(a),
    live: (o, e) => proxyLive(o, e),
    async effects(ctx, trx, result, action) {
      const { before, row, event } = result;
      const at = event.createdAt;
      if (action.type === 'DISPATCH') await recordOffer(trx, { orderId: row.id, agentId: action.agentId, how: 'dispatched', at });
      if (action.type === 'CLAIM') await recordOffer(trx, { orderId: row.id, agentId: action.agentId, how: 'claimed', at, answer: 'accepted' });
      if (action.type === 'ACCEPT') await answerOffer(trx, row.id, before.agentId!, 'accepted', at, null);
      if (action.type === 'DECLINE' || action.type === 'TIMEOUT') {
        await answerOffer(trx, row.id, before.agentId!, action.type === 'DECLINE' ? 'declined' : 'timed_out', at, event.reason);
        // 退单 or silence: the next agent by the rule, at once, in the same transaction (never one who declined).
        await redispatch(ctx, trx, row);
      }
    },
  });

  async function redispatch(ctx: AppContext, trx: Knex.Transaction, o: ProxyOrderRow): Promise<void> {
    const [next] = await candidatesFor(ctx, trx, o);
    if (!next) return;
    await applyIn(ctx, trx, kind, { key: String(o.id), actor: { kind: 'system', name: '代办派单' }, action: { type: 'DISPATCH', agentId: next.id, agentUserId: next.userId, how: 'auto', reason: '按派单规则自动改派' } });
  }

  return kind;
}

/** The order aggregate of this server's configuration (the time to answer). */
export function proxyTransitions(ctx: AppContext): ReturnType<typeof build> {
  let k = kinds.get(ctx.config);
  if (!k) kinds.set(ctx.config, (k = build(ctx.config.PROXY_ACCEPT_HOURS)));
  return k;
}

export function actOnProxyOrder(ctx: AppContext, props: AggregateCommand<ProxyAction>): Promise<AggregateResult<ProxyOrderRow>> {
  return applyCommand(ctx, proxyTransitions(ctx), props);
}
