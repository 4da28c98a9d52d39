import type { RatedOrder } from '../../db/repositories/market/ratingSubjects';
import { isWithin } from '../../workflows/levels';
import type { RaterKind } from '../../workflows/marketScore';
import type { Actor } from '../auth/actor';

/**
 * Who rates an order, moderates ratings and records bad acts (issue 12):
 * - the client: the order's owner;
 * - the approving department: a reviewer of the department that keeps the
 *   order's service item (or of the approval item of the case the order
 *   serves), whose jurisdiction covers the order's;
 * - the centre: a city-level (or province) supervisor (效能监察, 中介管理服务中心)
 *   over the order's jurisdiction. The centre also moderates and closes complaints.
 * An agency (intermediary) never rates, moderates or records anything here.
 */
const user = (actor: Actor) => (actor.kind === 'user' ? actor.user : null);

export function isMarketCentre(actor: Actor, jurisdictionCode?: string): boolean {
  const u = user(actor);
  if (!u || u.role !== 'supervisor' || (u.level !== 'city' && u.level !== 'province')) return false;
  return jurisdictionCode === undefined || isWithin(jurisdictionCode, u.jurisdictionCode);
}

export function isApprovingDepartment(actor: Actor, order: Pick<RatedOrder, 'serviceDepartment' | 'caseDepartment' | 'jurisdictionCode'>): boolean {
  const u = user(actor);
  if (!u || u.role !== 'reviewer' || u.department === null) return false;
  return (u.department === order.serviceDepartment || u.department === order.caseDepartment) && isWithin(order.jurisdictionCode, u.jurisdictionCode);
}

export function isAgencyUser(actor: Actor): boolean {
  return user(actor)?.role === 'intermediary';
}

/** The kind the caller rates this order as, or null when they are none of the three raters. */
export function raterKindOf(actor: Actor, order: RatedOrder): RaterKind | null {
  const u = user(actor);
  if (!u || u.role === 'intermediary') return null;
  if (u.id === order.ownerUserId) return 'client';
  if (isApprovingDepartment(actor, order)) return 'department';
  if (isMarketCentre(actor, order.jurisdictionCode)) return 'centre';
  return null;
}

/** Who records a bad act on an order's agency: the centre and the approving department. */
export function mayRecordBadAct(actor: Actor, order: RatedOrder): 'centre' | 'department' | null {
  if (isMarketCentre(actor, order.jurisdictionCode)) return 'centre';
  if (isApprovingDepartment(actor, order)) return 'department';
  return null;
}
