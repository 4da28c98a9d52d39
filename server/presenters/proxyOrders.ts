import type { AggregateEventRow } from '../../db/repositories/aggregateEvents';
import type { ProxyAgentRow } from '../../db/repositories/proxy/agents';
import type { ProxyOrderRow } from '../../db/repositories/proxy/orders';
import type { ProxyContext } from '../../workflows/proxyOrderMachine';
import { maskPhone } from './case';

export function presentAgent(a: ProxyAgentRow, areaName?: string) {
  return { id: a.id, name: a.name, post: a.post, phone: a.phone, jurisdictionCode: a.jurisdictionCode, area: areaName ?? null, skills: a.skills, active: a.active };
}

/** A proxy order; the owner's phone in full only for those who serve or dispatch it (`fullPhone`). */
export function presentProxyOrder(o: ProxyOrderRow, opts: { agent?: ProxyAgentRow; fullPhone: boolean; place?: string }) {
  const c = o.machineContext as unknown as ProxyContext & { projectCode?: string | null };
  const e = o.entrustment as { text?: string; textSha256?: string; signer?: string; signedAt?: string };
  return {
    id: o.id,
    orderNo: o.orderNo,
    projectCode: c.projectCode ?? null,
    scope: o.scope,
    stage: o.stage,
    owner: { name: o.ownerName, phone: opts.fullPhone ? o.ownerPhone : maskPhone(o.ownerPhone) },
    jurisdictionCode: o.jurisdictionCode,
    place: opts.place ?? null,
    request: o.request,
    entrustment: { text: e.text ?? null, textSha256: e.textSha256 ?? null, signer: e.signer ?? null, signedAt: e.signedAt ?? null },
    state: o.state,
    agent: opts.agent ? presentAgent(opts.agent) : null,
    dispatchedAt: o.dispatchedAt,
    acceptedAt: o.acceptedAt,
    closedAt: o.closedAt,
    dueOn: o.dueOn,
    overdue: !!c.overdue,
    answerBy: o.state === 'dispatched' ? o.nextDueAt : null,
    declinedCount: (c.declined ?? []).length,
    reports: c.reports ?? 0,
    renewals: c.renewals ?? 0,
    completion: c.completion ?? null,
    stop: c.stop ?? null,
    lastReason: c.lastReason ?? null,
    rating: o.rating,
    ratingComment: o.ratingComment,
    revision: o.rowVersion,
    createdAt: o.createdAt,
  };
}

export function presentProxyEvent(e: AggregateEventRow) {
  return { seq: e.seq, type: e.type, from: e.fromState, to: e.toState, reason: e.reason, payload: e.payload, by: { role: e.actorRole, name: e.actorName }, at: e.createdAt };
}
