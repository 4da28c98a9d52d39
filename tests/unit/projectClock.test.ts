import { WorkCalendar } from '../../workflows/calendar';
import { computeProjectClock, lightOf, longestDeskOf, timelineOf, unionSpans, workingMs, type ProjectInterval } from '../../workflows/projectClock';
import type { IntervalKind } from '../../workflows/projectStages';
import { caseIntervals } from '../../db/repositories/projects/projectIntervals';

/*
 * A 2027 calendar counted by hand: weekdays work, weekends rest, and one
 * holiday, Wed 2027-03-03. Mon 2027-03-01 … Fri 03-05, Sat 03-06, Sun 03-07.
 * Times are China midnight (UTC+8) unless said: `cn('2027-03-01')` is 00:00 in China.
 */
const cal = new WorkCalendar([{ date: '2027-03-03', kind: 'holiday', name: 'test' }], [2027]);
const limits = { wholeDays: 100, approvalWorkingDays: 30 };
const cn = (date: string, hour = 0) => new Date(Date.parse(`${date}T00:00:00Z`) - 8 * 3_600_000 + hour * 3_600_000).toISOString();
const DAY = 86_400_000;

function iv(kind: IntervalKind, from: string, to: string | null, ref = 'x', desk?: { jurisdictionCode: string; department: string | null }): ProjectInterval {
  return { kind, from, to, source: { type: 'case', ref, label: ref, desk } };
}
const clock = (intervals: ProjectInterval[], now = cn('2027-06-01')) => computeProjectClock(intervals, limits, new Date(now), cal);

describe('the project clock', () => {
  it('counts a government approval interval in whole calendar days', () => {
    expect(clock([iv('government_approval', cn('2027-03-01'), cn('2027-03-11'))]).whole.counted).toBe(10);
  });

  it('counts parallel cases that overlap once', () => {
    const c = clock([iv('government_approval', cn('2027-03-01'), cn('2027-03-11'), 'a'), iv('government_approval', cn('2027-03-05'), cn('2027-03-15'), 'b')]);
    expect(c.whole.counted).toBe(14);
  });

  it('does not count the owner\'s own preparation', () => {
    expect(clock([iv('owner_preparation', cn('2027-03-01'), cn('2027-03-21'))]).whole.counted).toBe(0);
  });

  it('does not count an intermediary the owner hired, but counts one the government commissioned', () => {
    expect(clock([iv('owner_intermediary', cn('2027-03-01'), cn('2027-03-21'))]).whole.counted).toBe(0);
    expect(clock([iv('government_intermediary', cn('2027-03-01'), cn('2027-03-21'))]).whole.counted).toBe(20);
  });

  it('counts utility connection on the whole clock but not on the approval clock', () => {
    const c = clock([iv('utility', cn('2027-03-01'), cn('2027-03-08'))]);
    expect(c.whole.counted).toBe(7);
    expect(c.approval.counted).toBe(0);
  });

  it('lets counted time win where an owner wait overlaps a desk\'s work', () => {
    const c = clock([iv('government_approval', cn('2027-03-01'), cn('2027-03-11')), iv('owner_preparation', cn('2027-03-05'), cn('2027-03-21'))]);
    expect(c.whole.counted).toBe(10);
  });

  it('counts approval in working days: Mon 03-01 to Mon 03-08 skips the holiday and the weekend', () => {
    // Working dates wholly inside: 03-01, 03-02, 03-04, 03-05 (03-03 holiday, 03-06/07 weekend) = 4.
    expect(clock([iv('government_approval', cn('2027-03-01'), cn('2027-03-08'))]).approval.counted).toBe(4);
  });

  it('counts part days on working days together: two half days make one', () => {
    expect(workingMs([[Date.parse(cn('2027-03-01', 12)), Date.parse(cn('2027-03-02', 12))]], cal)).toBe(DAY);
    const c = clock([iv('government_approval', cn('2027-03-01', 12), cn('2027-03-02', 12))]);
    expect(c.approval.counted).toBe(1);
  });

  it('counts a year the calendar does not hold by weekdays alone', () => {
    // Mon 2029-01-01 → Mon 2029-01-08: five weekdays; the 2027-only calendar knows nothing of 2029's holidays.
    expect(workingMs([[Date.parse(cn('2029-01-01')), Date.parse(cn('2029-01-08'))]], cal)).toBe(5 * DAY);
  });

  it('runs an open interval to now', () => {
    expect(clock([iv('government_approval', cn('2027-03-01'), null)], cn('2027-03-04', 6)).whole.counted).toBe(3);
  });

  it('stops the count when a counted interval ends and an owner wait starts', () => {
    const intervals = [iv('government_approval', cn('2027-03-01'), cn('2027-03-03')), iv('owner_intermediary', cn('2027-03-03'), null)];
    expect(clock(intervals, cn('2027-03-10')).whole.counted).toBe(2);
    expect(clock(intervals, cn('2027-04-10')).whole.counted).toBe(2);
  });

  it('never counts time after now', () => {
    expect(clock([iv('government_approval', cn('2027-03-01'), cn('2027-03-30'))], cn('2027-03-05')).whole.counted).toBe(4);
  });

  it('lights green below 90 %, yellow from 90 %, red past the limit', () => {
    expect(lightOf(89, 100)).toBe('green');
    expect(lightOf(90, 100)).toBe('yellow');
    expect(lightOf(100, 100)).toBe('yellow');
    expect(lightOf(101, 100)).toBe('red');
  });

  it('gives each gauge its limit and percent', () => {
    const c = clock([iv('government_approval', cn('2027-03-01'), cn('2027-03-11'))]);
    expect(c.whole).toEqual({ counted: 10, limit: 100, light: 'green', percent: 10 });
    expect(c.approval.limit).toBe(30);
  });

  it('merges overlapping spans and keeps gaps apart', () => {
    expect(unionSpans([[5, 8], [1, 3], [2, 4]])).toEqual([[1, 4], [5, 8]]);
  });

  it('draws the timeline as merged segments, counted ones marked, with the gap between them not counted', () => {
    const t = timelineOf([
      iv('government_approval', cn('2027-03-01'), cn('2027-03-05'), 'a'),
      iv('government_approval', cn('2027-03-02'), cn('2027-03-06'), 'b'),
      iv('owner_preparation', cn('2027-03-08'), cn('2027-03-10')),
    ], Date.parse(cn('2027-06-01')));
    expect(t).toEqual([
      { from: cn('2027-03-01'), to: cn('2027-03-06'), counted: true, kind: 'government_approval' },
      { from: cn('2027-03-06'), to: cn('2027-03-08'), counted: false, kind: null },
      { from: cn('2027-03-08'), to: cn('2027-03-10'), counted: false, kind: 'owner_preparation' },
    ]);
  });

  it('names a stretch covered by a counted and a not-counted interval by the counted kind', () => {
    const t = timelineOf([iv('owner_preparation', cn('2027-03-01'), cn('2027-03-05')), iv('utility', cn('2027-03-02'), cn('2027-03-03'))], Date.parse(cn('2027-06-01')));
    expect(t.map((s) => [s.kind, s.counted])).toEqual([['owner_preparation', false], ['utility', true], ['owner_preparation', false]]);
  });

  it('finds the desk that held the project longest, counting its parallel cases once', () => {
    const town = { jurisdictionCode: '330302001000', department: null };
    const county = { jurisdictionCode: '330302000000', department: 'fgj' };
    const hold = longestDeskOf([
      iv('government_approval', cn('2027-03-01'), cn('2027-03-06'), 'a', town),
      iv('government_approval', cn('2027-03-01'), cn('2027-03-06'), 'b', town),
      iv('government_approval', cn('2027-03-06'), cn('2027-03-13'), 'a', county),
    ], Date.parse(cn('2027-06-01')));
    expect(hold).toMatchObject({ desk: county, days: 7 });
  });

  it('has no longest desk when no desk held the project', () => {
    expect(clock([iv('owner_preparation', cn('2027-03-01'), cn('2027-03-05'))]).longestDesk).toBeNull();
  });
});

describe('a case\'s intervals from its events', () => {
  const c = { id: 1, projectId: 1, caseNo: 'C1', itemName: '施工许可', level: 'county', jurisdiction: '330302000000', department: 'zjj', route: [{ level: 'county', department: 'zjj' }] };
  const ev = (type: string, ts: string, at: string, procedure: string | null = null) => ({ caseId: 1, type, fs: null, ts, lv: 'county', jc: '330302000000', at, procedure });
  const events = [ev('SUBMIT', 'acceptanceReview', '2027-03-01 02:00:00.000'), ev('START_SPECIAL', 'special', '2027-03-02 02:00:00.000', 'intermediary'), ev('END_SPECIAL', 'decision', '2027-03-05 02:00:00.000'), ev('APPROVE', 'delivered', '2027-03-06 02:00:00.000')];

  it('counts an intermediary pause as government-commissioned when a linked order is government-paid', () => {
    expect(caseIntervals(c, events, true).map((i) => i.kind)).toEqual(['government_approval', 'government_intermediary', 'government_approval']);
  });

  it('counts it as the owner\'s intermediary otherwise, and ends the case\'s time at delivery', () => {
    const out = caseIntervals(c, events, false);
    expect(out.map((i) => i.kind)).toEqual(['government_approval', 'owner_intermediary', 'government_approval']);
    expect(out[2]).toMatchObject({ to: '2027-03-06T02:00:00.000Z', source: { desk: { jurisdictionCode: '330302000000', department: 'zjj' } } });
  });
});
