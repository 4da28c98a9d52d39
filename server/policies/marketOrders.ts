import type { OrderRow } from '../../db/repositories/market/orders';
import { isWithin } from '../../workflows/levels';
import type { Actor } from '../auth/actor';

type Order = Pick<OrderRow, 'ownerUserId' | 'jurisdictionCode' | 'drawCommitment'>;

/** The owner: the account that posted the order. */
export function isOrderOwner(actor: Actor, o: Pick<OrderRow, 'ownerUserId'>): boolean {
  return actor.kind === 'user' && actor.user.id === o.ownerUserId;
}

/**
 * The centre (中介服务管理中心): the clerks of a county or city service
 * centre, and the supervisors, whose jurisdiction holds the order's area.
 */
export function isMarketCentre(actor: Actor, o: Pick<OrderRow, 'jurisdictionCode'>): boolean {
  if (actor.kind !== 'user') return false;
  const u = actor.user;
  if (u.role !== 'clerk' && u.role !== 'supervisor') return false;
  if (u.level !== 'county' && u.level !== 'city' && u.level !== 'province') return false;
  return isWithin(o.jurisdictionCode, u.jurisdictionCode);
}

/** An order is public once the centre approved it (its announcement and the draw's commitment are published). */
export function isPublicOrder(o: Pick<OrderRow, 'drawCommitment'>): boolean {
  return o.drawCommitment !== null;
}

export function canSeeOrder(actor: Actor, o: Order): boolean {
  return actor.kind === 'system' || isPublicOrder(o) || isOrderOwner(actor, o) || isMarketCentre(actor, o);
}

/** Who may post an order: a person or legal person (applicant account), or a department reviewer (government-paid items). */
export function mayPostOrder(actor: Actor): boolean {
  return actor.kind === 'user' && (actor.user.role === 'applicant' || actor.user.role === 'reviewer');
}

export function isAgencyUser(actor: Actor): boolean {
  return actor.kind === 'user' && actor.user.role === 'intermediary';
}
