import type { AggregateEventRow } from '../../db/repositories/aggregateEvents';
import type { CertificateKindRow } from '../../db/repositories/certificates/certificateKinds';
import type { CertificateRequestRow } from '../../db/repositories/certificates/certificateRequests';
import type { ECertificateRow } from '../../db/repositories/certificates/eCertificates';
import type { CertificateContext } from '../../workflows/certificateMachine';
import { maskIdNumber } from './case';
import { maskedHolder, statusOf } from './licences';

export function presentCertificateKind(k: CertificateKindRow) {
  return { code: k.code, name: k.name, nameEn: k.nameEn, needsTown: k.needsTown, legalBasis: k.legalBasis, materials: k.materials, validDays: k.validDays };
}

/** A request for its applicant and the desks: the ID number in full only for the holder and the desk handling it now. */
export function presentCertificateRequest(r: CertificateRequestRow, idVisible: boolean) {
  const c = r.machineContext as unknown as CertificateContext;
  return {
    id: r.id,
    kind: { code: r.kindCode, name: r.kindName },
    holder: { name: r.holderName, idNumber: idVisible ? r.holderIdNumber : maskIdNumber(r.holderIdNumber) },
    purpose: r.purpose,
    villageCode: r.villageCode,
    townCode: r.townCode,
    needsTown: r.needsTown,
    deskCode: r.deskCode,
    state: r.state,
    revision: r.rowVersion,
    villageOpinion: c.villageOpinion ?? null,
    refusal: c.refusal ?? null,
    certificateId: r.certificateId,
    pdfUrl: r.certificateId ? `/api/certificates/${r.id}/pdf` : null,
    verifyUrl: r.certificateId ? `/verify?code=${encodeURIComponent(r.certificateId)}` : null,
    requestedAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

export function presentCertificateEvent(e: AggregateEventRow) {
  return { seq: e.seq, type: e.type, from: e.fromState, to: e.toState, reason: e.reason, by: { role: e.actorRole, name: e.actorName }, at: e.createdAt };
}

/** What the public verification shows of an e-certificate: genuine or not, the status, the holder masked. */
export function presentCertificateVerification(c: ECertificateRow, signatureValid: boolean, today: string) {
  return {
    genuine: signatureValid,
    kind: 'certificate' as const,
    code: c.certificateId,
    status: statusOf(c.status === '01' && c.validUntil < today ? '05' : c.status),
    name: c.name,
    licenceNo: c.certificateId.split('.').at(-3)!,
    holder: maskedHolder(c.holderName, c.holderCode, c.holderCodeType),
    issuer: { name: c.issuerName, code: c.issuerCode },
    issuedOn: c.issuedOn,
    validity: { from: c.issuedOn, until: c.validUntil },
    purpose: c.purpose,
    legalBasis: c.legalBasis,
    jurisdictionCode: c.jurisdictionCode,
    keyId: c.keyId,
    statusNote: null,
    supersededBy: null,
    previousLicenceId: null,
  };
}
