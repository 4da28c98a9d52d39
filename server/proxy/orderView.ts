import type { Knex } from 'knex';
import { findAgentById, findAgentOfUser } from '../../db/repositories/proxy/agents';
import type { ProxyOrderRow } from '../../db/repositories/proxy/orders';
import { proxyActionsIn, type ProxyContext } from '../../workflows/proxyOrderMachine';
import type { Actor } from '../auth/actor';
import { canSeeProxyOrder, isDispatcher, isOrderAgent, isProxyOwner, servesArea, type ActingAgent } from '../policies/proxyOrders';
import { presentProxyOrder } from '../presenters/proxyOrders';
import { proxyOrderNotFound } from './orderAggregate';

/** The agent an account acts as (proxy_agent accounts with a proxy_agents row). */
export async function actingAgentOf(db: Knex, actor: Actor | null): Promise<ActingAgent | undefined> {
  if (!actor || actor.kind !== 'user' || actor.user.role !== 'proxy_agent') return undefined;
  const a = await findAgentOfUser(db, actor.user.id);
  return a ? { id: a.id, userId: actor.user.id, jurisdictionPath: a.jurisdictionPath, active: a.active } : undefined;
}

/** What the viewer may do on the order now (the route names, lower case). */
export function actionsFor(actor: Actor, o: ProxyOrderRow, agent: ActingAgent | undefined): string[] {
  const declined = ((o.machineContext as unknown as ProxyContext).declined ?? []) as number[];
  return proxyActionsIn(o.state)
    .filter((a) => {
      if (a === 'TIMEOUT' || a === 'MARK_OVERDUE') return false;
      if (a === 'DISPATCH') return isDispatcher(actor, o);
      if (a === 'CLAIM') return servesArea(agent, o) && !declined.includes(agent!.id);
      if (['ACCEPT', 'DECLINE', 'REPORT', 'COMPLETE'].includes(a)) return isOrderAgent(agent, o);
      if (a === 'STOP') return isOrderAgent(agent, o) || isProxyOwner(actor, o) || isDispatcher(actor, o);
      if (a === 'RATE') return isProxyOwner(actor, o) && o.rating === null;
      return isProxyOwner(actor, o);
    })
    .map((a) => a.toLowerCase());
}

async function placeName(db: Knex, path: string): Promise<string> {
  const codes = path.split('/').filter(Boolean).slice(2);
  const rows = await db('jurisdictions').whereIn('code', codes).select('code', 'name');
  const by = new Map(rows.map((r: { code: string; name: string }) => [r.code, r.name]));
  return codes.map((c) => by.get(c) ?? '').join('');
}

/** The order as the viewer sees it, with what they may do. */
export async function viewOrder(db: Knex, actor: Actor, o: ProxyOrderRow, agent: ActingAgent | undefined) {
  const assigned = o.agentId !== null ? await findAgentById(db, o.agentId) : undefined;
  const fullPhone = isProxyOwner(actor, o) || isDispatcher(actor, o) || isOrderAgent(agent, o);
  return { ...presentProxyOrder(o, { agent: assigned, fullPhone, place: await placeName(db, o.jurisdictionPath) }), actions: actionsFor(actor, o, agent) };
}

export function assertVisible(actor: Actor, o: ProxyOrderRow | undefined, agent: ActingAgent | undefined): ProxyOrderRow {
  if (!o || !canSeeProxyOrder(actor, o, agent)) throw proxyOrderNotFound();
  return o;
}
