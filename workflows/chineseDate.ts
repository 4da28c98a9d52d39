/**
 * A date written in Chinese numerals, as the date under a seal on a licence or decision is written:
 * 二〇二六年十二月三日. Pure, no dependencies.
 */
import { isRealIsoDate } from './isoDate';

const DIGITS = '〇一二三四五六七八九';

/** 1-31 as read aloud: 十, 十一, 二十, 二十一, 三十一. */
function smallNumber(n: number): string {
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
}

/** `2026-12-03` → `二〇二六年十二月三日`; throws on anything but a real YYYY-MM-DD date. */
export function chineseDate(isoDate: string): string {
  if (!isRealIsoDate(isoDate)) throw new RangeError(`chineseDate: not a YYYY-MM-DD date: ${JSON.stringify(isoDate)}`);
  const [y, m, d] = isoDate.split('-') as [string, string, string];
  // The year digit by digit, with 〇 for zero (not 零).
  const year = [...y].map((c) => DIGITS[Number(c)]).join('');
  return `${year}年${smallNumber(Number(m))}月${smallNumber(Number(d))}日`;
}
