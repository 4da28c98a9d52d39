import { dbTime } from '../../db/connection';
import { saveCalendarYear as saveYear } from '../../db/repositories/calendar';
import { caseToRow, rowToCase } from '../../db/repositories/cases';
import { chinaDate, type CalendarDay } from '../../workflows/calendar';
import { readClock } from '../../workflows/clock';
import { clockOf, promiseClockOf, promiseColumns } from './caseSnapshot';
import { withTimers } from './writeHelpers';
import type { AppContext } from '../context';
import { validationFailed } from '../errors';
import { isRealIsoDate } from '../../workflows/isoDate';

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
  // `line` is the day's 1-based place in the list: the row of the form, the line of a pasted list.
  const problems: { field: string; line: number; message: string }[] = [];
  const seen = new Set<string>();
  props.days.forEach((d, i) => {
    const at = { field: `days.${i}.date`, line: i + 1 };
    // Never rolled over: 2027-13-01 is refused, not read as 2028-01-01.
    if (!isRealIsoDate(d.date)) problems.push({ ...at, message: `line ${i + 1}: ${d.date} is not a real date` });
    else if (!d.date.startsWith(`${props.year}-`)) problems.push({ ...at, message: `line ${i + 1}: ${d.date} is not in ${props.year}` });
    else if (seen.has(d.date)) problems.push({ ...at, message: `line ${i + 1}: ${d.date} is listed twice` });
    else if (d.kind === 'workday' && ![0, 6].includes(dayOfWeek(d.date))) problems.push({ ...at, message: `line ${i + 1}: a make-up working day must fall on a weekend` });
    seen.add(d.date);
  });
  if (problems.length) {
    throw validationFailed(`Invalid calendar: ${problems.map((p) => p.message).join('; ')}`, { issues: problems });
  }
  await saveYear(ctx.db.knex, props.year, props.days, props.source, dbTime(ctx.now()));
  await ctx.reloadCalendar();
  const refreshed = await refreshDeadlines(ctx);
  return { year: props.year, days: props.days.length, refreshedCases: refreshed };
}

/**
 * Deadlines counted provisionally (or on old data) are recounted on the new
 * calendar: the step's deadline and the promised completion date
 * (承诺办结日期), and the cases' timers moved with them. A case that changes at
 * the same moment is left to its own transition, which recounts it anyway.
 */
async function refreshDeadlines(ctx: AppContext): Promise<number> {
  const knex = ctx.db.knex;
  const rows = (await knex('cases').where((w) => w.whereNotNull('deadline_on').orWhereIn('promise_phase', ['running', 'paused'])).select('*')).map(rowToCase);
  const today = chinaDate(ctx.now());
  const rules = { yellowAt: ctx.config.YELLOW_AT };
  let n = 0;
  for (const c of rows) {
    const r = readClock(clockOf(c), today, ctx.calendar, rules);
    const p = promiseColumns(promiseClockOf(c), today, ctx.calendar, rules);
    const same = r.deadline === c.deadlineOn && r.yellowOn === c.yellowOn && p.promiseDueOn === c.promiseDueOn && p.promiseYellowOn === c.promiseYellowOn && p.promiseLight === c.promiseLight;
    if (same) continue;
    const fresh = { ...c, deadlineOn: r.deadline, yellowOn: r.yellowOn, promiseDueOn: p.promiseDueOn ?? null, promiseYellowOn: p.promiseYellowOn ?? null, promiseLight: p.promiseLight ?? c.promiseLight };
    // The timers move with the dates, in the same version-checked UPDATE: a case that changed meanwhile is left to its own transition.
    const columns = caseToRow({ deadlineOn: fresh.deadlineOn, yellowOn: fresh.yellowOn, promiseDueOn: fresh.promiseDueOn, promiseYellowOn: fresh.promiseYellowOn, promiseLight: fresh.promiseLight, ...withTimers(fresh, today, ctx.calendar, ctx.config.ESCALATE_AFTER_RED_DAYS) });
    if (Number(await knex('cases').where({ id: c.id, version: c.version }).update(columns)) === 1) n++;
  }
  return n;
}
