import {
  WorkCalendar,
  CalendarYearMissingError,
  chinaDate,
  addCalendarDays,
} from '../../workflows/calendar';
import { chineseCalendarDays, CALENDAR_YEARS } from '../../workflows/holidayData';

const cal = new WorkCalendar(chineseCalendarDays(), CALENDAR_YEARS);

/** Every date from..to inclusive. */
function range(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addCalendarDays(d, 1)) out.push(d);
  return out;
}

// State Council notices (国务院办公厅关于…部分节假日安排的通知): days off, make-up days worked.
describe.each([
  ['2015 Victory Day', ['2015-09-03', '2015-09-04', '2015-09-05'], ['2015-09-06']],
  ['2020 Spring Festival, extended to 02-02', range('2020-01-24', '2020-02-02'), ['2020-01-19', '2020-02-03']],
  ['2024 Spring Festival', range('2024-02-10', '2024-02-17'), ['2024-02-04', '2024-02-18']],
  ['2024 National Day', range('2024-10-01', '2024-10-07'), ['2024-09-29', '2024-10-12']],
  ['2025 Spring Festival', range('2025-01-28', '2025-02-04'), ['2025-01-26', '2025-02-08']],
  ['2025 National Day', range('2025-10-01', '2025-10-08'), ['2025-09-28', '2025-10-11']],
  ['2026 New Year', range('2026-01-01', '2026-01-03'), ['2026-01-04']],
  ['2026 Spring Festival', range('2026-02-15', '2026-02-23'), ['2026-02-14', '2026-02-28']],
  ['2026 National Day', range('2026-10-01', '2026-10-07'), ['2026-09-20', '2026-10-10']],
])('%s', (_name, off, worked) => {
  test('the holiday days are not working days', () => {
    expect(off.filter((d) => cal.isWorkingDay(d))).toEqual([]);
  });
  test('the make-up days are working days', () => {
    expect(worked.filter((d) => !cal.isWorkingDay(d))).toEqual([]);
  });
});

describe('isWorkingDay', () => {
  test('an ordinary weekday is a working day and an ordinary weekend is not', () => {
    expect([cal.isWorkingDay('2024-03-06'), cal.isWorkingDay('2024-03-09'), cal.isWorkingDay('2024-03-10')]).toEqual([
      true,
      false,
      false,
    ]);
  });
  test('2020-02-01, a make-up Saturday cancelled by the extension, is off', () => {
    expect(cal.isWorkingDay('2020-02-01')).toBe(false);
  });
  test('an uncovered year throws CalendarYearMissingError carrying the year', () => {
    let err: unknown;
    try {
      cal.isWorkingDay('2027-10-01');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CalendarYearMissingError);
    expect((err as CalendarYearMissingError).year).toBe(2027);
  });
  test('an impossible date is rejected', () => {
    expect(() => cal.isWorkingDay('2024-02-30')).toThrow(RangeError);
  });
});

describe('addWorkingDays', () => {
  test('skips the National Day week and counts the make-up Sunday', () => {
    // 09-29 Sun worked = 1, 09-30 = 2, 10-08 = 3, 10-09 = 4, 10-10 = 5
    expect(cal.addWorkingDays('2024-09-27', 5)).toBe('2024-10-10');
  });
  test('does not count the start day', () => {
    expect(cal.addWorkingDays('2024-03-04', 1)).toBe('2024-03-05');
  });
  test('from a day off, the first working day after it is day 1', () => {
    expect(cal.addWorkingDays('2024-10-05', 1)).toBe('2024-10-08');
  });
  test('n = 0 returns the start date, even on a holiday', () => {
    expect(cal.addWorkingDays('2024-10-03', 0)).toBe('2024-10-03');
  });
  test('20 working days across the 2025 Spring Festival', () => {
    // 01-21..24 (4), 01-26 Sun (5), 01-27 (6), 02-05..07 (9), 02-08 Sat (10), 02-10..14 (15), 02-17..21 (20)
    expect(cal.addWorkingDays('2025-01-20', 20)).toBe('2025-02-21');
  });
  test('crosses into the next year onto its make-up Sunday', () => {
    expect(cal.addWorkingDays('2025-12-31', 1)).toBe('2026-01-04');
  });
  test('a result in an uncovered year throws for that year', () => {
    expect(() => cal.addWorkingDays('2026-12-25', 10)).toThrow(
      expect.objectContaining({ name: 'CalendarYearMissingError', year: 2027 }),
    );
  });
  test('a negative or fractional count is rejected', () => {
    expect(() => cal.addWorkingDays('2024-03-04', -1)).toThrow(RangeError);
    expect(() => cal.addWorkingDays('2024-03-04', 1.5)).toThrow(RangeError);
  });
});

describe('workingDaysBetween', () => {
  test('counts from exclusive, to inclusive across National Day', () => {
    expect(cal.workingDaysBetween('2024-09-27', '2024-10-10')).toBe(5);
  });
  test('2026 has 248 working days (365 - 104 weekend days - 13 statutory holidays)', () => {
    expect(cal.workingDaysBetween('2025-12-31', '2026-12-31')).toBe(248);
  });
  test('is 0 when to is not after from', () => {
    expect([cal.workingDaysBetween('2024-10-10', '2024-10-10'), cal.workingDaysBetween('2024-10-10', '2024-09-27')]).toEqual([0, 0]);
  });
  test('inverts addWorkingDays for every start day of 2024 and several counts', () => {
    const mismatches: string[] = [];
    for (const from of range('2024-01-01', '2024-12-31')) {
      for (const n of [1, 5, 20, 30, 45]) {
        const due = cal.addWorkingDays(from, n);
        if (cal.workingDaysBetween(from, due) !== n || cal.workingDaysBetween(from, addCalendarDays(due, -1)) !== n - 1) {
          mismatches.push(`${from}+${n}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });
  test('a range reaching an uncovered year throws', () => {
    expect(() => cal.workingDaysBetween('2026-12-01', '2027-01-10')).toThrow(CalendarYearMissingError);
  });
});

describe('WorkCalendar with administrator data', () => {
  test('a year added with its own days is covered and uses them', () => {
    const c = new WorkCalendar([{ date: '2027-10-01', kind: 'holiday', name: '国庆节' }], [2027]);
    expect([c.covers(2027), c.isWorkingDay('2027-10-01'), c.isWorkingDay('2027-09-30')]).toEqual([true, false, true]);
  });
  test('days of a year not yet listed in years are ignored, not applied', () => {
    const c = new WorkCalendar([{ date: '2027-10-01', kind: 'holiday' }], [2026]);
    expect(() => c.isWorkingDay('2027-10-01')).toThrow(CalendarYearMissingError);
  });
  test('a gap year between covered years blocks counts that cross it', () => {
    const c = new WorkCalendar([], [2026, 2024]);
    expect(c.years()).toEqual([2024, 2026]);
    expect(() => c.addWorkingDays('2024-12-31', 1)).toThrow(expect.objectContaining({ year: 2025 }));
  });
  test('a date listed as both holiday and workday is rejected', () => {
    const days = [
      { date: '2026-02-14', kind: 'workday' as const },
      { date: '2026-02-14', kind: 'holiday' as const },
    ];
    expect(() => new WorkCalendar(days, [2026])).toThrow(RangeError);
  });
});

describe('chineseCalendarDays', () => {
  const days = chineseCalendarDays();
  test('CALENDAR_YEARS is 2013..2026', () => {
    expect([CALENDAR_YEARS[0], CALENDAR_YEARS[CALENDAR_YEARS.length - 1], CALENDAR_YEARS.length]).toEqual([2013, 2026, 14]);
  });
  test('holidays fall on weekdays and make-up days on weekends only', () => {
    const dow = (d: string) => new Date(`${d}T00:00:00Z`).getUTCDay();
    const wrong = days.filter((d) => (d.kind === 'holiday') !== (dow(d.date) >= 1 && dow(d.date) <= 5));
    expect(wrong).toEqual([]);
  });
  test('entries carry the Chinese festival name', () => {
    const byDate = new Map(days.map((d) => [d.date, d]));
    expect([byDate.get('2024-10-01'), byDate.get('2024-09-29')]).toEqual([
      { date: '2024-10-01', kind: 'holiday', name: '国庆节' },
      { date: '2024-09-29', kind: 'workday', name: '国庆节' },
    ]);
  });
  test('asking for a year the package lacks throws', () => {
    expect(() => chineseCalendarDays(2026, 2027)).toThrow(/2027/);
  });
});

describe('chinaDate and addCalendarDays', () => {
  test('16:30 UTC on 09-30 is already 10-01 in China', () => {
    expect(chinaDate(new Date('2024-09-30T16:30:00Z'))).toBe('2024-10-01');
  });
  test('15:59:59.999 UTC is still the same day in China', () => {
    expect(chinaDate(new Date('2024-09-30T15:59:59.999Z'))).toBe('2024-09-30');
  });
  test('addCalendarDays steps over a leap day and backwards over a year end', () => {
    expect([addCalendarDays('2024-02-28', 2), addCalendarDays('2025-01-01', -1)]).toEqual(['2024-03-01', '2024-12-31']);
  });
});
