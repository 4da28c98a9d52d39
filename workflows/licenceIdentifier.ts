/**
 * The electronic licence identifier (电子证照标识, GB/T 36904-2018):
 *
 *   1.2.156.3005.2 . <licence type code> . <issuer USCC> . <serial> . <version> . <check>
 *
 * - licence type code (证照类型代码): the defining body's 18-character unified social credit code followed by a
 *   3-digit serial, 21 characters;
 * - issuer (颁发机构代码): the issuing body's 18-character unified social credit code;
 * - serial (流水号): the issuer's number for this licence, upper-case letters and digits;
 * - version (版本号): 3 digits, 001 for a first issue;
 * - check (校验位): ISO 7064 MOD 37,36 (hybrid system over 0-9A-Z).
 *
 * Which characters the check covers is not in the public extracts of the standard. Of the candidates tried
 * against the published example `1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430599.001.F`:
 * every alphanumeric after the prefix, dots removed (type code + issuer + serial + version) gives F;
 * the whole string without dots gives W, with dots Q; type+issuer+serial gives G. So the check covers the
 * four fields after the fixed prefix, concatenated without dots.
 *
 * Pure, no dependencies, like identity.ts.
 */
import { isValidUscc } from './identity';

export const LICENCE_ID_PREFIX = '1.2.156.3005.2';

/** The alphabet of ISO 7064 MOD 37,36: a character's value is its index. */
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const M = 36;

export interface LicenceIdParts {
  /** 21 characters: the defining body's USCC and a 3-digit serial. */
  typeCode: string;
  issuerUscc: string;
  serial: string;
  /** 3 digits. */
  version: string;
}

export interface ParsedLicenceId extends LicenceIdParts {
  check: string;
  /**
   * Whether the USCCs inside (the issuer, and the defining body at the head of the type code) pass their own
   * MOD 31 check. Reported, not required: the identifier's own check character is what vouches for it, and
   * an identifier issued elsewhere should still be readable if a body's code was keyed wrongly at issue.
   */
  issuerUsccValid: boolean;
  definerUsccValid: boolean;
}

/** ISO 7064 MOD 37,36 check character of `data` (characters of 0-9A-Z); null when one is outside it. */
export function mod3736CheckChar(data: string): string | null {
  let p = M;
  for (const ch of data) {
    const v = ALPHABET.indexOf(ch);
    if (v < 0) return null;
    const s = (p + v) % M || M;
    p = (s * 2) % (M + 1);
  }
  // The check value c makes (p + c) mod 36 = 1.
  return ALPHABET[(M + 1 - p) % M]!;
}

const TYPE_CODE = /^[0-9A-Z]{18}\d{3}$/;
const USCC_LIKE = /^[0-9A-Z]{18}$/;
const SERIAL = /^[0-9A-Z]{1,32}$/;
const VERSION = /^\d{3}$/;

function checkedData(parts: LicenceIdParts): string {
  return parts.typeCode + parts.issuerUscc + parts.serial + parts.version;
}

/**
 * A new identifier. Throws on a malformed part, and on an issuer code or definer code whose USCC check
 * character does not check: what we issue ourselves must be right, unlike what we are shown.
 */
export function buildLicenceId(parts: LicenceIdParts): string {
  const { typeCode, issuerUscc, serial, version } = parts;
  if (!TYPE_CODE.test(typeCode)) throw new Error(`licence type code must be 18-character USCC + 3 digits, got ${JSON.stringify(typeCode)}`);
  if (!isValidUscc(typeCode.slice(0, 18))) throw new Error(`licence type code ${typeCode} does not start with a valid USCC`);
  if (!isValidUscc(issuerUscc)) throw new Error(`issuer code ${JSON.stringify(issuerUscc)} is not a valid USCC`);
  if (!SERIAL.test(serial)) throw new Error(`serial must be 1-32 upper-case letters or digits, got ${JSON.stringify(serial)}`);
  if (!VERSION.test(version)) throw new Error(`version must be 3 digits, got ${JSON.stringify(version)}`);
  const check = mod3736CheckChar(checkedData(parts))!;
  return [LICENCE_ID_PREFIX, typeCode, issuerUscc, serial, version, check].join('.');
}

/** The parts of a well-formed identifier whose check character checks, or null. Upper case only. */
export function parseLicenceId(s: string): ParsedLicenceId | null {
  if (!s.startsWith(`${LICENCE_ID_PREFIX}.`)) return null;
  const fields = s.slice(LICENCE_ID_PREFIX.length + 1).split('.');
  if (fields.length !== 5) return null;
  const [typeCode, issuerUscc, serial, version, check] = fields as [string, string, string, string, string];
  if (!TYPE_CODE.test(typeCode) || !USCC_LIKE.test(issuerUscc) || !SERIAL.test(serial) || !VERSION.test(version)) return null;
  if (check.length !== 1 || mod3736CheckChar(typeCode + issuerUscc + serial + version) !== check) return null;
  return {
    typeCode,
    issuerUscc,
    serial,
    version,
    check,
    issuerUsccValid: isValidUscc(issuerUscc),
    definerUsccValid: isValidUscc(typeCode.slice(0, 18)),
  };
}

export function isValidLicenceId(s: string): boolean {
  return parseLicenceId(s) !== null;
}
