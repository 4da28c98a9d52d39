import type { ELicenceRow } from '../../db/repositories/licences/eLicences';
import { maskIdNumber } from './case';

/** GB/T 36903 / 住建部 status codes, and their words. */
export const LICENCE_STATUS: Record<string, { zh: string; en: string }> = {
  '01': { zh: '有效', en: 'valid' },
  '02': { zh: '暂扣', en: 'suspended' },
  '03': { zh: '撤销', en: 'revoked (撤销)' },
  '04': { zh: '注销', en: 'cancelled' },
  '05': { zh: '失效', en: 'expired' },
  '07': { zh: '吊销', en: 'revoked (吊销)' },
  '99': { zh: '其他', en: 'other' },
};

/** A person's name on a public page: the family name and the last character (张*明). */
export function maskName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return name;
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

const statusOf = (code: string) => ({ code, ...(LICENCE_STATUS[code] ?? LICENCE_STATUS['99']!) });

/** What the public verification page shows: genuine or not, the status, the holder masked (a person's name and ID; a legal person's code is public). */
export function presentVerification(l: ELicenceRow, signatureValid: boolean, today: string) {
  const person = l.holderCodeType === '111';
  const expired = l.status === '01' && l.validUntil < today;
  return {
    genuine: signatureValid,
    kind: 'licence' as const,
    code: l.licenceId,
    status: statusOf(expired ? '05' : l.status),
    name: l.name,
    licenceNo: l.licenceNo,
    holder: { name: person ? maskName(l.holderName) : l.holderName, code: person ? maskIdNumber(l.holderCode) : l.holderCode, codeType: l.holderCodeType },
    issuer: { name: l.issuerName, code: l.issuerCode },
    issuedOn: l.issuedOn,
    validity: { from: l.validFrom, until: l.validUntil },
    item: { code: l.itemCode, name: l.itemName },
    jurisdictionCode: l.jurisdictionCode,
    keyId: l.keyId,
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
    pdf: { sha256: l.pdfSha256, size: l.pdfSize },
    verifyUrl: `/verify?code=${encodeURIComponent(l.licenceId)}`,
  };
}
