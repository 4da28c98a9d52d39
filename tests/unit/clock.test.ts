import { initialTransition, transition, type SnapshotFrom } from 'xstate';
import { WorkCalendar, addCalendarDays } from '../../workflows/calendar';
import { chineseCalendarDays, CALENDAR_YEARS } from '../../workflows/holidayData';
import { applyClockChange, lightOn, readClock, startClock, yellowDays, type ClockChange, type ClockState } from '../../workflows/clock';
import { clockChangeFor } from '../../workflows/caseClock';
import { buildCaseMachine, type CaseMachine, type CaseState } from '../../workflows/caseMachine';
import type { CaseEvent, EventActor } from '../../workflows/caseEvents';
import type { Route } from '../../workflows/route';
import { LINKED_ROUTE } from '../helpers/routes';

const cal = new WorkCalendar(chineseCalendarDays(), [...CALENDAR_YEARS]);
const rules = { yellowAt: 0.8 };

const read = (clock: ClockState, today: string) => readClock(clock, today, cal, rules);
const apply = (clock: ClockState, change: ClockChange, today: string) => applyClockChange(clock, change, today, cal, rules);

/** Every date from..to inclusive. */
function range(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addCalendarDays(d, 1)) out.push(d);
  return out;
}

/*
 * 2024 National Day (State Council notice): 10-01 (Tue) .. 10-07 (Mon) off;
 * 09-29 (Sun) and 10-12 (Sat) worked. Counting the 20 working days of a
 * period that starts on Fri 2024-09-27 (the start day itself is not counted):
 *   1 09-29 Sun (make-up)   2 09-30 Mon
 *   3 10-08 Tue  4 10-09  5 10-10  6 10-11  7 10-12 Sat (make-up)
 *   8 10-14 Mon  9 10-15 10 10-16 11 10-17 12 10-18
 *  13 10-21 Mon 14 10-22 15 10-23 16 10-24 17 10-25
 *  18 10-28 Mon 19 10-29 20 10-30 Wed
 *  21 10-31 Thu 22 11-01 Fri 23 11-04 Mon 24 11-05 25 11-06 26 11-07 27 11-08
 *  28 11-11 Mon 29 11-12 30 11-13 Wed
 * (Counting 09-27 itself as day 1 would give 10-29; the law does not count
 * the day a period starts, and neither does WorkCalendar.)
 */
const WORKING_DAYS_AFTER_0927 = [
  '2024-09-29', '2024-09-30',
  '2024-10-08', '2024-10-09', '2024-10-10', '2024-10-11', '2024-10-12',
  '2024-10-14', '2024-10-15', '2024-10-16', '2024-10-17', '2024-10-18',
  '2024-10-21', '2024-10-22', '2024-10-23', '2024-10-24', '2024-10-25',
  '2024-10-28', '2024-10-29', '2024-10-30',
  '2024-10-31', '2024-11-01', '2024-11-04', '2024-11-05', '2024-11-06', '2024-11-07', '2024-11-08',
  '2024-11-11', '2024-11-12', '2024-11-13',
];
const nth = (n: number) => WORKING_DAYS_AFTER_0927[n - 1]!;

const START = '2024-09-27';
const decision20 = () => startClock('decision', 20, START);

describe('the hand count agrees with the calendar', () => {
  test('the working days after 2024-09-27 up to 11-13 are exactly the hand-listed ones', () => {
    expect(range('2024-09-28', '2024-11-13').filter((d) => cal.isWorkingDay(d))).toEqual(WORKING_DAYS_AFTER_0927);
  });
});

describe('a 20-working-day decision started 2024-09-27', () => {
  test('has its deadline on 2024-10-30, the 20th working day after the start', () => {
    expect([nth(20), read(decision20(), START).deadline]).toEqual(['2024-10-30', '2024-10-30']);
  });
  test('uses no day on the start day and on the Saturday after it, and one on the make-up Sunday', () => {
    const c = decision20();
    expect([read(c, '2024-09-27').usedDays, read(c, '2024-09-28').usedDays, read(c, '2024-09-29').usedDays]).toEqual([0, 0, 1]);
  });
  test('uses no day during the National Day week', () => {
    const c = decision20();
    expect(range('2024-10-01', '2024-10-07').map((d) => read(c, d).usedDays)).toEqual([2, 2, 2, 2, 2, 2, 2]);
  });
  test('turns yellow on 10-24, when 16 days (80 %) are used', () => {
    const c = decision20();
    expect([yellowDays(20, rules), read(c, START).yellowOn]).toEqual([16, '2024-10-24']);
    expect([read(c, '2024-10-23'), read(c, '2024-10-24')].map((r) => [r.usedDays, r.light])).toEqual([
      [15, 'green'],
      [16, 'yellow'],
    ]);
  });
  test('is still yellow on the deadline day with 0 days left', () => {
    const r = read(decision20(), '2024-10-30');
    expect([r.usedDays, r.leftDays, r.light]).toEqual([20, 0, 'yellow']);
  });
  test('turns red the day after the deadline', () => {
    const r = read(decision20(), '2024-10-31');
    expect([r.usedDays, r.leftDays, r.light]).toEqual([21, -1, 'red']);
  });
  test('lightOn compares the dates: red strictly after the deadline, yellow from yellowOn', () => {
    expect([
      lightOn('2024-10-23', '2024-10-30', '2024-10-24'),
      lightOn('2024-10-24', '2024-10-30', '2024-10-24'),
      lightOn('2024-10-30', '2024-10-30', '2024-10-24'),
      lightOn('2024-10-31', '2024-10-30', '2024-10-24'),
    ]).toEqual(['green', 'yellow', 'yellow', 'red']);
  });
});

describe('National Day moves the deadline', () => {
  test('by 3 working days: 5 weekdays off (10-01..04, 10-07) less 2 make-up days (09-29, 10-12)', () => {
    const weekdaysOnly = new WorkCalendar([], [2024]);
    // Weekday rule: 09-30, 10-01..04, 10-07..11, 10-14..18, 10-21..25 → 20th is 10-25.
    const plain = weekdaysOnly.addWorkingDays(START, 20);
    const real = read(decision20(), START).deadline!;
    expect([plain, real, cal.workingDaysBetween(plain, real)]).toEqual(['2024-10-25', '2024-10-30', 3]);
  });
});

describe('a materials pause', () => {
  // Paused on Wed 10-09 (4 days used: 09-29, 09-30, 10-08, 10-09), resumed on Tue 10-15.
  // Working days paused, (10-09, 10-15]: 10-10, 10-11, 10-12 (Sat, make-up), 10-14, 10-15 = 5.
  const paused = () => apply(decision20(), { kind: 'pause', pause: 'materials' }, '2024-10-09');
  const resumed = () => apply(paused(), { kind: 'resume' }, '2024-10-15');

  test('freezes usedDays, hides the deadline and keeps the light while paused', () => {
    const readings = ['2024-10-09', '2024-10-12', '2024-10-14', '2024-12-31'].map((d) => read(paused(), d));
    expect(readings.map((r) => [r.paused, r.pauseKind, r.usedDays, r.deadline, r.light])).toEqual([
      [true, 'materials', 4, null, 'green'],
      [true, 'materials', 4, null, 'green'],
      [true, 'materials', 4, null, 'green'],
      [true, 'materials', 4, null, 'green'],
    ]);
  });
  test('counts the paused working days on resume', () => {
    expect([resumed().pausedDays, resumed().pausedSince, resumed().pauseKind]).toEqual([5, null, null]);
  });
  test('pushes the deadline by exactly the 5 working days paused: 10-30 → 11-06', () => {
    expect([read(resumed(), '2024-10-15').deadline, nth(25)]).toEqual(['2024-11-06', '2024-11-06']);
  });
  test('resumes counting where it stopped: 4 used on the resume day, 5 the next working day', () => {
    expect([read(resumed(), '2024-10-15').usedDays, read(resumed(), '2024-10-16').usedDays]).toEqual([4, 5]);
  });
  test('moves the yellow day too: 16 used on 10-31', () => {
    const r = read(resumed(), '2024-10-31');
    expect([r.yellowOn, r.usedDays, r.light]).toEqual(['2024-10-31', 16, 'yellow']);
  });
  test('is red only after the pushed deadline', () => {
    expect([read(resumed(), '2024-11-06').light, read(resumed(), '2024-11-07').light]).toEqual(['yellow', 'red']);
  });
  test('a pause over the National Day week costs only the working days in it', () => {
    // Paused on 09-30, resumed on 10-08: only 10-08 is a working day in (09-30, 10-08].
    const c = apply(apply(decision20(), { kind: 'pause', pause: 'materials' }, '2024-09-30'), { kind: 'resume' }, '2024-10-08');
    expect([c.pausedDays, read(c, '2024-10-08').usedDays, read(c, '2024-10-08').deadline]).toEqual([1, 2, '2024-10-31']);
  });
  test('a yellow light stays yellow while paused, even long after the deadline', () => {
    // 10-25 is the 17th working day: yellow.
    const c = apply(decision20(), { kind: 'pause', pause: 'special' }, '2024-10-25');
    const r = read(c, '2024-12-20');
    expect([r.usedDays, r.light, r.pauseKind]).toEqual([17, 'yellow', 'special']);
  });
  test('a second pause while paused keeps the first pause day', () => {
    const c = apply(paused(), { kind: 'pause', pause: 'special' }, '2024-10-11');
    expect([c.pausedSince, c.pauseKind]).toEqual(['2024-10-09', 'special']);
  });
  test('resume on a running clock changes nothing', () => {
    const c = decision20();
    expect(apply(c, { kind: 'resume' }, '2024-10-15')).toBe(c);
  });
});

describe('an extension', () => {
  // Extended on 10-21 (13 used): limit 30, deadline the 30th working day 11-13, yellow at ceil(24) → 11-05.
  const extended = () => apply(decision20(), { kind: 'extend', days: 10 }, '2024-10-21');
  test('adds 10 days to the limit and moves the deadline to 11-13', () => {
    const r = read(extended(), '2024-10-21');
    expect([r.limitDays, r.usedDays, r.leftDays, r.deadline, nth(30)]).toEqual([30, 13, 17, '2024-11-13', '2024-11-13']);
  });
  test('moves the yellow day to 11-05 (24 of 30 used)', () => {
    expect([read(extended(), '2024-10-21').yellowOn, nth(24)]).toEqual(['2024-11-05', '2024-11-05']);
  });
  test('keeps the case green on the day after the original deadline', () => {
    expect(read(extended(), '2024-10-31').light).toBe('green');
  });
  test('turns red on 11-14', () => {
    expect([read(extended(), '2024-11-13').light, read(extended(), '2024-11-14').light]).toEqual(['yellow', 'red']);
  });
});

describe('stop', () => {
  test('freezes a red light', () => {
    const c = apply(decision20(), { kind: 'stop' }, '2024-11-01');
    const r = read(c, '2025-03-03');
    expect([r.phase, r.light, r.deadline, r.yellowOn, r.paused]).toEqual(['stopped', 'red', null, null, false]);
  });
  test('freezes a green light past the deadline', () => {
    const c = apply(decision20(), { kind: 'stop' }, '2024-10-10');
    expect([read(c, '2024-11-15').phase, read(c, '2024-11-15').light]).toEqual(['stopped', 'green']);
  });
  test('freezes the used days: stopped on 10-10 with 5 used, still 5 used at the end of the year', () => {
    const c = apply(decision20(), { kind: 'stop' }, '2024-10-10');
    expect([read(c, '2024-10-10'), read(c, '2024-12-31')].map((r) => [r.usedDays, r.leftDays])).toEqual([
      [5, 15],
      [5, 15],
    ]);
  });
  test('stopped during a pause: the pause ends, its days do not count, the frozen light stays', () => {
    // Paused on 10-25 with 17 used (yellow), withdrawn on 12-02.
    const p = apply(decision20(), { kind: 'pause', pause: 'special' }, '2024-10-25');
    const c = apply(p, { kind: 'stop' }, '2024-12-02');
    const r = read(c, '2025-01-06');
    expect([r.phase, r.paused, r.pauseKind, r.usedDays, r.light]).toEqual(['stopped', false, null, 17, 'yellow']);
  });
  test('a start after stop begins a fresh phase', () => {
    const c = apply(apply(decision20(), { kind: 'stop' }, '2024-10-10'), { kind: 'start', phase: 'delivery', limitDays: 10 }, '2024-10-10');
    expect(c).toEqual({ phase: 'delivery', startedOn: '2024-10-10', limitDays: 10, pausedDays: 0, pausedSince: null, pauseKind: null, light: 'green' });
  });
  test('none returns the same clock', () => {
    const c = decision20();
    expect(apply(c, { kind: 'none' }, '2024-10-10')).toBe(c);
  });
});

// ---- clockChangeFor: which change each transition makes ----

const ROUTE = LINKED_ROUTE;
const machine = buildCaseMachine(ROUTE);
/** Promised (承诺) days shorter than the statutory 20, so the two cannot be confused. */
const ITEM = { promisedDays: 12 };

const a = (role: EventActor['role'], level: EventActor['level'] = null, department: string | null = null): EventActor => ({ role, level, department });
const applicant = a('applicant');
const villageClerk = a('clerk', 'village');
const townClerk = a('clerk', 'town');
const county = a('reviewer', 'county', 'market');
const city = a('reviewer', 'city', 'market');

const E = {
  submit: { type: 'SUBMIT', actor: applicant },
  accept: { type: 'ACCEPT', actor: villageClerk },
  request: { type: 'REQUEST_MATERIALS', actor: villageClerk, missing: ['场地证明'] },
  supply: { type: 'SUPPLY_MATERIALS', actor: applicant, materials: ['场地证明'] },
  refuse: { type: 'REFUSE', actor: villageClerk, reasons: '不属于受理范围', rightsNotice: '可申请行政复议或提起行政诉讼' },
  townForward: { type: 'FORWARD', actor: townClerk, opinion: '初审同意' },
  countyForward: { type: 'FORWARD', actor: county, opinion: '审查同意' },
  countyReturn: { type: 'RETURN', actor: county, reason: '请核实' },
  cityReturn: { type: 'RETURN', actor: city, reason: '请核实' },
  countySpecial: { type: 'START_SPECIAL', actor: county, procedure: 'hearing', reason: '听证' },
  countyEnd: { type: 'END_SPECIAL', actor: county },
  citySpecial: { type: 'START_SPECIAL', actor: city, procedure: 'expert_review', reason: '专家评审' },
  cityEnd: { type: 'END_SPECIAL', actor: city },
  extend: { type: 'EXTEND', actor: city, reason: '情况复杂' },
  approve: { type: 'APPROVE', actor: city, opinion: '准予许可' },
  deny: { type: 'DENY', actor: city, reasons: '不符合条件', rightsNotice: '可申请行政复议或提起行政诉讼' },
  issue: { type: 'ISSUE', actor: city, licenceNo: 'L-1' },
  post: { type: 'DELIVER', actor: villageClerk, mode: 'post', trackingNo: 'EA123456785CN' },
  pickup: { type: 'DELIVER', actor: villageClerk, mode: 'pickup', signedBy: '张小明' },
  complete: { type: 'COMPLETE', actor: applicant },
  withdraw: { type: 'WITHDRAW', actor: applicant },
} satisfies Record<string, CaseEvent>;
type Name = keyof typeof E;

type Snap = SnapshotFrom<CaseMachine>;
const side = (s: Snap) => ({ state: s.value as CaseState, context: s.context });

/** Runs the named events; returns the clock change of the last one. */
function changeOfLast(names: Name[]): ClockChange {
  let [snap] = initialTransition(machine);
  let change: ClockChange = { kind: 'none' };
  for (const name of names) {
    const event: CaseEvent = E[name];
    if (!snap.can(event)) throw new Error(`${name} refused in ${String(snap.value)}`);
    const [next] = transition(machine, snap, event);
    change = clockChangeFor(side(snap), side(next), event, ITEM);
    snap = next;
  }
  return change;
}

const TO_DECISION: Name[] = ['submit', 'accept', 'townForward', 'countyForward'];
const TO_ISSUED: Name[] = [...TO_DECISION, 'approve', 'issue'];

describe('clockChangeFor', () => {
  test('SUBMIT starts the 5-day acceptance period', () => {
    expect(changeOfLast(['submit'])).toEqual({ kind: 'start', phase: 'acceptance', limitDays: 5 });
  });
  test('REQUEST_MATERIALS pauses for materials', () => {
    expect(changeOfLast(['submit', 'request'])).toEqual({ kind: 'pause', pause: 'materials' });
  });
  test('supplying the materials restarts the 5-day acceptance period', () => {
    expect(changeOfLast(['submit', 'request', 'supply'])).toEqual({ kind: 'start', phase: 'acceptance', limitDays: 5 });
  });
  test('ACCEPT starts the 20-day review of the town step', () => {
    expect(changeOfLast(['submit', 'accept'])).toEqual({ kind: 'start', phase: 'review', limitDays: 20 });
  });
  test('forwarding to the next review step starts a new 20-day review', () => {
    expect(changeOfLast(['submit', 'accept', 'townForward'])).toEqual({ kind: 'start', phase: 'review', limitDays: 20 });
  });
  test('a review step limit comes from the route', () => {
    const route: Route = ROUTE.map((s, i) => (i === 2 ? { ...s, limitDays: 15 } : s));
    const m = buildCaseMachine(route);
    let [snap] = initialTransition(m);
    for (const e of [E.submit, E.accept]) [snap] = transition(m, snap, e);
    const [next] = transition(m, snap, E.townForward);
    expect(clockChangeFor(side(snap), side(next), E.townForward, ITEM)).toEqual({ kind: 'start', phase: 'review', limitDays: 15 });
  });
  test('returning to the lower review step starts its review again', () => {
    expect(changeOfLast([...TO_DECISION.slice(0, 3), 'countyReturn'])).toEqual({ kind: 'start', phase: 'review', limitDays: 20 });
  });
  // Issue 9: the decision phase runs on the decide step's own limit (20 here), not the item's promised
  // days (12): the promise is a separate clock (tests/unit/promiseClock.test.ts).
  test('entering decision starts the decide step limit', () => {
    expect(changeOfLast(TO_DECISION)).toEqual({ kind: 'start', phase: 'decision', limitDays: 20 });
  });
  test('accepting straight into decision starts the decide step limit', () => {
    const m = buildCaseMachine([
      { kind: 'accept', level: 'county', department: 'market', limitDays: 5 },
      { kind: 'decide', level: 'county', department: 'market', limitDays: 20 },
      { kind: 'issue', level: 'county', department: 'market', limitDays: 10 },
      { kind: 'deliver', level: 'county', department: 'market', limitDays: 10 },
    ]);
    const [s0] = initialTransition(m);
    const [s1] = transition(m, s0, E.submit);
    // The county centre's clerk accepts (a centre step, whatever the level); the market reviewer decides.
    const ev: CaseEvent = { type: 'ACCEPT', actor: a('clerk', 'county') };
    const [s2] = transition(m, s1, ev);
    expect([s2.value, clockChangeFor(side(s1), side(s2), ev, ITEM)]).toEqual(['decision', { kind: 'start', phase: 'decision', limitDays: 20 }]);
  });
  test('EXTEND extends by 10', () => {
    expect(changeOfLast([...TO_DECISION, 'extend'])).toEqual({ kind: 'extend', days: 10 });
  });
  test('re-entering decision after an extension starts the decide step limit + 10', () => {
    expect(changeOfLast([...TO_DECISION, 'extend', 'cityReturn', 'countyForward'])).toEqual({
      kind: 'start',
      phase: 'decision',
      limitDays: 30,
    });
  });
  test('a special procedure in review pauses as special', () => {
    expect(changeOfLast([...TO_DECISION.slice(0, 3), 'countySpecial'])).toEqual({ kind: 'pause', pause: 'special' });
  });
  test('ending a special procedure in review resumes (does not restart) the review clock', () => {
    expect(changeOfLast([...TO_DECISION.slice(0, 3), 'countySpecial', 'countyEnd'])).toEqual({ kind: 'resume' });
  });
  test('ending a special procedure in decision resumes the decision clock', () => {
    expect(changeOfLast([...TO_DECISION, 'citySpecial', 'cityEnd'])).toEqual({ kind: 'resume' });
  });
  test('APPROVE starts the issue step limit', () => {
    expect(changeOfLast([...TO_DECISION, 'approve'])).toEqual({ kind: 'start', phase: 'delivery', limitDays: 10 });
  });
  // Issue 9: issue and deliver are steps with their own limits, and delivery finishes the clock.
  test('ISSUE starts the deliver step limit', () => {
    const route: Route = ROUTE.map((s) => (s.kind === 'deliver' ? { ...s, limitDays: 3 } : s));
    const m = buildCaseMachine(route);
    let [snap] = initialTransition(m);
    for (const e of [E.submit, E.accept, E.townForward, E.countyForward, E.approve]) [snap] = transition(m, snap, e);
    const [next] = transition(m, snap, E.issue);
    expect(clockChangeFor(side(snap), side(next), E.issue, ITEM)).toEqual({ kind: 'start', phase: 'delivery', limitDays: 3 });
  });
  test('a posted DELIVER stops the clock (delivered)', () => {
    expect(changeOfLast([...TO_ISSUED, 'post'])).toEqual({ kind: 'stop' });
  });
  test.each([
    ['REFUSE', ['submit', 'refuse']],
    ['REFUSE while awaiting materials', ['submit', 'request', 'refuse']],
    ['DENY', [...TO_DECISION, 'deny']],
    ['WITHDRAW in review', ['submit', 'accept', 'withdraw']],
    ['WITHDRAW during a special procedure', [...TO_DECISION, 'citySpecial', 'withdraw']],
    ['DELIVER pickup', [...TO_ISSUED, 'pickup']],
    ['COMPLETE', [...TO_ISSUED, 'post', 'complete']],
  ] as [string, Name[]][])('%s into a final state stops the clock', (_label, names) => {
    expect(changeOfLast(names)).toEqual({ kind: 'stop' });
  });
});
