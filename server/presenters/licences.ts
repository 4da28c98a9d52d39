import type { AggregateEventRow } from '../../db/repositories/aggregateEvents';
import type { ELicenceRow } from '../../db/repositories/licences/eLicences';
import { OPERATION_CODES, type LicenceOperation } from '../../workflows/licenceMachine';
import { maskIdNumber } from './case';

/** GB/T 36903 / 住建部 status codes, and their words. */
export const LICENCE_STATUS: Record<string, { zh: string; en: string }> = {
  '01': { zh: '有效', en: 'valid' },
  '02': { zh: '暂扣', en: 'suspended' },
  '03': { zh: '撤销', en: 'revoked (撤销)' },
  '04': { zh: '注销', en: 'cancelled' },
  '05': { zh: '失效', en: 'expired' },
  '07': { zh: '吊销', en: 'revoked (吊销)' },
  '99': { zh: '已换发新版本', en: 'superseded by a new version' },
};

/** The status operations and their words (MOHURD operation codes in licenceMachine.ts). */
export const LICENCE_OPERATION_WORDS: Record<LicenceOperation, { zh: string; en: string }> = {
  RENEW: { zh: '延续', en: 'renewed' },
  AMEND: { zh: '变更', en: 'amended' },
  SUSPEND: { zh: '暂扣', en: 'suspended' },
  RESTORE: { zh: '发还', en: 'returned' },
  CANCEL: { zh: '注销', en: 'cancelled' },
  REVOKE: { zh: '撤销', en: 'revoked (撤销)' },
  WITHDRAW: { zh: '吊销', en: 'revoked (吊销)' },
};

/** One recorded operation on a licence, for its holder and the desks. */
export function presentLicenceEvent(e: AggregateEventRow, licenceId: string) {
  const op = e.type as LicenceOperation;
  return {
    licenceId,
    seq: e.seq,
    type: e.type,
    operationCode: OPERATION_CODES[op] ?? '07',
    words: LICENCE_OPERATION_WORDS[op] ?? { zh: e.type, en: e.type },
    from: e.fromState,
    to: e.toState,
    reason: e.reason,
    details: e.payload,
    by: { role: e.actorRole, name: e.actorName },
    at: e.createdAt,
  };
}

/** A person's name on a public page: the family name and the last character (张*明). */
export function maskName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return name;
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

export const statusOf = (code: string) => ({ code, ...(LICENCE_STATUS[code] ?? LICENCE_STATUS['99']!) });

/** A holder on a public page: a person's name as 张*明 and ID number masked; a legal person's code is public. */
export function maskedHolder(name: string, code: string, codeType: string) {
  const person = codeType === '111';
  return { name: person ? maskName(name) : name, code: person ? maskIdNumber(code) : code, codeType };
}

/** What the public verification page shows: genuine or not, the status, the holder masked (a person's name and ID; a legal person's code is public). */
export function presentVerification(l: ELicenceRow, signatureValid: boolean, today: string) {
  const expired = l.status === '01' && l.validUntil < today;
  return {
    genuine: signatureValid,
    kind: 'licence' as const,
    code: l.licenceId,
    status: statusOf(expired ? '05' : l.status),
    name: l.name,
    licenceNo: l.licenceNo,
    holder: maskedHolder(l.holderName, l.holderCode, l.holderCodeType),
    issuer: { name: l.issuerName, code: l.issuerCode },
    issuedOn: l.issuedOn,
    validity: { from: l.validFrom, until: l.validUntil },
    item: { code: l.itemCode, name: l.itemName },
    jurisdictionCode: l.jurisdictionCode,
    keyId: l.keyId,
    // Why the status is what it is (the last operation's reason), and the version that replaced this one.
    statusNote: l.status === '01' ? null : l.statusNote,
    supersededBy: l.supersededBy,
    previousLicenceId: l.previousLicenceId,
  };
}

/** A licence for its holder and the desks: everything but the signature material; the holder's code as the case's personal-data view allows. */
export function presentLicence(l: ELicenceRow, holderCodeVisible: boolean) {
  return {
    id: l.licenceId,
    licenceNo: l.licenceNo,
    name: l.name,
    type: { code: l.typeCode, name: l.typeName },
    version: l.version,
    status: statusOf(l.status),
    holder: { name: l.holderName, code: holderCodeVisible || l.holderCodeType !== '111' ? l.holderCode : maskIdNumber(l.holderCode), codeType: l.holderCodeType },
    issuer: { name: l.issuerName, code: l.issuerCode },
    definer: { name: l.definerName, code: l.definerCode },
    issuedOn: l.issuedOn,
    validity: { from: l.validFrom, until: l.validUntil },
    jurisdictionCode: l.jurisdictionCode,
    item: { code: l.itemCode, name: l.itemName },
    previousLicenceId: l.previousLicenceId,
    state: l.state,
    revision: l.rowVersion,
    statusNote: l.statusNote,
    statusChangedAt: l.statusChangedAt,
    supersededBy: l.supersededBy,
    pdf: { sha256: l.pdfSha256, size: l.pdfSize },
    verifyUrl: `/verify?code=${encodeURIComponent(l.licenceId)}`,
  };
}
