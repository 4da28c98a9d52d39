import type { Knex } from 'knex';
import type { CalendarDay, DayKind } from '../../workflows/calendar';

export async function loadCalendar(db: Knex): Promise<{ days: CalendarDay[]; years: number[] }> {
  const [days, years] = await Promise.all([
    db('calendar_days').select('date', 'kind', 'name').orderBy('date'),
    db('calendar_years').select('year').orderBy('year'),
  ]);
  return {
    days: days.map((d: { date: string; kind: DayKind; name: string | null }) => ({
      date: d.date,
      kind: d.kind,
      ...(d.name ? { name: d.name } : {}),
    })),
    years: years.map((y: { year: number }) => Number(y.year)),
  };
}

/** Replaces one year's overrides and marks the year as covered, atomically. */
export async function saveCalendarYear(
  db: Knex,
  year: number,
  days: CalendarDay[],
  source: string,
  now: string,
): Promise<void> {
  await db.transaction(async (trx) => {
    await trx('calendar_days').where('date', 'like', `${year}-%`).delete();
    for (let i = 0; i < days.length; i += 200) {
      await trx('calendar_days').insert(
        days.slice(i, i + 200).map((d) => ({ date: d.date, kind: d.kind, name: d.name ?? null })),
      );
    }
    await trx('calendar_years').where({ year }).delete();
    await trx('calendar_years').insert({ year, source, created_at: now });
  });
}
