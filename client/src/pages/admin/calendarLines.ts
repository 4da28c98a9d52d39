import { isRealIsoDate } from '../../../../workflows/isoDate';

export type DayKind = 'holiday' | 'workday';

export interface DayLine {
  date: string;
  kind: DayKind;
  name?: string;
}

const KINDS: Record<string, DayKind> = { holiday: 'holiday', h: 'holiday', 休: 'holiday', 假: 'holiday', workday: 'workday', w: 'workday', 班: 'workday' };

/**
 * Reads pasted lines `2027-01-01,holiday,元旦` (commas, Chinese commas or tabs,
 * as copied from a spreadsheet). Blank lines are skipped; unreadable ones, and
 * impossible dates such as 2027-13-01 or 2027-02-30 (which a date library would
 * roll over into another day), are returned by their 1-based number so the
 * administrator can fix them.
 */
export function parseDayLines(text: string): { days: DayLine[]; bad: number[] } {
  const days: DayLine[] = [];
  const bad: number[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const [date = '', kind = '', ...rest] = line.split(/[,，\t]/).map((s) => s.trim());
    const k = KINDS[kind.toLowerCase()];
    const normalised = date.replace(/\//g, '-');
    if (!isRealIsoDate(normalised) || !k) {
      bad.push(i + 1);
      return;
    }
    const name = rest.join(',').trim();
    days.push({ date: normalised, kind: k, ...(name ? { name } : {}) });
  });
  return { days, bad };
}
