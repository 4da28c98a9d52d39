import { initialTransition, transition, type SnapshotFrom } from 'xstate';
import { WorkCalendar } from '../../workflows/calendar';
import { chineseCalendarDays, CALENDAR_YEARS } from '../../workflows/holidayData';
import { applyClockChange, type ClockChange, type ClockState } from '../../workflows/clock';
import { buildCaseMachine, type CaseMachine, type CaseState } from '../../workflows/caseMachine';
import type { CaseEvent, EventActor } from '../../workflows/caseEvents';
import { promiseChangeFor, promisePhaseOf, readPromise } from '../../workflows/promiseClock';
import { LINKED_ROUTE } from '../helpers/routes';

const cal = new WorkCalendar(chineseCalendarDays(), [...CALENDAR_YEARS]);
const rules = { yellowAt: 0.8 };
const ITEM = { promisedDays: 12 };
const machine = buildCaseMachine(LINKED_ROUTE);
const a = (role: EventActor['role'], level: EventActor['level'] = null, department: string | null = null): EventActor => ({ role, level, department });
const city = a('reviewer', 'city', 'market');
const E = {
  submit: { type: 'SUBMIT', actor: a('applicant') },
  accept: { type: 'ACCEPT', actor: a('clerk', 'village') },
  request: { type: 'REQUEST_MATERIALS', actor: a('clerk', 'village'), missing: ['场地证明'] },
  refuse: { type: 'REFUSE', actor: a('clerk', 'village'), reasons: '不属于受理范围', rightsNotice: '可申请行政复议或提起行政诉讼' },
  townForward: { type: 'FORWARD', actor: a('clerk', 'town'), opinion: '初审同意' },
  countyForward: { type: 'FORWARD', actor: a('reviewer', 'county', 'market'), opinion: '审查同意' },
  cityReturn: { type: 'RETURN', actor: city, reason: '请核实' },
  citySpecial: { type: 'START_SPECIAL', actor: city, procedure: 'expert_review', reason: '专家评审' },
  cityEnd: { type: 'END_SPECIAL', actor: city },
  extend: { type: 'EXTEND', actor: city, reason: '情况复杂' },
  approve: { type: 'APPROVE', actor: city, opinion: '准予许可' },
  issue: { type: 'ISSUE', actor: city, licenceNo: 'L-1' },
  post: { type: 'DELIVER', actor: a('clerk', 'village'), mode: 'post', trackingNo: 'EA123456785CN' },
  withdraw: { type: 'WITHDRAW', actor: a('applicant') },
} satisfies Record<string, CaseEvent>;
type Name = keyof typeof E;
const side = (s: SnapshotFrom<CaseMachine>) => ({ state: s.value as CaseState, context: s.context });

/** Runs the events; returns the promise change of the last one. */
function changeOfLast(names: Name[]): ClockChange {
  let [snap] = initialTransition(machine);
  let started = false;
  let change: ClockChange = { kind: 'none' };
  for (const name of names) {
    const [next] = transition(machine, snap, E[name]);
    if (next === snap) throw new Error(`${name} refused in ${String(snap.value)}`);
    change = promiseChangeFor(side(snap), side(next), E[name], ITEM, started);
    if (change.kind === 'start') started = true;
    snap = next;
  }
  return change;
}

const TO_DECISION: Name[] = ['submit', 'accept', 'townForward', 'countyForward'];

describe('promiseChangeFor', () => {
  test('filing does not start the promise', () => expect(changeOfLast(['submit'])).toEqual({ kind: 'none' }));
  test('asking for materials before acceptance leaves it pending', () => expect(changeOfLast(['submit', 'request'])).toEqual({ kind: 'none' }));
  test('ACCEPT starts the promised days of the item', () => expect(changeOfLast(['submit', 'accept'])).toEqual({ kind: 'start', phase: 'promise', limitDays: 12 }));
  test('forwarding and returning do not move the promise', () => {
    expect([changeOfLast(['submit', 'accept', 'townForward']), changeOfLast([...TO_DECISION, 'cityReturn'])]).toEqual([{ kind: 'none' }, { kind: 'none' }]);
  });
  test('a special procedure pauses it', () => expect(changeOfLast([...TO_DECISION, 'citySpecial'])).toEqual({ kind: 'pause', pause: 'special' }));
  test('ending the special procedure resumes it', () => expect(changeOfLast([...TO_DECISION, 'citySpecial', 'cityEnd'])).toEqual({ kind: 'resume' }));
  test('EXTEND adds 10', () => expect(changeOfLast([...TO_DECISION, 'extend'])).toEqual({ kind: 'extend', days: 10 }));
  test('delivery finishes it', () => expect(changeOfLast([...TO_DECISION, 'approve', 'issue', 'post'])).toEqual({ kind: 'stop' }));
  test('a withdrawal after acceptance finishes it', () => expect(changeOfLast(['submit', 'accept', 'withdraw'])).toEqual({ kind: 'stop' }));
  test('a refusal at acceptance never starts it', () => expect(changeOfLast(['submit', 'refuse'])).toEqual({ kind: 'none' }));
});

const start = (on: string, days = 12): ClockState => ({ phase: 'promise', startedOn: on, limitDays: days, pausedDays: 0, pausedSince: null, pauseKind: null, light: 'green' });
const apply = (c: ClockState, ch: ClockChange, today: string) => applyClockChange(c, ch, today, cal, rules);
const read = (c: ClockState | null, today: string) => readPromise(c, today, cal, rules);

describe('readPromise', () => {
  test('a promise not started is pending, with no date', () => {
    expect(read(null, '2024-10-08')).toMatchObject({ status: 'pending', dueOn: null, overdueDays: 0 });
  });
  test('the promised date counts working days over the National Day holiday', () => {
    // From Fri 09-27: 09-29 (make-up), 09-30, 10-08 .. 10-12 (make-up), 10-14 .. : the 12th working day is 10-18.
    expect(read(start('2024-09-27'), '2024-09-27')).toMatchObject({ status: 'running', dueOn: '2024-10-18', leftDays: 12, light: 'green' });
  });
  test('past the date it is red, with the working days overdue', () => {
    expect(read(start('2024-09-27'), '2024-10-23')).toMatchObject({ dueOn: '2024-10-18', overdueDays: 3, leftDays: -3, light: 'red' });
  });
  test('while paused the date shown is the date if resumed today, and it never moves backwards', () => {
    const paused = apply(start('2024-09-27'), { kind: 'pause', pause: 'special' }, '2024-10-09');
    const seen = ['2024-10-09', '2024-10-10', '2024-10-14', '2024-10-21'].map((d) => read(paused, d).dueOn!);
    expect(read(paused, '2024-10-10')).toMatchObject({ status: 'paused', pauseKind: 'special' });
    expect(seen).toEqual([...seen].sort());
    expect(seen[0]).toBe('2024-10-18');
    expect(seen[1]).toBe('2024-10-21');
  });
  test('resuming keeps the date the pause showed', () => {
    const paused = apply(start('2024-09-27'), { kind: 'pause', pause: 'special' }, '2024-10-09');
    const shown = read(paused, '2024-10-14').dueOn;
    expect(read(apply(paused, { kind: 'resume' }, '2024-10-14'), '2024-10-14').dueOn).toBe(shown);
  });
  test('the extension moves the date by 10 working days', () => {
    const c = apply(start('2024-09-27'), { kind: 'extend', days: 10 }, '2024-10-09');
    expect(read(c, '2024-10-09')).toMatchObject({ limitDays: 22, dueOn: '2024-11-01' });
  });
  test('finished: status finished, the date kept, no days left shown', () => {
    const c = apply(start('2024-09-27'), { kind: 'stop' }, '2024-10-10');
    expect(promisePhaseOf(c)).toBe('finished');
    expect(read(c, '2024-12-01')).toMatchObject({ status: 'finished', dueOn: '2024-10-18', leftDays: null, overdueDays: 0 });
  });
});
