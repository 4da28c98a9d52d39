import { dbTime } from '../../db/connection';
import { saveCalendarYear as saveYear } from '../../db/repositories/calendar';
import type { CalendarDay } from '../../workflows/calendar';
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
export async function saveCalendarYear(ctx: AppContext, props: SaveCalendarYearProps): Promise<{ year: number; days: number }> {
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
  return { year: props.year, days: props.days.length };
}
