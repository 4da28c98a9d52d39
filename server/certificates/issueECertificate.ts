import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import { findCertificateKind } from '../../db/repositories/certificates/certificateKinds';
import type { CertificateRequestRow } from '../../db/repositories/certificates/certificateRequests';
import { insertECertificate, type ECertificateRow } from '../../db/repositories/certificates/eCertificates';
import { findJurisdiction, type JurisdictionRow } from '../../db/repositories/jurisdictions';
import { buildLicenceId } from '../../workflows/licenceIdentifier';
import { ancestorCode } from '../../workflows/levels';
import { centreUscc, certificateTypeCode } from '../../workflows/organCodes';
import type { AppContext } from '../context';
import { chinaDay } from '../documents/notices/noticeContext';
import { signRecord } from '../documents/signedRecord';
import { notFound } from '../errors';
import { HOLDER_CODE_TYPES } from '../licences/issueELicence';

/** The body behind a centre that signs a certificate: a village or community committee, a town government or street office. */
export function issuingBodyName(j: Pick<JurisdictionRow, 'name' | 'level'>): string {
  if (j.level === 'village') return j.name.endsWith('社区') ? `${j.name}居民委员会` : `${j.name}村民委员会`;
  return j.name.endsWith('街道') ? `${j.name}办事处` : `${j.name}人民政府`;
}

type SignedColumns = 'id' | 'canonical' | 'signature' | 'keyId' | 'fileId' | 'pdfSha256' | 'pdfSize' | 'createdAt' | 'status' | 'holderUserId';

/** What an e-certificate's signature covers: its directory data, never its status. */
export function certificateDataOf(c: Omit<ECertificateRow, SignedColumns>) {
  return {
    certificateId: c.certificateId,
    requestId: c.requestId,
    kind: { code: c.kindCode, name: c.name, typeCode: c.typeCode },
    holder: { name: c.holderName, code: c.holderCode, codeType: c.holderCodeType },
    issuer: { name: c.issuerName, code: c.issuerCode },
    jurisdictionCode: c.jurisdictionCode,
    statement: c.statement,
    purpose: c.purpose,
    legalBasis: c.legalBasis,
    issuedOn: c.issuedOn,
    validUntil: c.validUntil,
  };
}

function addDays(isoDay: string, days: number): string {
  const d = new Date(`${isoDay}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The e-certificate of an ISSUE, written in its transaction: the GB/T 36904
 * identifier (the kind's type code; the issuing committee's or town's code;
 * the request's number), the statement, signed like an e-licence. Its PDF is
 * drawn when first asked for (certificatePdf.ts). Returns the identifier.
 */
export async function issueECertificate(ctx: AppContext, trx: Knex.Transaction, request: CertificateRequestRow, issuingCentre: string, at: string): Promise<string> {
  const kind = await findCertificateKind(trx, request.kindCode);
  const centre = await findJurisdiction(trx, issuingCentre);
  const village = await findJurisdiction(trx, request.villageCode);
  if (!kind || !centre || !village) throw notFound('Certificate kind or centre');
  const issuedOn = chinaDay(at);
  const fields = {
    certificateId: buildLicenceId({
      typeCode: certificateTypeCode(ancestorCode(request.villageCode, 'province'), kind.typeSerial),
      issuerUscc: centreUscc(issuingCentre),
      serial: String(request.id).padStart(7, '0'),
      version: '001',
    }),
    requestId: request.id,
    kindCode: kind.code,
    name: kind.name,
    typeCode: certificateTypeCode(ancestorCode(request.villageCode, 'province'), kind.typeSerial),
    holderName: request.holderName,
    holderCode: request.holderIdNumber,
    holderCodeType: HOLDER_CODE_TYPES.person,
    issuerName: issuingBodyName(centre),
    issuerCode: centreUscc(issuingCentre),
    jurisdictionCode: issuingCentre,
    statement: kind.statement.replace('{name}', request.holderName).replace('{place}', village.name),
    purpose: request.purpose,
    legalBasis: kind.legalBasis,
    issuedOn,
    validUntil: addDays(issuedOn, kind.validDays - 1),
  };
  await insertECertificate(trx, {
    ...fields,
    ...signRecord(ctx.signingKey, certificateDataOf(fields)),
    holderUserId: request.applicantUserId,
    status: '01',
    fileId: randomBytes(12).toString('base64url'),
    pdfSha256: null,
    pdfSize: null,
    createdAt: at,
  });
  return fields.certificateId;
}
