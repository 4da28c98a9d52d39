import type { Knex } from 'knex';

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
}

const COLUMNS: Record<keyof Omit<ELicenceRow, 'id'>, string> = {
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
  canonical: 'canonical',
  signature: 'signature',
  keyId: 'key_id',
  pdfSha256: 'pdf_sha256',
  pdfSize: 'pdf_size',
  createdAt: 'created_at',
};

function fromDb(r: Record<string, any>): ELicenceRow {
  const out: Record<string, unknown> = { id: Number(r.id) };
  for (const [k, col] of Object.entries(COLUMNS)) out[k] = r[col] ?? null;
  out.caseId = Number(r.case_id);
  out.pdfSize = r.pdf_size == null ? null : Number(r.pdf_size);
  out.holderUserId = r.holder_user_id == null ? null : Number(r.holder_user_id);
  return out as unknown as ELicenceRow;
}

/** Written in the ISSUE transition's transaction: no licence is issued without its e-licence. */
export async function insertELicence(trx: Knex, l: Omit<ELicenceRow, 'id'>): Promise<void> {
  const row: Record<string, unknown> = {};
  for (const [k, col] of Object.entries(COLUMNS)) row[col] = l[k as keyof typeof l];
  await trx('e_licences').insert(row);
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
