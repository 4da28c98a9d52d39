import type { AggregateLive } from '../../db/repositories/aggregateEvents';
import type { ProxyOrderRow } from '../../db/repositories/proxy/orders';
import { ancestorCode } from '../../workflows/levels';
import { rooms, type ProxyOrderUpdated } from '../../workflows/socketContract';

/** The accounts of the agents the order was offered to (kept in the context). */
export function proxyWatchers(o: Pick<ProxyOrderRow, 'machineContext'>): number[] {
  const w = (o.machineContext as { watchers?: number[] }).watchers;
  return Array.isArray(w) ? w : [];
}

/** The accounts of the agents serving the order's area when it was asked for (they may claim it from the pool). */
function areaAgents(o: Pick<ProxyOrderRow, 'machineContext'>): number[] {
  const a = (o.machineContext as { areaAgents?: number[] }).areaAgents;
  return Array.isArray(a) ? a : [];
}

/**
 * One order event, live: the owner, every agent it was offered to, the
 * dispatching centres' desks (the county's and the city's) and their
 * supervisors; and, while the order enters or leaves the pool, the agents of
 * its area (their workbench lists what they may claim).
 */
export function proxyLive(o: ProxyOrderRow, e: { type: string; seq: number; createdAt: string; fromState?: string | null }): AggregateLive {
  const pool = o.state === 'requested' || e.fromState === 'requested';
  const county = ancestorCode(o.jurisdictionCode, 'county');
  const city = ancestorCode(o.jurisdictionCode, 'city');
  const to = [
    ...(o.ownerUserId !== null ? [rooms.user(o.ownerUserId)] : []),
    ...proxyWatchers(o).map((id) => rooms.user(id)),
    ...(pool ? areaAgents(o).map((id) => rooms.user(id)) : []),
    rooms.desk(county, null),
    rooms.desk(city, null),
    rooms.supervision(county),
    rooms.supervision(city),
  ];
  const projectCode = (o.machineContext as { projectCode?: string | null }).projectCode ?? null;
  const message: ProxyOrderUpdated = { id: o.id, orderNo: o.orderNo, type: e.type, state: o.state, agentId: o.agentId, projectCode, revision: o.rowVersion, seq: e.seq, at: e.createdAt };
  return { event: 'proxy:updated', rooms: [...new Set(to)], message };
}
