import { addCalendarDays, CalendarYearMissingError, chinaDate, type WorkCalendar } from './calendar';
import { COUNTED_KINDS, type IntervalKind, type ProjectClockLimits } from './projectStages';

/**
 * A project's two clocks (issue 13, SEED-SERVICES §5), pure:
 * - the whole-process clock in CALENDAR days: the union of counted intervals
 *   (government approval, government-commissioned intermediary, utility);
 *   parallel cases overlap and count once;
 * - the administrative approval clock in WORKING days: the union of
 *   `government_approval` intervals only, on the working-day calendar.
 * Where a counted and a not-counted interval overlap, COUNTED WINS: a desk (or a
 * government-paid service) working on the project runs the clock whatever the
 * owner does meanwhile, so an owner's declared wait never stops the government's
 * time. Days are whole elapsed days (the day a period starts is not counted, as
 * in 行政许可法): 36 h counted reads 1 day. Working time is the part of the
 * union falling on working days (China dates), in 24 h units.
 */
export interface IntervalDesk {
  jurisdictionCode: string;
  department: string | null;
}

export interface ProjectInterval {
  kind: IntervalKind;
  from: string; // ISO datetime
  to: string | null; // null: still running (runs to now)
  source: { type: 'case' | 'order' | 'wait'; ref: string; label: string; desk?: IntervalDesk };
}

export type Light = 'green' | 'yellow' | 'red';

export interface ClockGauge {
  counted: number;
  limit: number;
  light: Light;
  /** counted / limit in per cent, rounded down (may pass 100). */
  percent: number;
}

export interface TimelineSegment {
  from: string;
  to: string;
  counted: boolean;
  /** The kind that decides the segment (counted kinds first); null: nothing ran (between stages). */
  kind: IntervalKind | null;
}

export interface DeskHold {
  desk: IntervalDesk;
  days: number;
  ms: number;
}

export interface ProjectClock {
  whole: ClockGauge;
  approval: ClockGauge;
  timeline: TimelineSegment[];
  intervals: ProjectInterval[];
  longestDesk: DeskHold | null;
  asOf: string;
}

const DAY_MS = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3_600_000;
/** Which kind names a stretch covered by several (the counted ones first). */
const PRIORITY: IntervalKind[] = ['government_approval', 'government_intermediary', 'utility', 'owner_intermediary', 'owner_preparation'];

type Span = [number, number];

export function isCounted(kind: IntervalKind): boolean {
  return COUNTED_KINDS.includes(kind);
}

/** Start and end in ms; an open interval runs to `now`; an end before the start is empty. */
function spanOf(i: ProjectInterval, now: number): Span {
  const a = Date.parse(i.from);
  const b = i.to === null ? now : Date.parse(i.to);
  return [a, Math.max(a, Math.min(b, Math.max(a, now)))];
}

/** The union of spans, merged and sorted. */
export function unionSpans(spans: Span[]): Span[] {
  const sorted = spans.filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
  const out: Span[] = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

const totalMs = (spans: Span[]) => spans.reduce((s, [a, b]) => s + (b - a), 0);

/**
 * Whether a date is a working day; a year the calendar does not hold (a project
 * reaching far back) is counted by weekdays alone rather than refused.
 */
function working(cal: WorkCalendar, day: string): boolean {
  try {
    return cal.isWorkingDay(day);
  } catch (e) {
    if (!(e instanceof CalendarYearMissingError)) throw e;
    const dow = new Date(`${day}T00:00:00Z`).getUTCDay();
    return dow !== 0 && dow !== 6;
  }
}

/** The part of the spans that falls on working days (China dates), in ms. */
export function workingMs(spans: Span[], cal: WorkCalendar): number {
  let ms = 0;
  for (const [a, b] of spans) {
    let day = chinaDate(new Date(a));
    for (;;) {
      const dayStart = Date.parse(`${day}T00:00:00Z`) - CHINA_OFFSET_MS;
      if (dayStart >= b) break;
      const overlap = Math.min(b, dayStart + DAY_MS) - Math.max(a, dayStart);
      if (overlap > 0 && working(cal, day)) ms += overlap;
      day = addCalendarDays(day, 1);
    }
  }
  return ms;
}

/** Green; yellow at ≥ yellowAt of the limit; red past the limit. */
export function lightOf(counted: number, limit: number, yellowAt = 0.9): Light {
  if (counted > limit) return 'red';
  return counted >= limit * yellowAt ? 'yellow' : 'green';
}

function gauge(counted: number, limit: number, yellowAt: number): ClockGauge {
  return { counted, limit, light: lightOf(counted, limit, yellowAt), percent: limit > 0 ? Math.floor((counted / limit) * 100) : 0 };
}

/** The merged timeline from the first interval's start to the last end (or now): each stretch counted or not. */
export function timelineOf(intervals: ProjectInterval[], now: number): TimelineSegment[] {
  const spans = intervals.map((i) => ({ kind: i.kind, span: spanOf(i, now) })).filter((s) => s.span[1] > s.span[0]);
  const cuts = [...new Set(spans.flatMap((s) => s.span))].sort((x, y) => x - y);
  const out: TimelineSegment[] = [];
  for (let k = 0; k + 1 < cuts.length; k++) {
    const [a, b] = [cuts[k], cuts[k + 1]];
    const kinds = spans.filter((s) => s.span[0] <= a && s.span[1] >= b).map((s) => s.kind);
    const kind = PRIORITY.find((p) => kinds.includes(p)) ?? null;
    const counted = kind !== null && isCounted(kind);
    const last = out[out.length - 1];
    if (last && last.kind === kind && Date.parse(last.to) === a) last.to = new Date(b).toISOString();
    else out.push({ from: new Date(a).toISOString(), to: new Date(b).toISOString(), counted, kind });
  }
  return out;
}

/** The desk whose government-approval intervals (their union per desk) held the project longest. */
export function longestDeskOf(intervals: ProjectInterval[], now: number): DeskHold | null {
  const byDesk = new Map<string, { desk: IntervalDesk; spans: Span[] }>();
  for (const i of intervals) {
    const desk = i.source.desk;
    if (!desk || i.kind !== 'government_approval') continue;
    const key = `${desk.jurisdictionCode}|${desk.department ?? ''}`;
    const entry = byDesk.get(key) ?? { desk, spans: [] };
    entry.spans.push(spanOf(i, now));
    byDesk.set(key, entry);
  }
  let best: DeskHold | null = null;
  for (const { desk, spans } of byDesk.values()) {
    const ms = totalMs(unionSpans(spans));
    if (!best || ms > best.ms) best = { desk, ms, days: Math.floor(ms / DAY_MS) };
  }
  return best;
}

/** Both clocks, the timeline and the longest desk of a project, as of `now`. */
export function computeProjectClock(intervals: ProjectInterval[], limits: ProjectClockLimits, now: Date, cal: WorkCalendar, yellowAt = 0.9): ProjectClock {
  const t = now.getTime();
  const counted = unionSpans(intervals.filter((i) => isCounted(i.kind)).map((i) => spanOf(i, t)));
  const approval = unionSpans(intervals.filter((i) => i.kind === 'government_approval').map((i) => spanOf(i, t)));
  return {
    whole: gauge(Math.floor(totalMs(counted) / DAY_MS), limits.wholeDays, yellowAt),
    approval: gauge(Math.floor(workingMs(approval, cal) / DAY_MS), limits.approvalWorkingDays, yellowAt),
    timeline: timelineOf(intervals, t),
    intervals,
    longestDesk: longestDeskOf(intervals, t),
    asOf: now.toISOString(),
  };
}
