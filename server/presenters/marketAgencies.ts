import type { AggregateEventRow } from '../../db/repositories/aggregateEvents';
import type { AgencyRow } from '../../db/repositories/market/agencies';
import type { QualificationRow, StaffRow } from '../../db/repositories/market/agencyDetails';
import type { BadActRow } from '../../db/repositories/market/badActs';
import type { ServiceItemRow } from '../../db/repositories/market/serviceItems';
import type { AgencyContext } from '../../workflows/agencyMachine';
import { maskPhone } from './case';

/** A mobile number may be a person's: masked for the public (DESIGN.md, personal data); a landline is the office's. */
const publicPhone = (phone: string) => (/^1\d{10}$/.test(phone) ? maskPhone(phone) : phone);

/** What anyone sees of an agency in a list (a company's registered particulars are public). */
export function presentAgencySummary(a: AgencyRow) {
  return {
    id: a.id,
    name: a.name,
    uscc: a.uscc,
    jurisdictionCode: a.jurisdictionCode,
    onSite: a.onSite,
    areas: a.areas,
    state: a.state,
    score: a.score,
    stars: a.stars,
    ratedOrders: a.ratedOrders,
    completedOrders: a.completedOrders,
    listedAt: a.listedAt,
    revision: a.rowVersion,
  };
}

/** Why an agency is suspended or expelled, and the decision, are published (清退名单); a rejection's reasons only to the agency and the centre. */
function stateNote(a: AgencyRow, privileged: boolean) {
  const c = a.machineContext as unknown as Partial<AgencyContext>;
  const published = a.state === 'suspended' || a.state === 'expelled' || a.state === 'appealing';
  return {
    reason: published || privileged ? (a.stateReason ?? null) : null,
    decisionNo: c.decisionNo ?? null,
    expelledOn: c.expelledOn ?? null,
    appealUntil: c.appealUntil ?? null,
    appealed: c.appealed ?? false,
    appealGrounds: privileged ? (c.appealGrounds ?? null) : null,
  };
}

/** The public profile: qualifications with expiry, staff by name and title only (no certificate numbers), services, credit record. */
export function presentAgencyProfile(
  a: AgencyRow,
  d: { qualifications: QualificationRow[]; staff: StaffRow[]; services: { code: string; name: string }[]; badActs: BadActRow[] },
  today: string,
  privileged: boolean,
) {
  return {
    ...presentAgencySummary(a),
    legalRepresentative: a.legalRepresentative,
    contactPhone: privileged ? a.contactPhone : publicPhone(a.contactPhone),
    address: a.address,
    introduction: a.introduction,
    registeredAt: a.registeredAt,
    ...stateNote(a, privileged),
    review: privileged ? { dueOn: a.reviewDueOn, overdue: a.reviewOverdue } : null,
    qualifications: d.qualifications.map((q) => ({ name: q.name, level: q.level, certificateNo: q.certificateNo, issuedBy: q.issuedBy, expiresOn: q.expiresOn, expired: q.expiresOn < today })),
    staff: d.staff.map((s) => ({ name: s.name, title: s.title })),
    services: d.services,
    creditRecord: d.badActs.map((b) => ({ kind: b.kind, reason: b.reason, at: b.createdAt, orderId: b.orderId, recordNo: b.creditRecordId ? `MKT-${String(b.id).padStart(6, '0')}` : null })),
  };
}

/** What the centre's queue shows of a registration or an appeal. */
export function presentReviewEntry(a: AgencyRow) {
  const c = a.machineContext as unknown as Partial<AgencyContext>;
  return { ...presentAgencySummary(a), registeredAt: a.registeredAt, reviewDueOn: a.reviewDueOn, overdue: a.reviewOverdue, reason: a.stateReason, appealGrounds: c.appealGrounds ?? null, decisionNo: c.decisionNo ?? null };
}

export function presentAgencyEvent(e: AggregateEventRow) {
  return { seq: e.seq, type: e.type, from: e.fromState, to: e.toState, reason: e.reason, decisionNo: (e.payload as { decisionNo?: string }).decisionNo ?? null, by: { role: e.actorRole, name: e.actorName }, at: e.createdAt };
}

export function presentServiceItem(s: ServiceItemRow) {
  return { code: s.code, name: s.name, category: s.category, department: s.department, governmentPaid: s.governmentPaid, description: s.description, requiredQualification: s.requiredQualification };
}
