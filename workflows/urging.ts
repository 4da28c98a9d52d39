import type { WorkCalendar } from './calendar';
import { LEVELS, levelRank, type Level } from './levels';

/**
 * The pure rules of urging (督办/催办) and escalation. "Overdue" means past
 * the promised completion date (承诺办结日期), as everywhere else.
 */

/** The promise as the case row holds it (H1's columns; null before acceptance). */
export interface PromiseView {
  phase: string | null;
  dueOn: string | null;
  light: string | null;
}

/** Past the promised date: running past it, or paused while already red. */
export function isOverdue(p: PromiseView, today: string): boolean {
  if (p.phase === 'running') return p.dueOn !== null && p.dueOn < today;
  return p.phase === 'paused' && p.light === 'red';
}

/**
 * The working day an applicant's urge counts for: today, or on a day off the
 * next working day (an urge on Saturday uses up Monday's).
 */
export function urgeDayOf(today: string, cal: WorkCalendar): string {
  return cal.isWorkingDay(today) ? today : cal.addWorkingDays(today, 1);
}

/** The first day an applicant may urge again after urging for `day`. */
export function nextUrgeDay(day: string, cal: WorkCalendar): string {
  return cal.addWorkingDays(day, 1);
}

/**
 * The day a case still running past its promise is raised to the level above:
 * the morning it has been overdue `redDays` working days (the overdue count
 * is the working days after the promised date, as "已超期 N 个工作日" reads).
 */
export function escalationDay(dueOn: string, redDays: number, cal: WorkCalendar): string {
  return cal.addWorkingDays(dueOn, redDays);
}

/** The level whose supervisor hears of a case stuck at `level`; the province answers for itself. */
export function levelAbove(level: Level): Level {
  const rank = levelRank(level);
  return LEVELS[Math.max(0, rank - 1)]!;
}

/** Where an opinion came from, seen from a desk at `viewer`: the same level, below it or above it. */
export type OpinionSource = 'same' | 'lower' | 'upper';

export function opinionSource(from: Level, viewer: Level): OpinionSource {
  const d = levelRank(from) - levelRank(viewer);
  return d === 0 ? 'same' : d > 0 ? 'lower' : 'upper';
}
