import type { CodeVerdict, FileVerdict, LicenceStatus } from '../../api/licences';

/** 01 有效: the only status a licence may be relied on in. */
export const VALID = '01';

/** A status in the reader's language: the server says it in both. */
export const statusWord = (s: LicenceStatus, lang: string) => (lang === 'en' ? s.en : s.zh);

/** The colour of a status: valid green, suspended or lapsed orange, withdrawn for good red. */
export function statusColor(code: string): 'green' | 'orange' | 'red' {
  if (code === VALID) return 'green';
  return code === '02' || code === '05' ? 'orange' : 'red';
}

/** The key of a holder's code type (licences:codeType.*). */
export const codeTypeKey = (codeType: string) => `codeType.${codeType === '111' || codeType === '001' ? codeType : 'other'}`;

/** How the check of a code came out: genuine and valid, genuine in another status, or not verifiable. */
export type Outcome = 'valid' | 'status' | 'failed';

export function outcomeOf(v: CodeVerdict): Outcome {
  if (!v.genuine || v.reason) return 'failed';
  return v.status.code === VALID ? 'valid' : 'status';
}

/** How the check of a file came out. */
export type FileOutcome = 'genuine' | 'notLicence' | 'unsigned' | 'unknownKey' | 'changed';

/** The verdict on a file, in the few cases a reader needs told apart, by the server's stable code. */
export function fileOutcomeOf(v: FileVerdict): FileOutcome {
  if (v.genuine && v.licence) return 'genuine';
  if (v.signature.valid) return 'notLicence';
  if (v.signature.code === 'UNSIGNED' || v.signature.keyId === null) return 'unsigned';
  if (v.signature.code === 'UNKNOWN_KEY') return 'unknownKey';
  return 'changed';
}
