import type { Knex } from 'knex';
import type { AgreementContext } from '../../../workflows/transferAgreementMachine';
import { parseJson } from '../../connection';
import { contains } from './directory';

/** A function-transfer agreement as stored (migration 034). */
export interface TransferAgreementRow {
  id: number;
  agreementNo: string;
  unitId: number;
  orgId: number;
  functionId: number;
  signedOn: string;
  termFrom: string;
  termTo: string;
  amountYuan: number;
  deliverables: string[];
  state: string;
  machineContext: AgreementContext;
  rowVersion: number;
  lastSeq: number;
  recordedBy: number | null;
  createdAt: string;
}

export async function insertAgreement(trx: Knex, a: Omit<TransferAgreementRow, 'id'>): Promise<number> {
  const [id] = await trx('transfer_agreements').insert({
    agreement_no: a.agreementNo, unit_id: a.unitId, org_id: a.orgId, function_id: a.functionId, signed_on: a.signedOn, term_from: a.termFrom, term_to: a.termTo,
    amount_yuan: a.amountYuan, deliverables: JSON.stringify(a.deliverables), state: a.state, machine_context: JSON.stringify(a.machineContext),
    row_version: a.rowVersion, last_seq: a.lastSeq, recorded_by: a.recordedBy, created_at: a.createdAt,
  });
  return Number(id);
}

export async function agreementNoTaken(db: Knex, agreementNo: string): Promise<boolean> {
  return Boolean(await db('transfer_agreements').where({ agreement_no: agreementNo }).first('id'));
}

export interface AgreementFilter {
  id?: number;
  unit?: string;
  org?: number;
  q?: string;
}

export interface AgreementView {
  id: number;
  agreementNo: string;
  unit: { code: string; name: string };
  organisation: { id: number; name: string; state: string };
  function: { code: string; name: string };
  signedOn: string;
  termFrom: string;
  termTo: string;
  amountYuan: number;
  deliverables: string[];
}

/** The agreements with their parties and function, newest signature first. */
export async function listAgreements(db: Knex, f: AgreementFilter, page: { offset: number; limit: number }): Promise<{ rows: AgreementView[]; total: number }> {
  const base = () => {
    const q = db('transfer_agreements as a').join('transfer_units as u', 'u.id', 'a.unit_id').join('transfer_orgs as o', 'o.id', 'a.org_id').join('transfer_functions as f', 'f.id', 'a.function_id');
    if (f.id !== undefined) q.where('a.id', f.id);
    if (f.unit) q.where('u.code', f.unit);
    if (f.org !== undefined) q.where('a.org_id', f.org);
    if (f.q) q.where((w) => ['o.name', 'f.name', 'u.name'].reduce((acc, col) => contains(acc, col, f.q!, true), contains(w, 'a.agreement_no', f.q!)));
    return q;
  };
  const counted = await base().count({ n: '*' }).first();
  const rows = await base()
    .select('a.*', 'u.code as unit_code', 'u.name as unit_name', 'o.name as org_name', 'o.state as org_state', 'f.code as function_code', 'f.name as function_name')
    .orderBy([{ column: 'a.signed_on', order: 'desc' }, { column: 'a.id', order: 'desc' }])
    .offset(page.offset)
    .limit(page.limit);
  return {
    total: Number(counted?.n ?? 0),
    rows: rows.map((r: Record<string, any>) => ({
      id: Number(r.id), agreementNo: r.agreement_no, unit: { code: r.unit_code, name: r.unit_name }, organisation: { id: Number(r.org_id), name: r.org_name, state: r.org_state },
      function: { code: r.function_code, name: r.function_name }, signedOn: r.signed_on, termFrom: r.term_from, termTo: r.term_to, amountYuan: Number(r.amount_yuan), deliverables: parseJson<string[]>(r.deliverables),
    })),
  };
}

export async function findAgreementView(db: Knex, id: number): Promise<AgreementView | undefined> {
  return (await listAgreements(db, { id }, { offset: 0, limit: 1 })).rows[0];
}
