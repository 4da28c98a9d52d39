import type { Knex } from 'knex';
import { insertCreditRecord } from '../commitments/creditRecords';

/** Recorded misconduct in the market; every one is also a credit record (kind `agency_<kind>`) for the city's credit platform. */
export const BAD_ACT_KINDS = ['late', 'false_result', 'overcharge', 'steering', 'one_star', 'other'] as const;
export type BadActKind = (typeof BAD_ACT_KINDS)[number];

export interface BadActRow {
  id: number;
  agencyId: number | null;
  orderId: number | null;
  kind: BadActKind;
  reason: string;
  recordedBy: number | null;
  recordedRole: string;
  actorDepartment: string | null;
  creditRecordId: number | null;
  createdAt: string;
}

/** Whose credit the act is on: the agency (its USCC) or, for steering, the department that attempted it. */
export interface BadActSubject {
  subjectType: 'organisation';
  subjectCode: string;
  subjectName: string;
  jurisdictionCode: string;
  /** The department that recorded (or, for steering, committed) it; `centre` for the centre. */
  department: string;
}

export function badActFromDb(r: Record<string, any>): BadActRow {
  return {
    id: Number(r.id),
    agencyId: r.agency_id == null ? null : Number(r.agency_id),
    orderId: r.order_id == null ? null : Number(r.order_id),
    kind: r.kind,
    reason: r.reason,
    recordedBy: r.recorded_by == null ? null : Number(r.recorded_by),
    recordedRole: r.recorded_role,
    actorDepartment: r.actor_department ?? null,
    creditRecordId: r.credit_record_id == null ? null : Number(r.credit_record_id),
    createdAt: r.created_at,
  };
}

/** Writes the bad act and its credit record (decision number MKT-<id>) in the caller's transaction. */
export async function insertBadAct(trx: Knex, act: Omit<BadActRow, 'id' | 'creditRecordId'>, subject: BadActSubject): Promise<BadActRow> {
  const [rawId] = await trx('market_bad_acts').insert({
    agency_id: act.agencyId,
    order_id: act.orderId,
    kind: act.kind,
    reason: act.reason,
    recorded_by: act.recordedBy,
    recorded_role: act.recordedRole,
    actor_department: act.actorDepartment,
    created_at: act.createdAt,
  });
  const id = Number(rawId);
  const creditRecordId = await insertCreditRecord(trx, {
    ...subject,
    kind: `agency_${act.kind}`,
    postCheckId: null,
    decisionNo: `MKT-${String(id).padStart(6, '0')}`,
    reasons: act.reason,
    createdAt: act.createdAt,
  });
  await trx('market_bad_acts').where({ id }).update({ credit_record_id: creditRecordId });
  return { ...act, id, creditRecordId };
}

export async function badActsOfAgency(db: Knex, agencyId: number): Promise<BadActRow[]> {
  return (await db('market_bad_acts').where({ agency_id: agencyId }).orderBy('id', 'desc')).map(badActFromDb);
}
