import { initialTransition, transition, type SnapshotFrom } from 'xstate';
import { WorkCalendar } from '../../workflows/calendar';
import { buildCaseMachine, type CaseMachine } from '../../workflows/caseMachine';
import type { CaseEvent, EventActor } from '../../workflows/caseEvents';
import { escalationTimer } from '../../workflows/deadlineTimers';
import { escalationDay, isOverdue, levelAbove, nextUrgeDay, opinionSource, urgeDayOf } from '../../workflows/urging';
import { LINKED_ROUTE } from '../helpers/routes';

const a = (role: EventActor['role'], level: EventActor['level'] = null, department: string | null = null): EventActor => ({ role, level, department });
const applicant = a('applicant');
const system = a('system');
const village = a('clerk', 'village');
const town = a('clerk', 'town');
const countyMarket = a('reviewer', 'county', 'market');
const cityMarket = a('reviewer', 'city', 'market');
const supervisor = a('supervisor', 'city');

const machine = buildCaseMachine(LINKED_ROUTE);
type Snap = SnapshotFrom<CaseMachine>;
function run(events: CaseEvent[]): Snap {
  let [snap] = initialTransition(machine);
  for (const e of events) {
    const [next] = transition(machine, snap, e);
    if (next === snap) throw new Error(`${e.type} refused in ${JSON.stringify(snap.value)}`);
    snap = next;
  }
  return snap;
}
const refused = (snap: Snap, e: CaseEvent) => transition(machine, snap, e)[0] === snap;

/** At the county market desk (review), after village accept and town forward. */
const atCounty: CaseEvent[] = [
  { type: 'SUBMIT', actor: applicant },
  { type: 'ACCEPT', actor: village },
  { type: 'FORWARD', actor: town, opinion: '同意' },
];
const returnedToTown = [...atCounty, { type: 'RETURN', actor: countyMarket, reason: '经营场所面积与平面图不符' } as CaseEvent];

describe('returns', () => {
  it('RETURN marks the case with the upper desk’s reason and where it came from', () => {
    const snap = run(returnedToTown);
    expect(snap.value).toBe('review');
    expect(snap.context.stepIndex).toBe(1);
    expect(snap.context.returned).toEqual({ reason: '经营场所面积与平面图不符', fromLevel: 'county', fromDepartment: 'market', fromStep: 2 });
  });

  it('FORWARD by the receiving desk clears the mark', () => {
    const snap = run([...returnedToTown, { type: 'FORWARD', actor: town, opinion: '已核实，面积无误' }]);
    expect(snap.context.stepIndex).toBe(2);
    expect(snap.context.returned).toBeNull();
  });

  it('a case never returned carries no mark', () => {
    expect(run(atCounty).context.returned).toBeNull();
  });
});

describe('amendments', () => {
  it('the desk at the step amends with a reason and a change; the case stays where it is', () => {
    const before = run(returnedToTown);
    const [after] = transition(machine, before, { type: 'AMEND', actor: town, reason: '补充平面图', addMaterials: ['经营场所平面图（修订）'] });
    expect(after).not.toBe(before);
    expect(after.value).toBe('review');
    expect(after.context.stepIndex).toBe(1);
    expect(after.context.amendments).toBe(1);
    expect(after.context.returned).not.toBeNull();
  });

  it('refuses an amendment without a reason, without any change, or from a desk not at the step', () => {
    const snap = run(returnedToTown);
    expect(refused(snap, { type: 'AMEND', actor: town, reason: ' ', changes: { phone: '13800000000' } })).toBe(true);
    expect(refused(snap, { type: 'AMEND', actor: town, reason: '更正', changes: {} })).toBe(true);
    expect(refused(snap, { type: 'AMEND', actor: town, reason: '更正', addMaterials: [' '] })).toBe(true);
    expect(refused(snap, { type: 'AMEND', actor: countyMarket, reason: '更正', changes: { phone: '13800000000' } })).toBe(true);
    expect(refused(snap, { type: 'AMEND', actor: applicant, reason: '更正', changes: { phone: '13800000000' } })).toBe(true);
  });

  it('is not taken at acceptance (the clerk accepting works the file there) nor once decided', () => {
    const accepting = run([{ type: 'SUBMIT', actor: applicant }]);
    expect(refused(accepting, { type: 'AMEND', actor: village, reason: '更正', changes: { phone: '13800000000' } })).toBe(true);
  });

  it('is taken at the decision step by the deciding desk', () => {
    const decision = run([...atCounty, { type: 'FORWARD', actor: countyMarket, opinion: '同意' }]);
    expect(decision.value).toBe('decision');
    expect(refused(decision, { type: 'AMEND', actor: cityMarket, reason: '更正电话', changes: { phone: '13800000000' } })).toBe(false);
  });
});

describe('urging', () => {
  it('a supervisor’s URGE pins the case (context.urge) without changing its state; the desk’s reply clears it', () => {
    const at = run(atCounty);
    const urged = run([...atCounty, { type: 'URGE', actor: supervisor, reason: '群众反映久拖未办', replyBy: '2024-10-18' }]);
    expect(urged.value).toBe(at.value);
    expect(urged.context.urge).toEqual({ reason: '群众反映久拖未办', replyBy: '2024-10-18', byLevel: 'city' });
    expect(refused(urged, { type: 'URGE_REPLY', actor: town, reply: '已办' })).toBe(true);
    expect(refused(urged, { type: 'URGE_REPLY', actor: countyMarket, reply: ' ' })).toBe(true);
    const replied = transition(machine, urged, { type: 'URGE_REPLY', actor: countyMarket, reply: '已于今日完成审查' })[0];
    expect(replied.context.urge).toBeNull();
  });

  it('only supervisors urge, with a reason and a date; no reply without an urge', () => {
    const at = run(atCounty);
    expect(refused(at, { type: 'URGE', actor: countyMarket, reason: '催', replyBy: '2024-10-18' })).toBe(true);
    expect(refused(at, { type: 'URGE', actor: supervisor, reason: '', replyBy: '2024-10-18' })).toBe(true);
    expect(refused(at, { type: 'URGE', actor: supervisor, reason: '催', replyBy: '18/10/2024' })).toBe(true);
    expect(refused(at, { type: 'URGE_REPLY', actor: countyMarket, reply: '已办' })).toBe(true);
  });

  it('the applicant’s 催办 records the working day; ESCALATE is the system’s, once per promised date', () => {
    const at = run(atCounty);
    const urged = transition(machine, at, { type: 'APPLICANT_URGE', actor: applicant, day: '2024-10-21' })[0];
    expect(urged.context.applicantUrgedOn).toBe('2024-10-21');
    expect(urged.context.applicantUrges).toBe(1);
    const esc = { type: 'ESCALATE', dueOn: '2024-10-10', toLevel: 'city', toJurisdiction: '330300000000', overdueDays: 3 } as const;
    expect(refused(at, { ...esc, actor: supervisor })).toBe(true);
    const raised = transition(machine, at, { ...esc, actor: system })[0];
    expect(raised.context.escalatedFor).toBe('2024-10-10');
    expect(refused(raised, { ...esc, actor: system })).toBe(true);
    expect(refused(raised, { ...esc, dueOn: '2024-10-20', actor: system })).toBe(false);
  });

  it('a closed case takes no urging', () => {
    const withdrawn = run([...atCounty, { type: 'WITHDRAW', actor: applicant }]);
    expect(refused(withdrawn, { type: 'URGE', actor: supervisor, reason: '催', replyBy: '2024-10-18' })).toBe(true);
    expect(refused(withdrawn, { type: 'APPLICANT_URGE', actor: applicant })).toBe(true);
  });
});

describe('the rules of urging and escalation', () => {
  // October 2024: 10-01..10-07 off (National Day), Sat 10-12 worked, other weekends off.
  const cal = new WorkCalendar(
    [
      ...['01', '02', '03', '04', '07'].map((d) => ({ date: `2024-10-${d}`, kind: 'holiday' as const })),
      { date: '2024-10-12', kind: 'workday' as const },
    ],
    [2024],
  );

  it('overdue means past the promised date, or paused while red', () => {
    expect(isOverdue({ phase: 'running', dueOn: '2024-10-10', light: 'yellow' }, '2024-10-10')).toBe(false);
    expect(isOverdue({ phase: 'running', dueOn: '2024-10-10', light: 'yellow' }, '2024-10-11')).toBe(true);
    expect(isOverdue({ phase: 'paused', dueOn: '2024-10-10', light: 'red' }, '2024-10-20')).toBe(true);
    expect(isOverdue({ phase: 'finished', dueOn: '2024-10-10', light: 'red' }, '2024-10-20')).toBe(false);
    expect(isOverdue({ phase: 'pending', dueOn: null, light: 'green' }, '2024-10-20')).toBe(false);
  });

  it('an applicant’s urge counts for today, or the next working day on a day off; the next one a working day later', () => {
    expect(urgeDayOf('2024-10-11', cal)).toBe('2024-10-11');
    expect(nextUrgeDay('2024-10-11', cal)).toBe('2024-10-12'); // a make-up Saturday
    expect(urgeDayOf('2024-10-13', cal)).toBe('2024-10-14'); // Sunday counts for Monday
    expect(urgeDayOf('2024-10-05', cal)).toBe('2024-10-08');
  });

  it('raises a case on the morning it has been overdue N working days, once per promised date', () => {
    // Due Thu 10-10: overdue Fri 10-11 (1), Sat 10-12* (2), Mon 10-14 (3).
    expect(escalationDay('2024-10-10', 3, cal)).toBe('2024-10-14');
    const [plan] = escalationTimer({ closed: false, phase: 'running', dueOn: '2024-10-10', escalatedFor: null }, 3, cal);
    expect(plan).toEqual({ kind: 'escalate', dueAt: new Date('2024-10-14T00:00:00+08:00') });
    expect(escalationTimer({ closed: false, phase: 'running', dueOn: '2024-10-10', escalatedFor: '2024-10-10' }, 3, cal)).toEqual([]);
    expect(escalationTimer({ closed: false, phase: 'paused', dueOn: '2024-10-10', escalatedFor: null }, 3, cal)).toEqual([]);
    expect(escalationTimer({ closed: true, phase: 'running', dueOn: '2024-10-10', escalatedFor: null }, 3, cal)).toEqual([]);
  });

  it('goes to the level above, and groups opinions by where they came from', () => {
    expect(levelAbove('county')).toBe('city');
    expect(levelAbove('village')).toBe('town');
    expect(levelAbove('province')).toBe('province');
    expect(opinionSource('county', 'town')).toBe('upper');
    expect(opinionSource('village', 'town')).toBe('lower');
    expect(opinionSource('town', 'town')).toBe('same');
  });
});
