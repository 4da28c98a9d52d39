/**
 * Postal tracking numbers a licence can be posted under (邮政快递送达):
 *
 * - UPU S10 item identifiers, as EMS uses them (e.g. EA123456785CN): 2-letter service indicator, 8-digit
 *   serial, 1 check digit, 2-letter ISO country code. The check digit is what catches a mistyped number
 *   before it is stored and shown to the applicant as their tracking link.
 * - 13-digit domestic EMS numbers. No check rule for these is published, so only the shape is checked.
 *
 * Pure, no dependencies.
 */

const S10 = /^[A-Z]{2}(\d{8})(\d)[A-Z]{2}$/;
const DOMESTIC_EMS = /^\d{13}$/;
const S10_WEIGHTS = [8, 6, 4, 2, 3, 5, 9, 7] as const;

/** The S10 check digit of an 8-digit serial. */
export function s10CheckDigit(serial8: string): number {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(serial8[i]) * S10_WEIGHTS[i]!;
  const check = 11 - (sum % 11);
  // 11 - 0 = 11 → 5 and 11 - 1 = 10 → 0, as S10 prescribes.
  return check === 10 ? 0 : check === 11 ? 5 : check;
}

/** What a clerk typed or pasted, upper-cased and without spaces or dashes, ready for isValidWaybill. */
export function normaliseWaybill(s: string): string {
  return s.replace(/[\s-]+/g, '').toUpperCase();
}

/** An S10 number whose check digit checks, or a 13-digit domestic EMS number. Upper case only. */
export function isValidWaybill(s: string): boolean {
  if (DOMESTIC_EMS.test(s)) return true;
  const m = S10.exec(s);
  return m !== null && s10CheckDigit(m[1]!) === Number(m[2]);
}
