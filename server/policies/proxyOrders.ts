import type { ProxyOrderRow } from '../../db/repositories/proxy/orders';
import { isWithin } from '../../workflows/levels';
import type { Actor } from '../auth/actor';

type Order = Pick<ProxyOrderRow, 'ownerUserId' | 'jurisdictionCode' | 'jurisdictionPath' | 'agentId' | 'state' | 'machineContext'>;

/** The agent acting (set by the server from the account, never from a request body). */
export interface ActingAgent {
  id: number;
  userId: number;
  jurisdictionPath: string;
  active: boolean;
}

/** The owner: the applicant account that signed the entrustment. */
export function isProxyOwner(actor: Actor, o: Pick<ProxyOrderRow, 'ownerUserId'>): boolean {
  return actor.kind === 'user' && o.ownerUserId !== null && actor.user.id === o.ownerUserId;
}

/** The dispatcher (派单): a clerk of a county, city or province centre whose jurisdiction holds the order's area. */
export function isDispatcher(actor: Actor, o: Pick<ProxyOrderRow, 'jurisdictionCode'>): boolean {
  if (actor.kind !== 'user') return false;
  const u = actor.user;
  return u.role === 'clerk' && (u.level === 'county' || u.level === 'city' || u.level === 'province') && isWithin(o.jurisdictionCode, u.jurisdictionCode);
}

/** Supervisors (and admins) watch the orders of their jurisdiction; they act on none. */
export function isProxyOverseer(actor: Actor, o: Pick<ProxyOrderRow, 'jurisdictionCode'>): boolean {
  if (actor.kind !== 'user') return false;
  const u = actor.user;
  return u.role === 'admin' || (u.role === 'supervisor' && isWithin(o.jurisdictionCode, u.jurisdictionCode));
}

/** Who may see the list of a jurisdiction's orders: dispatchers and overseers of it. */
export function seesJurisdictionOrders(actor: Actor): boolean {
  if (actor.kind !== 'user') return false;
  const u = actor.user;
  return u.role === 'admin' || u.role === 'supervisor' || (u.role === 'clerk' && (u.level === 'county' || u.level === 'city' || u.level === 'province'));
}

/** The agent the order is with now. */
export function isOrderAgent(agent: ActingAgent | undefined, o: Pick<ProxyOrderRow, 'agentId'>): boolean {
  return !!agent && agent.active && o.agentId === agent.id;
}

/** An agent whose area holds the order (it may claim the order while it is in the pool). */
export function servesArea(agent: ActingAgent | undefined, o: Pick<ProxyOrderRow, 'jurisdictionPath'>): boolean {
  return !!agent && agent.active && o.jurisdictionPath.startsWith(agent.jurisdictionPath);
}

/** The agents the order was ever offered to (their accounts): they keep seeing what they were part of. */
export function wasOffered(actor: Actor, o: Pick<ProxyOrderRow, 'machineContext'>): boolean {
  const w = (o.machineContext as { watchers?: number[] }).watchers;
  return actor.kind === 'user' && Array.isArray(w) && w.includes(actor.user.id);
}

export function canSeeProxyOrder(actor: Actor, o: Order, agent?: ActingAgent): boolean {
  if (actor.kind === 'system') return true;
  if (isProxyOwner(actor, o) || isDispatcher(actor, o) || isProxyOverseer(actor, o)) return true;
  if (isOrderAgent(agent, o) || wasOffered(actor, o)) return true;
  return o.state === 'requested' && servesArea(agent, o);
}
