import { dbTime } from '../../db/connection';
import { saveCalendarYear as saveYear } from '../../db/repositories/calendar';
import { rowToCase } from '../../db/repositories/cases';
import { chinaDate, type CalendarDay } from '../../workflows/calendar';
import { readClock } from '../../workflows/clock';
import { replaceTimers } from '../../db/repositories/timers';
import { clockOf } from './caseSnapshot';
import { timersFor } from './writeHelpers';
import type { AppContext } from '../context';
import { validationFailed } from '../errors';

export interface SaveCalendarYearProps {
  year: number;
  days: CalendarDay[];
  source: string;
}

function dayOfWeek(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/**
 * Adds (or replaces) a year of holidays and make-up working days published by
 * the State Council. Until a year is added, deadlines that reach into it are refused.
 */
export async function saveCalendarYear(ctx: AppContext, props: SaveCalendarYearProps): Promise<{ year: number; days: number; refreshedCases: number }> {
  const problems: { field: string; message: string }[] = [];
  const seen = new Set<string>();
  props.days.forEach((d, i) => {
    const field = `days.${i}.date`;
    const parsed = new Date(`${d.date}T00:00:00Z`);
    if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== d.date) problems.push({ field, message: 'not a real date' });
    else if (!d.date.startsWith(`${props.year}-`)) problems.push({ field, message: `not in ${props.year}` });
    else if (seen.has(d.date)) problems.push({ field, message: 'listed twice' });
    else if (d.kind === 'workday' && ![0, 6].includes(dayOfWeek(d.date))) problems.push({ field, message: 'a make-up working day must fall on a weekend' });
    seen.add(d.date);
  });
  if (problems.length) {
    throw validationFailed(`Invalid calendar: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`, { issues: problems });
  }
  await saveYear(ctx.db.knex, props.year, props.days, props.source, dbTime(ctx.now()));
  await ctx.reloadCalendar();
  const refreshed = await refreshDeadlines(ctx);
  return { year: props.year, days: props.days.length, refreshedCases: refreshed };
}

/**
 * Deadlines counted provisionally (or on old data) are recounted on the new
 * calendar, and the cases' timers moved with them. A case that changes at the
 * same moment is left to its own transition, which recounts it anyway.
 */
async function refreshDeadlines(ctx: AppContext): Promise<number> {
  const knex = ctx.db.knex;
  const rows = (await knex('cases').whereNotNull('deadline_on').select('*')).map(rowToCase);
  const today = chinaDate(ctx.now());
  const at = dbTime(ctx.now());
  let n = 0;
  for (const c of rows) {
    const r = readClock(clockOf(c), today, ctx.calendar, { yellowAt: ctx.config.YELLOW_AT });
    if (r.deadline === c.deadlineOn && r.yellowOn === c.yellowOn) continue;
    const moved = await knex.transaction(async (trx) => {
      const updated = await trx('cases').where({ id: c.id, version: c.version }).update({ deadline_on: r.deadline, yellow_on: r.yellowOn });
      if (Number(updated) !== 1) return false;
      const fresh = { ...c, deadlineOn: r.deadline, yellowOn: r.yellowOn };
      await replaceTimers(trx, c.id, c.version, timersFor(fresh, today, ctx.calendar), at);
      return true;
    });
    if (moved) n++;
  }
  return n;
}
