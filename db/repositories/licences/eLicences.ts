import type { Knex } from 'knex';
import { parseJson } from '../../connection';
import { fromColumns, SIGNED_RECORD_COLUMNS, toColumns, type ColumnMap } from '../columnMap';
import { codePrefix } from '../../../workflows/levels';

/** An e-licence as stored: the directory fields of GB/T 36903 and what its signature covers. */
export interface ELicenceRow {
  id: number;
  licenceId: string;
  caseId: number;
  licenceNo: string;
  name: string;
  typeCode: string;
  typeName: string;
  version: string;
  holderName: string;
  holderCode: string;
  holderCodeType: string;
  holderUserId: number | null;
  issuerName: string;
  issuerCode: string;
  definerName: string;
  definerCode: string;
  issuedOn: string;
  validFrom: string;
  validUntil: string;
  jurisdictionCode: string;
  itemCode: string;
  itemName: string;
  status: string;
  previousLicenceId: string | null;
  canonical: string;
  signature: string;
  keyId: string;
  pdfSha256: string | null;
  pdfSize: number | null;
  createdAt: string;
  /** The licence machine (workflows/licenceMachine.ts): its state and context, the row version, the last event's number. */
  state: string;
  machineContext: Record<string, unknown> | null;
  rowVersion: number;
  lastSeq: number;
  statusNote: string | null;
  statusChangedAt: string | null;
  /** The next version's identifier once 延续 or 变更 replaced this one. */
  supersededBy: string | null;
  /** The department that issued it (with `jurisdictionCode`, the desk that may change it). */
  issuerDepartment: string | null;
}

const COLUMNS: ColumnMap<Omit<ELicenceRow, 'id'>> = {
  ...SIGNED_RECORD_COLUMNS,
  licenceId: 'licence_id',
  caseId: 'case_id',
  licenceNo: 'licence_no',
  name: 'name',
  typeCode: 'type_code',
  typeName: 'type_name',
  version: 'version',
  holderName: 'holder_name',
  holderCode: 'holder_code',
  holderCodeType: 'holder_code_type',
  holderUserId: 'holder_user_id',
  issuerName: 'issuer_name',
  issuerCode: 'issuer_code',
  definerName: 'definer_name',
  definerCode: 'definer_code',
  issuedOn: 'issued_on',
  validFrom: 'valid_from',
  validUntil: 'valid_until',
  jurisdictionCode: 'jurisdiction_code',
  itemCode: 'item_code',
  itemName: 'item_name',
  status: 'status',
  previousLicenceId: 'previous_licence_id',
  state: 'state',
  machineContext: 'machine_context',
  rowVersion: 'row_version',
  lastSeq: 'last_seq',
  statusNote: 'status_note',
  statusChangedAt: 'status_changed_at',
  supersededBy: 'superseded_by',
  issuerDepartment: 'issuer_department',
};

function fromDb(r: Record<string, any>): ELicenceRow {
  const out = fromColumns(COLUMNS, r);
  out.caseId = Number(r.case_id);
  out.pdfSize = r.pdf_size == null ? null : Number(r.pdf_size);
  out.holderUserId = r.holder_user_id == null ? null : Number(r.holder_user_id);
  out.rowVersion = Number(r.row_version ?? 1);
  out.lastSeq = Number(r.last_seq ?? 0);
  out.machineContext = r.machine_context ? parseJson(r.machine_context) : null;
  return out as unknown as ELicenceRow;
}

/** Written in the ISSUE transition's transaction: no licence is issued without its e-licence. */
export async function insertELicence(trx: Knex, l: Omit<ELicenceRow, 'id'>): Promise<void> {
  await trx('e_licences').insert(toColumns(COLUMNS, l, ['machineContext']));
}

export async function findELicence(db: Knex, licenceId: string): Promise<ELicenceRow | undefined> {
  const r = await db('e_licences').where('licence_id', licenceId).first();
  return r ? fromDb(r) : undefined;
}

export async function findELicenceOfCase(db: Knex, caseId: number): Promise<ELicenceRow | undefined> {
  const r = await db('e_licences').where('case_id', caseId).orderBy('id', 'desc').first();
  return r ? fromDb(r) : undefined;
}

/** A holder's licences in one place (an applicant account's), newest first. */
export async function listELicencesOfHolder(db: Knex, userId: number): Promise<ELicenceRow[]> {
  return (await db('e_licences').where('holder_user_id', userId).orderBy('id', 'desc').limit(500)).map(fromDb);
}

/** The signed PDF, once drawn (the same data and key always draw the same bytes, so a race writes the same hash). */
export async function setELicencePdf(db: Knex, id: number, sha256: string, size: number): Promise<void> {
  await db('e_licences').where('id', id).update({ pdf_sha256: sha256, pdf_size: size });
}

export async function findELicenceForUpdate(trx: Knex, licenceId: string): Promise<ELicenceRow | undefined> {
  const r = await trx('e_licences').where('licence_id', licenceId).forUpdate().first();
  return r ? fromDb(r) : undefined;
}

/** A status change, written only if the licence is still at the version it was read at. */
export async function updateELicenceIfVersion(trx: Knex, current: ELicenceRow, patch: Partial<ELicenceRow>): Promise<boolean> {
  const n = await trx('e_licences').where({ id: current.id, row_version: current.rowVersion }).update(toColumns(COLUMNS, patch, ['machineContext']));
  return Number(n) === 1;
}

/** Every version of one licence (the first and what 延续/变更 issued after it), oldest first. */
export async function listLicenceVersions(db: Knex, caseId: number): Promise<ELicenceRow[]> {
  return (await db('e_licences').where('case_id', caseId).orderBy('id')).map(fromDb);
}

export interface IssuedListQuery {
  jurisdictionCode: string;
  /** A department's desk sees its own; null: every department of the jurisdiction and below (a supervisor). */
  department: string | null;
  within: boolean;
  q?: string;
  state?: string;
  limit: number;
}

/** The licences a desk issued (or a supervisor's area holds), newest first, searched by number, name or holder. */
export async function listIssuedLicences(db: Knex, query: IssuedListQuery): Promise<ELicenceRow[]> {
  const q = db('e_licences').orderBy('id', 'desc').limit(query.limit);
  if (query.within) q.where('jurisdiction_code', 'like', `${codePrefix(query.jurisdictionCode)}%`);
  else q.where('jurisdiction_code', query.jurisdictionCode);
  if (query.department) q.where('issuer_department', query.department);
  if (query.state) q.where('state', query.state);
  if (query.q) {
    // LIKE's own wildcards are dropped from what was typed (their escaping differs between SQLite and MySQL).
    const text = query.q.replace(/[%_\\]/g, '');
    q.where((w) => w.where('licence_no', 'like', `%${text}%`).orWhere('holder_name', 'like', `%${text}%`).orWhere('licence_id', text));
  }
  return (await q).map(fromDb);
}
