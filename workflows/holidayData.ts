/**
 * Seed data for the working-day calendar, from the npm package chinese-days
 * (State Council holiday arrangements 2004–2026). Administrators extend it
 * for later years in the database.
 *
 * We read the package's published JSON (dist/chinese-days.json, documented in
 * its README) rather than its query functions: those build their tables with
 * local-time Date methods, so in a time zone west of UTC every date shifts by
 * one day (e.g. 2024-09-29, a make-up workday, comes back as a plain Sunday).
 */
import type { CalendarDay } from './calendar';
import rawData from 'chinese-days/dist/chinese-days.json';

/** Values look like "National Day,国庆节,3" (English, Chinese, statutory days). */
const data = rawData as unknown as { holidays: Record<string, string>; workdays: Record<string, string> };

export const CALENDAR_YEARS: number[] = Array.from({ length: 2026 - 2013 + 1 }, (_, i) => 2013 + i);

function chineseName(value: string): string | undefined {
  const zh = value.split(',')[1]?.trim();
  return zh || value.trim() || undefined;
}

function isWeekend(date: string): boolean {
  const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
  return dow === 0 || dow === 6;
}

function yearsInPackage(): Set<number> {
  const years = new Set<number>();
  for (const date of Object.keys(data.holidays)) years.add(Number(date.slice(0, 4)));
  return years;
}

/**
 * Weekdays off ('holiday', with the festival name) and weekend days worked
 * ('workday') for fromYear..toYear. Weekend days inside a holiday are left
 * out: the weekday rule already makes them days off.
 */
export function chineseCalendarDays(fromYear = 2013, toYear = 2026): CalendarDay[] {
  const known = yearsInPackage();
  for (let y = fromYear; y <= toYear; y++) {
    // Without this a missing year would silently come out as plain weekdays.
    if (!known.has(y)) throw new RangeError(`chinese-days has no holiday data for ${y}`);
  }
  const inRange = (date: string) => {
    const y = Number(date.slice(0, 4));
    return y >= fromYear && y <= toYear;
  };

  const days: CalendarDay[] = [];
  for (const [date, value] of Object.entries(data.holidays)) {
    // The package lets a workday entry win over a holiday entry; keep that rule.
    if (!inRange(date) || isWeekend(date) || data.workdays[date]) continue;
    days.push({ date, kind: 'holiday', name: chineseName(value) });
  }
  for (const [date, value] of Object.entries(data.workdays)) {
    if (!inRange(date) || !isWeekend(date)) continue;
    days.push({ date, kind: 'workday', name: chineseName(value) });
  }
  return days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
