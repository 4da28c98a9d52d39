import type { Knex } from 'knex';
import { codePrefix } from '../../../workflows/levels';

/** A credit record (信用记录) of a false commitment, on a person (ID number) or a legal person (USCC). */
export interface CreditRecordRow {
  id: number;
  subjectType: 'person' | 'organisation';
  subjectCode: string;
  subjectName: string;
  kind: string;
  postCheckId: number | null;
  jurisdictionCode: string;
  department: string;
  decisionNo: string;
  reasons: string;
  createdAt: string;
  repairedAt: string | null;
  repairedBy: number | null;
  repairReason: string | null;
}

function fromDb(r: Record<string, any>): CreditRecordRow {
  return {
    id: Number(r.id),
    subjectType: r.subject_type,
    subjectCode: r.subject_code,
    subjectName: r.subject_name,
    kind: r.kind,
    postCheckId: r.post_check_id == null ? null : Number(r.post_check_id),
    jurisdictionCode: r.jurisdiction_code,
    department: r.department,
    decisionNo: r.decision_no,
    reasons: r.reasons,
    createdAt: r.created_at,
    repairedAt: r.repaired_at ?? null,
    repairedBy: r.repaired_by == null ? null : Number(r.repaired_by),
    repairReason: r.repair_reason ?? null,
  };
}

export async function insertCreditRecord(trx: Knex, c: Omit<CreditRecordRow, 'id' | 'repairedAt' | 'repairedBy' | 'repairReason'>): Promise<number> {
  const [id] = await trx('credit_records').insert({
    subject_type: c.subjectType,
    subject_code: c.subjectCode,
    subject_name: c.subjectName,
    kind: c.kind,
    post_check_id: c.postCheckId,
    jurisdiction_code: c.jurisdictionCode,
    department: c.department,
    decision_no: c.decisionNo,
    reasons: c.reasons,
    created_at: c.createdAt,
  });
  return Number(id);
}

/** The unrepaired records on a subject (they block commitments). */
export async function unrepairedRecordsOf(db: Knex, subjectCode: string): Promise<CreditRecordRow[]> {
  return (await db('credit_records').where('subject_code', subjectCode).whereNull('repaired_at').orderBy('id')).map(fromDb);
}

export async function findCreditRecord(db: Knex, id: number, forUpdate = false): Promise<CreditRecordRow | undefined> {
  const q = db('credit_records').where({ id });
  if (forUpdate) q.forUpdate();
  const r = await q.first();
  return r ? fromDb(r) : undefined;
}

/** 信用修复: true when this call repaired it (an already repaired record stays as it was). */
export async function repairCreditRecord(trx: Knex, id: number, by: number, reason: string, at: string): Promise<boolean> {
  const n = await trx('credit_records').where({ id }).whereNull('repaired_at').update({ repaired_at: at, repaired_by: by, repair_reason: reason });
  return Number(n) === 1;
}

/** A department's records at its jurisdiction, or every record under a supervisor's area; unrepaired first. */
export async function listCreditRecords(db: Knex, s: { jurisdictionCode: string; department: string | null; within: boolean; limit: number }): Promise<CreditRecordRow[]> {
  const q = db('credit_records').select('credit_records.*');
  if (s.within) q.where('credit_records.jurisdiction_code', 'like', `${codePrefix(s.jurisdictionCode)}%`);
  else q.where({ 'credit_records.jurisdiction_code': s.jurisdictionCode, 'credit_records.department': s.department });
  return (await q.orderByRaw('CASE WHEN credit_records.repaired_at IS NULL THEN 0 ELSE 1 END').orderBy('credit_records.id', 'desc').limit(s.limit)).map(fromDb);
}
