import type { AggregateLive } from '../../../db/repositories/aggregateEvents';
import type { OrderRow } from '../../../db/repositories/market/orders';
import { ancestorCode } from '../../../workflows/levels';
import { rooms, type MarketOrderUpdated } from '../../../workflows/socketContract';
import { isPublicOrder } from '../../policies/marketOrders';

/** The users who follow an order besides its owner: the accounts of the agencies that signed up (kept in the context). */
export function watchersOf(o: OrderRow): number[] {
  const w = (o.machineContext as { watchers?: number[] }).watchers;
  return Array.isArray(w) ? w : [];
}

/**
 * One order event, live: the public market room once the order is announced
 * (the message holds public fields only: no quotes, no signups), the owner,
 * the signed-up agencies' accounts, and the centre (the city's supervisors
 * and centre clerks).
 */
export function orderLive(o: OrderRow, e: { type: string; seq: number; createdAt: string }): AggregateLive {
  const city = ancestorCode(o.jurisdictionCode, 'city');
  const to = [
    ...(isPublicOrder(o) ? [rooms.market()] : []),
    rooms.user(o.ownerUserId),
    ...watchersOf(o).map((id) => rooms.user(id)),
    rooms.supervision(city),
    rooms.desk(city, null),
  ];
  const message: MarketOrderUpdated = { id: o.id, orderNo: o.orderNo, type: e.type, state: o.state, method: o.method, serviceItemCode: o.serviceItemCode, chosenAgencyId: o.chosenAgencyId, revision: o.rowVersion, seq: e.seq, at: e.createdAt };
  return { event: 'order:updated', rooms: [...new Set(to)], message };
}
