/**
 * Check characters of the two numbers a filing carries: the resident
 * identity card number (居民身份证号码, GB 11643-1999) and the unified social
 * credit code of a legal person or other organisation (统一社会信用代码,
 * GB 32100-2015). Pure, no dependencies: the web app's forms use the same rules.
 */

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const ID_CHECK = '10X98765432';

/** The check character (ISO 7064 MOD 11-2) of the first 17 digits of an ID number. */
export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11]!;
}

function isRealDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * An 18-character resident ID: a 6-digit address code, a birth date that
 * exists (YYYYMMDD, from 1900), a 3-digit order code and the check character.
 * A lower-case x is not accepted here: callers upper-case first.
 */
export function isValidIdNumber(id: string): boolean {
  if (!/^[1-9]\d{16}[\dX]$/.test(id)) return false;
  const y = Number(id.slice(6, 10));
  if (y < 1900 || y > 2099 || !isRealDate(y, Number(id.slice(10, 12)), Number(id.slice(12, 14)))) return false;
  return idNumberCheckChar(id.slice(0, 17)) === id[17];
}

/** The 31 characters of a credit code: digits and capitals without I, O, S, V, Z. */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** The check character (MOD 31) of the first 17 characters of a credit code; null when one is outside the set. */
export function usccCheckChar(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_CHARSET.indexOf(first17[i] ?? '');
    if (v < 0) return null;
    sum += v * USCC_WEIGHTS[i]!;
  }
  return USCC_CHARSET[(31 - (sum % 31)) % 31]!;
}

/** An 18-character unified social credit code whose last character checks (upper case only). */
export function isValidUscc(code: string): boolean {
  if (code.length !== 18) return false;
  const check = usccCheckChar(code.slice(0, 17));
  return check !== null && check === code[17];
}
