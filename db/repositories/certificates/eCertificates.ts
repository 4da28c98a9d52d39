import type { Knex } from 'knex';
import { fromColumns, SIGNED_RECORD_COLUMNS, toColumns, type ColumnMap } from '../columnMap';

/** An issued e-certificate: the data its signature covers, and its PDF once drawn. */
export interface ECertificateRow {
  id: number;
  certificateId: string;
  requestId: number;
  kindCode: string;
  name: string;
  typeCode: string;
  holderName: string;
  holderCode: string;
  holderCodeType: string;
  holderUserId: number;
  issuerName: string;
  issuerCode: string;
  jurisdictionCode: string;
  statement: string;
  purpose: string;
  legalBasis: string;
  issuedOn: string;
  validUntil: string;
  status: string;
  canonical: string;
  signature: string;
  keyId: string;
  fileId: string;
  pdfSha256: string | null;
  pdfSize: number | null;
  createdAt: string;
}

const COLUMNS: ColumnMap<Omit<ECertificateRow, 'id'>> = {
  ...SIGNED_RECORD_COLUMNS,
  certificateId: 'certificate_id',
  requestId: 'request_id',
  kindCode: 'kind_code',
  name: 'name',
  typeCode: 'type_code',
  holderName: 'holder_name',
  holderCode: 'holder_code',
  holderCodeType: 'holder_code_type',
  holderUserId: 'holder_user_id',
  issuerName: 'issuer_name',
  issuerCode: 'issuer_code',
  jurisdictionCode: 'jurisdiction_code',
  statement: 'statement',
  purpose: 'purpose',
  legalBasis: 'legal_basis',
  issuedOn: 'issued_on',
  validUntil: 'valid_until',
  status: 'status',
  fileId: 'file_id',
};

function fromDb(r: Record<string, any>): ECertificateRow {
  const out = fromColumns(COLUMNS, r);
  out.requestId = Number(r.request_id);
  out.holderUserId = Number(r.holder_user_id);
  out.pdfSize = r.pdf_size == null ? null : Number(r.pdf_size);
  return out as unknown as ECertificateRow;
}

/** Written in the ISSUE's transaction: no certificate is issued without its signed record. */
export async function insertECertificate(trx: Knex, c: Omit<ECertificateRow, 'id'>): Promise<void> {
  await trx('e_certificates').insert(toColumns(COLUMNS, c));
}

async function findBy(db: Knex, column: string, value: string | number): Promise<ECertificateRow | undefined> {
  const r = await db('e_certificates').where(column, value).first();
  return r ? fromDb(r) : undefined;
}

export const findECertificate = (db: Knex, certificateId: string) => findBy(db, 'certificate_id', certificateId);
export const findECertificateOfRequest = (db: Knex, requestId: number) => findBy(db, 'request_id', requestId);
export const findECertificateByFileId = (db: Knex, fileId: string) => findBy(db, 'file_id', fileId);

/** A holder's e-certificates, newest first (offered for attaching by reference). */
export async function listECertificatesOfHolder(db: Knex, userId: number): Promise<ECertificateRow[]> {
  return (await db('e_certificates').where('holder_user_id', userId).orderBy('id', 'desc').limit(200)).map(fromDb);
}

export async function setECertificatePdf(db: Knex, id: number, sha256: string, size: number): Promise<void> {
  await db('e_certificates').where('id', id).update({ pdf_sha256: sha256, pdf_size: size });
}
