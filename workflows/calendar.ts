/**
 * Working-day calendar for statutory time limits (行政许可法 counts working
 * days). Pure: the day overrides come from the caller (seed data or the
 * administrator's table). Dates are 'YYYY-MM-DD' strings; all arithmetic is
 * on UTC day ordinals so the server's time zone never shifts a date.
 */

/** 'holiday': a day off (a weekday off, or any day of a statutory holiday);
 *  'workday': a make-up working day (调休) falling on a weekend. */
export type DayKind = 'holiday' | 'workday';

export interface CalendarDay {
  date: string; // YYYY-MM-DD
  kind: DayKind;
  name?: string; // e.g. '国庆节'
}

/** A year without published arrangements: weekday rules would silently be
 *  wrong (they call 10-01 a working day), so we refuse instead. */
export class CalendarYearMissingError extends Error {
  readonly year: number;
  constructor(year: number) {
    super(`No working-day calendar for ${year}: add the State Council's holiday arrangement for ${year}`);
    this.name = 'CalendarYearMissingError';
    this.year = year;
  }
}

const DAY_MS = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const CHINA_OFFSET_MS = 8 * 3_600_000; // UTC+8, no DST since 1991

/** Days since 1970-01-01 of a 'YYYY-MM-DD' date; rejects malformed or impossible dates. */
function toOrdinal(date: string): number {
  const m = DATE_RE.exec(date);
  if (m) {
    const ms = Date.UTC(+m[1], +m[2] - 1, +m[3]);
    // Date.UTC rolls 02-30 over to 03-01; a changed day-of-month reveals it.
    // Years below 100 are excluded because Date.UTC maps them to 19xx.
    if (new Date(ms).getUTCDate() === +m[3] && +m[2] >= 1 && +m[2] <= 12 && +m[1] >= 100) return ms / DAY_MS;
  }
  throw new RangeError(`Invalid date '${date}', expected YYYY-MM-DD`);
}

function fromOrdinal(ord: number): string {
  return new Date(ord * DAY_MS).toISOString().slice(0, 10);
}

function yearOf(ord: number): number {
  return new Date(ord * DAY_MS).getUTCFullYear();
}

function isWeekend(ord: number): boolean {
  const dow = (ord + 4) % 7; // 1970-01-01 was a Thursday (4); ordinals here are >= 0
  return dow === 0 || dow === 6;
}

export class WorkCalendar {
  private readonly coveredYears: number[];
  private readonly covered: Set<number>;
  private readonly gapFree: boolean;
  private readonly minOrd: number; // first day of the first covered year
  private readonly maxOrd: number; // last day of the last covered year
  /** cum[i] = number of working days with ordinal < minOrd + i. */
  private readonly cum: Int32Array;
  /** Working-day ordinals in order, and their strings (returned without reformatting). */
  private readonly workOrds: Int32Array;
  private readonly workDates: string[];

  private readonly provisionalSet: Set<number>;

  /**
   * Days outside `years` are ignored, so a year being entered can be stored before it is enabled.
   * `provisionalYears` are counted by weekday rules alone and reported by isProvisional(): a
   * deadline that reaches into a year the State Council has not yet published is then flagged,
   * not refused, until an administrator adds that year.
   */
  constructor(days: CalendarDay[], dataYears: number[], opts: { provisionalYears?: number[] } = {}) {
    this.provisionalSet = new Set((opts.provisionalYears ?? []).filter((y) => !dataYears.includes(y)));
    const years = [...dataYears, ...this.provisionalSet];
    for (const y of years) {
      if (!Number.isInteger(y) || y < 1970 || y > 9999) throw new RangeError(`Invalid calendar year ${y}`);
    }
    this.coveredYears = [...new Set(years)].sort((a, b) => a - b);
    this.covered = new Set(this.coveredYears);
    const n = this.coveredYears.length;
    const first = n ? this.coveredYears[0] : 1970;
    const last = n ? this.coveredYears[n - 1] : 1969; // empty calendar: an empty span
    this.gapFree = n === last - first + 1;
    this.minOrd = Date.UTC(first, 0, 1) / DAY_MS;
    this.maxOrd = Date.UTC(last + 1, 0, 1) / DAY_MS - 1;

    const span = this.maxOrd - this.minOrd + 1;
    const work = new Uint8Array(span);
    for (let i = 0; i < span; i++) work[i] = isWeekend(this.minOrd + i) ? 0 : 1;
    const seen = new Map<number, DayKind>();
    for (const d of days) {
      const ord = toOrdinal(d.date);
      if (!this.covered.has(yearOf(ord)) || this.provisionalSet.has(yearOf(ord))) continue;
      const prev = seen.get(ord);
      if (prev && prev !== d.kind) throw new RangeError(`Calendar day ${d.date} is both holiday and workday`);
      seen.set(ord, d.kind);
      work[ord - this.minOrd] = d.kind === 'workday' ? 1 : 0;
    }

    // Uncovered gap years stay in the arrays but every query touching them throws first.
    this.cum = new Int32Array(span + 1);
    const ords: number[] = [];
    for (let i = 0; i < span; i++) {
      this.cum[i + 1] = this.cum[i] + work[i];
      if (work[i]) ords.push(this.minOrd + i);
    }
    this.workOrds = Int32Array.from(ords);
    this.workDates = ords.map(fromOrdinal);
  }

  covers(year: number): boolean {
    return this.covered.has(year);
  }

  /** Years with published data (provisional years excluded). */
  years(): number[] {
    return this.coveredYears.filter((y) => !this.provisionalSet.has(y));
  }

  /** True when `date` lies in a year counted by weekday rules only, pending published data. */
  isProvisional(date: string): boolean {
    return this.provisionalSet.has(Number(date.slice(0, 4)));
  }

  isWorkingDay(date: string): boolean {
    const ord = toOrdinal(date);
    this.requireCovered(ord, ord);
    return this.cum[ord - this.minOrd + 1] !== this.cum[ord - this.minOrd];
  }

  /** The date on which n working days after `from` are complete; `from` itself is not counted (行政许可法: 期间开始之日不计算在内). n=0 returns from. */
  addWorkingDays(from: string, n: number): string {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`Working days must be a non-negative integer, got ${n}`);
    const ord = toOrdinal(from);
    if (n === 0) return from;
    const start = ord + 1; // the first day that may count
    if (start < this.minOrd || start > this.maxOrd) throw new CalendarYearMissingError(yearOf(start));
    const k = this.cum[start - this.minOrd] + n - 1; // index of the n-th working day >= start
    if (k >= this.workOrds.length) {
      this.requireCovered(start, this.maxOrd);
      throw new CalendarYearMissingError(yearOf(this.maxOrd) + 1);
    }
    this.requireCovered(start, this.workOrds[k]);
    return this.workDates[k];
  }

  /** Number of working days d with from < d <= to (0 if to <= from). */
  workingDaysBetween(from: string, to: string): number {
    const a = toOrdinal(from);
    const b = toOrdinal(to);
    if (b <= a) return 0;
    this.requireCovered(a + 1, b);
    return this.cum[b - this.minOrd + 1] - this.cum[a + 1 - this.minOrd];
  }

  /** Throws for the first uncovered year among the days first..last. */
  private requireCovered(first: number, last: number): void {
    if (first >= this.minOrd && last <= this.maxOrd && this.gapFree) return;
    for (let y = yearOf(first), end = yearOf(last); y <= end; y++) {
      if (!this.covered.has(y)) throw new CalendarYearMissingError(y);
    }
  }
}

/** Calendar date in China (UTC+8, no DST) of an instant, 'YYYY-MM-DD'. */
export function chinaDate(instant: Date): string {
  return new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

export function addCalendarDays(date: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`Days must be an integer, got ${n}`);
  return fromOrdinal(toOrdinal(date) + n);
}
