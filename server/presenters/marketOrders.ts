import type { AggregateEventRow } from '../../db/repositories/aggregateEvents';
import type { OrderRow } from '../../db/repositories/market/orders';
import type { SignupRow } from '../../db/repositories/market/signups';
import type { OrderContext } from '../../workflows/marketOrderMachine';

/** A person's name is not published: the surname and a star (a legal person or department in full). */
export const publicOwnerName = (o: Pick<OrderRow, 'ownerKind' | 'ownerName'>): string => (o.ownerKind === 'person' ? `${[...o.ownerName][0] ?? ''}*` : o.ownerName);

/** The announcement and the result: what anyone may see (no quotes before they are opened, no case number). */
export function presentPublicOrder(o: OrderRow, signups: SignupRow[]) {
  const c = o.machineContext as unknown as OrderContext;
  const chosen = signups.find((s) => s.agencyId === o.chosenAgencyId);
  return {
    id: o.id,
    orderNo: o.orderNo,
    title: o.title,
    content: o.content,
    serviceItemCode: o.serviceItemCode,
    owner: { kind: o.ownerKind, name: publicOwnerName(o) },
    jurisdictionCode: o.jurisdictionCode,
    budgetMin: o.budgetMin,
    budgetMax: o.budgetMax,
    method: o.method,
    requiredQualification: o.requiredQualification,
    requiredLevel: o.requiredLevel,
    signupDeadline: o.signupDeadline,
    selectionAt: o.selectionAt,
    serviceDays: o.serviceDays,
    state: o.state,
    revision: o.rowVersion,
    drawCommitment: o.drawCommitment,
    signupCount: (c.signups ?? []).length,
    chosenAgency: chosen ? { id: chosen.agencyId, name: chosen.agencyName } : null,
    // Sealed until opened together; then every quote is published with the result.
    quotes: c.quotesOpened ? signups.map((s) => ({ agencyId: s.agencyId, name: s.agencyName, quote: s.quote })) : null,
    repostOf: (c as unknown as { repostOf?: number | null }).repostOf ?? null,
    createdAt: o.createdAt,
    updatedAt: o.updatedAt,
  };
}

/** What the owner, the centre and the agencies involved see besides: the sign-ups (never a quote before opening), the contract, the service. */
export function presentOrderDetail(o: OrderRow, signups: SignupRow[], opts: { seesAvoided: boolean }) {
  const c = o.machineContext as unknown as OrderContext;
  return {
    ...presentPublicOrder(o, signups),
    // Those involved see whom they deal with in full.
    owner: { kind: o.ownerKind, name: o.ownerName },
    caseNo: o.caseNo,
    avoidedAgencies: opts.seesAvoided ? o.avoidedAgencies : null,
    signups: signups.map((s) => ({ agencyId: s.agencyId, name: s.agencyName, uscc: s.uscc, signedUpAt: s.createdAt, declined: (c.declined ?? []).includes(s.agencyId), ...(c.quotesOpened ? { quote: s.quote } : {}) })),
    contractAmount: o.contractAmount,
    hasContract: o.contractFileId !== null,
    hasResult: o.resultFileId !== null,
    serviceDueOn: o.serviceDueOn,
    overdue: o.overdue,
    lastReason: c.lastReason ?? null,
    nextDueAt: o.nextDueAt,
  };
}

export function presentOrderEvent(e: AggregateEventRow) {
  return { seq: e.seq, type: e.type, from: e.fromState, to: e.toState, reason: e.reason, by: { role: e.actorRole, name: e.actorName }, at: e.createdAt };
}
