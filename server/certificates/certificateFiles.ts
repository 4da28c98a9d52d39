import type { Knex } from 'knex';
import { certificatesNeededBy } from '../../db/repositories/certificates/certificateKinds';
import { findECertificateByFileId, listECertificatesOfHolder, type ECertificateRow } from '../../db/repositories/certificates/eCertificates';
import type { AppContext } from '../context';
import { certificatePdf } from './certificatePdf';

/** What a case file attached by reference copies from its source. */
export interface ReferencedFacts {
  sha256: string;
  size: number;
  mediaType: string;
  originalName: string;
  referencedFrom: string;
}

/** The names of the certificates an item needs: materials a case of it may take, attached by reference. */
export async function certificateMaterialsOf(db: Knex, itemCode: string): Promise<string[]> {
  return (await certificatesNeededBy(db, itemCode)).map((k) => k.name);
}

/**
 * An e-certificate the platform issued to this applicant, as the source of a
 * material attached by reference (never asked for on paper): its signed PDF,
 * drawn and stored by SHA-256 if it was not yet. Undefined when the id is not
 * one of the holder's certificates.
 */
export async function certificateAsReference(ctx: AppContext, userId: number, fileId: string): Promise<ReferencedFacts | undefined> {
  const c = await findECertificateByFileId(ctx.db.knex, fileId);
  if (!c || c.holderUserId !== userId) return undefined;
  const pdf = await certificatePdf(ctx, ctx.db.knex, c);
  return { sha256: c.pdfSha256!, size: pdf.length, mediaType: 'application/pdf', originalName: `${c.name}.pdf`, referencedFrom: c.fileId };
}

/** An issued e-certificate among the applicant's files (GET /api/me/files): attach it by its `id`. */
export function presentCertificateFile(c: ECertificateRow) {
  return {
    id: c.fileId,
    material: c.name,
    name: `${c.name}.pdf`,
    size: c.pdfSize,
    mediaType: 'application/pdf',
    sha256: c.pdfSha256,
    source: 'certificate' as const,
    certificateId: c.certificateId,
    issuer: c.issuerName,
    issuedOn: c.issuedOn,
    validUntil: c.validUntil,
    caseNo: null,
    previewUrl: null,
    downloadUrl: `/api/certificates/${c.requestId}/pdf`,
  };
}

export const listCertificateFiles = async (db: Knex, userId: number) => (await listECertificatesOfHolder(db, userId)).map(presentCertificateFile);
