/**
 * Model-based checks of the case machine: xstate/graph walks the machines of
 * a linked route and of a county route, sending a candidate event set with
 * right and wrong actors and valid and invalid payloads: every simple path,
 * the shortest path to every reachable snapshot, and the shortest path ending
 * with every transition (so that the cycles special → review/decision and
 * RETURN are walked too). Invariants are checked on every state reached, and
 * each path is replayed through the real clock on the real 2024 calendar, one
 * working day per step from 2024-09-25, so longer paths cross National Day.
 */
import { transition, type SnapshotFrom } from 'xstate';
import { getShortestPaths, getSimplePaths, type StatePath } from 'xstate/graph';
import { buildCaseMachine, CASE_STATES, FINAL_STATES, type CaseMachine, type CaseState } from '../../workflows/caseMachine';
import type { CaseEvent, EventActor } from '../../workflows/caseEvents';
import { WorkCalendar } from '../../workflows/calendar';
import { chineseCalendarDays, CALENDAR_YEARS } from '../../workflows/holidayData';
import { applyClockChange, readClock, startClock, type ClockPhase, type ClockState } from '../../workflows/clock';
import { clockChangeFor } from '../../workflows/caseClock';
import { COUNTY_ROUTE, LINKED_ROUTE } from '../helpers/routes';

type Snap = SnapshotFrom<CaseMachine>;
type Path = StatePath<Snap, CaseEvent>;

const LINKED = LINKED_ROUTE;
const COUNTY = COUNTY_ROUTE;

const ITEM = { promisedDays: 15 };
const cal = new WorkCalendar(chineseCalendarDays(), [...CALENDAR_YEARS]);
const rules = { yellowAt: 0.8 };
const FIRST_DAY = '2024-09-25';

// ---- candidate events ----

const actor = (role: EventActor['role'], level: EventActor['level'] = null, department: string | null = null): EventActor => ({
  role,
  level,
  department,
});
const ACTORS: EventActor[] = [
  actor('applicant'),
  actor('proxy_agent'),
  actor('intermediary'),
  actor('supervisor', 'city'),
  actor('admin'),
  actor('system'),
  actor('clerk', 'village'),
  actor('clerk', 'town'),
  actor('clerk', 'county'),
  actor('reviewer', 'village', 'market'),
  actor('reviewer', 'town', 'market'),
  actor('reviewer', 'county', 'market'),
  actor('reviewer', 'county', 'health'),
  actor('reviewer', 'city', 'market'),
  actor('reviewer', 'city', 'health'),
  actor('reviewer', 'province', 'market'),
];

const RIGHTS = '可于60日内申请行政复议或6个月内提起行政诉讼';

/** Events with a complete payload. */
function validEvents(a: EventActor): CaseEvent[] {
  return [
    { type: 'ACCEPT', actor: a },
    { type: 'REQUEST_MATERIALS', actor: a, missing: ['场地证明'] },
    { type: 'SUPPLY_MATERIALS', actor: a, materials: ['场地证明'] },
    { type: 'REFUSE', actor: a, reasons: '不属于受理范围', rightsNotice: RIGHTS },
    { type: 'FORWARD', actor: a, opinion: '审查同意' },
    { type: 'RETURN', actor: a, reason: '请核实' },
    { type: 'START_SPECIAL', actor: a, procedure: 'hearing', reason: '依申请听证' },
    { type: 'END_SPECIAL', actor: a },
    { type: 'EXTEND', actor: a, reason: '情况复杂' },
    { type: 'APPROVE', actor: a, opinion: '准予许可' },
    { type: 'DENY', actor: a, reasons: '不符合法定条件', rightsNotice: RIGHTS },
    { type: 'ISSUE', actor: a, licenceNo: 'L-0001' },
    { type: 'DELIVER', actor: a, mode: 'pickup', signedBy: '张小明' },
    { type: 'DELIVER', actor: a, mode: 'post', trackingNo: 'EA123456785CN' },
    { type: 'DELIVER', actor: a, mode: 'electronic' },
    { type: 'COMPLETE', actor: a },
    { type: 'WITHDRAW', actor: a },
  ];
}

/** Events whose payload misses what the law requires. */
function invalidEvents(a: EventActor): CaseEvent[] {
  return [
    { type: 'REQUEST_MATERIALS', actor: a, missing: [] },
    { type: 'REQUEST_MATERIALS', actor: a, missing: [' '] },
    { type: 'SUPPLY_MATERIALS', actor: a, materials: [] },
    { type: 'REFUSE', actor: a, reasons: '不属于受理范围', rightsNotice: '' },
    { type: 'REFUSE', actor: a, reasons: ' ', rightsNotice: RIGHTS },
    { type: 'FORWARD', actor: a, opinion: '' },
    { type: 'RETURN', actor: a, reason: '' },
    { type: 'START_SPECIAL', actor: a, procedure: 'inspection', reason: '' },
    { type: 'EXTEND', actor: a, reason: ' ' },
    { type: 'APPROVE', actor: a, opinion: '' },
    { type: 'DENY', actor: a, reasons: '不符合法定条件', rightsNotice: ' ' },
    { type: 'DENY', actor: a, reasons: '', rightsNotice: RIGHTS },
    { type: 'ISSUE', actor: a, licenceNo: '' },
    { type: 'DELIVER', actor: a, mode: 'post' },
  ];
}

const INVALID = new Set<CaseEvent>();
const CANDIDATES: CaseEvent[] = [{ type: 'SUBMIT', actor: actor('applicant') }];
for (const a of ACTORS) {
  CANDIDATES.push(...validEvents(a));
  for (const e of invalidEvents(a)) {
    INVALID.add(e);
    CANDIDATES.push(e);
  }
}

/**
 * Who may send an event at the case's current step, written from the design
 * (centre steps: clerks of the level; department steps: reviewers of the
 * level and department; the applicant or a proxy withdraws, supplies and
 * confirms receipt; the system may accept and complete).
 */
function entitled(e: CaseEvent, snap: Snap): boolean {
  const step = snap.context.route[snap.context.stepIndex]!;
  const a = e.actor;
  // Accepting and delivering are a service centre's at any level; village and town have no departments.
  const centre = step.kind === 'accept' || step.kind === 'deliver' || step.level === 'village' || step.level === 'town';
  const atStep = a.level === step.level && (centre ? a.role === 'clerk' : a.role === 'reviewer' && a.department === step.department);
  const applicantSide = a.role === 'applicant' || a.role === 'proxy_agent';
  switch (e.type) {
    case 'SUBMIT':
      return true;
    case 'WITHDRAW':
      return applicantSide;
    case 'SUPPLY_MATERIALS':
      return applicantSide || atStep;
    case 'COMPLETE':
      return applicantSide || atStep || a.role === 'system';
    case 'ACCEPT':
      return atStep || a.role === 'system';
    default:
      return atStep;
  }
}

// ---- traversal ----

const serialized = new WeakMap<object, string>();
/** Value and the whole context but the route, which is the same in every state. */
function serializeState(snap: Snap): string {
  let key = serialized.get(snap);
  if (key === undefined) {
    const { route: _route, ...rest } = snap.context;
    key = JSON.stringify({ value: snap.value, context: rest });
    serialized.set(snap, key);
  }
  return key;
}

/**
 * Simple paths visit each snapshot once, and END_SPECIAL and RETURN lead back
 * to a snapshot seen before (the special record is cleared, the step index
 * goes back), so no simple path ends a special procedure or climbs again
 * after a return. Telling those snapshots apart by history makes the number
 * of simple paths explode, so the cycles are covered by a second walk whose
 * vertices are the transitions (previous snapshot → snapshot): its shortest
 * paths end with every transition of the machine once, END_SPECIAL and
 * RETURN included. Refused events are filtered out of that walk (they would
 * only add a no-op step); (e) checks them on every reachable snapshot.
 */
function serializeEdge(snap: Snap, _event: CaseEvent | undefined, prev: Snap | undefined): string {
  return prev ? `${serializeState(prev)} -> ${serializeState(snap)}` : serializeState(snap);
}

function traverse(machine: CaseMachine) {
  const byState = { events: CANDIDATES, serializeState: serializeState as (s: Snap) => string };
  const shortest = getShortestPaths(machine, byState) as Path[];
  const simple = getSimplePaths(machine, byState) as Path[];
  const everyTransition = getShortestPaths(machine, {
    events: CANDIDATES,
    filterEvents: (snap: Snap, e: CaseEvent) => snap.can(e),
    serializeState: serializeEdge as (s: Snap, e: CaseEvent | undefined, p?: Snap) => string,
  }) as Path[];
  return { shortest, simple, everyTransition };
}

/** (from, event, to) for each transition of a path; steps[0] is the initial state. */
function edges(path: Path): { from: Snap; event: CaseEvent; to: Snap }[] {
  return path.steps.slice(1).map((step, i) => ({ from: path.steps[i]!.state, event: step.event, to: step.state }));
}

const stateOf = (s: Snap) => s.value as CaseState;
const nonBlank = (s: string | null | undefined) => typeof s === 'string' && s.trim().length > 0;
const DECIDED: CaseState[] = ['approved', 'issued', 'delivered', 'denied'];

/** (b), (c): invariants of one snapshot; returns the violations. */
function stateViolations(snap: Snap): string[] {
  const out: string[] = [];
  const state = stateOf(snap);
  const { context: ctx } = snap;
  const kind = ctx.route[ctx.stepIndex]?.kind;
  const where = `${state}@${ctx.stepIndex}`;
  const d = ctx.decision;
  // (b) a decided case carries its decision.
  if (DECIDED.includes(state) || state === 'completed') {
    if (!d || !nonBlank(d.opinion)) out.push(`${where}: decided without an opinion`);
  }
  if (state === 'denied' && (d?.outcome !== 'denied' || !nonBlank(d.rightsNotice))) out.push(`${where}: denied without rights notice`);
  if (['approved', 'issued', 'delivered', 'completed'].includes(state) && d?.outcome !== 'approved') out.push(`${where}: not approved`);
  if (['approved', 'issued', 'delivered', 'completed'].includes(state) === false && state !== 'denied' && d !== null) {
    out.push(`${where}: a decision before deciding`);
  }
  if (['issued', 'delivered', 'completed'].includes(state) && !nonBlank(ctx.licenceNo)) out.push(`${where}: no licence number`);
  if (state === 'delivered' && ctx.delivery?.mode === 'post' && !nonBlank(ctx.delivery.trackingNo)) out.push(`${where}: post without tracking`);
  // (c) the step index matches the state.
  const expected: Partial<Record<CaseState, string[]>> = {
    submitted: ['accept'],
    acceptanceReview: ['accept'],
    awaitingMaterials: ['accept'],
    review: ['review'],
    decision: ['decide'],
    special: ['review', 'decide'],
    approved: ['issue'],
    issued: ['deliver'],
    delivered: ['deliver'],
  };
  const allowed = expected[state];
  if (allowed && !allowed.includes(kind as string)) out.push(`${where}: at a ${kind} step`);
  if (state === 'awaitingMaterials' && ctx.missingMaterials.length === 0) out.push(`${where}: nothing listed as missing`);
  if (state === 'special' && ctx.special === null) out.push(`${where}: special without its procedure`);
  // A case withdrawn during a special procedure keeps it on record; elsewhere it is cleared on END_SPECIAL.
  if (state !== 'special' && state !== 'withdrawn' && ctx.special !== null) out.push(`${where}: a special procedure left recorded`);
  return out;
}

const PHASE: Record<CaseState, ClockPhase | null> = {
  submitted: null,
  acceptanceReview: 'acceptance',
  awaitingMaterials: 'acceptance',
  review: 'review',
  decision: 'decision',
  special: null, // review or decision, by the step
  approved: 'delivery',
  issued: 'delivery',
  // Issue 9: delivery ends the office's work; the step clock reads finished, not "0/10".
  delivered: 'stopped',
  completed: 'stopped',
  refused: 'stopped',
  denied: 'stopped',
  withdrawn: 'stopped',
};

/** (d): replays a path through the clock; returns the violations. */
function clockViolations(path: Path): string[] {
  const out: string[] = [];
  let clock: ClockState | null = null;
  let lastUsed = 0;
  let usedWhenPaused: number | null = null;
  edges(path).forEach(({ from, event, to }, i) => {
    const today = cal.addWorkingDays(FIRST_DAY, i + 1);
    const where = `step ${i + 1} ${event.type} ${String(from.value)}→${String(to.value)} on ${today}`;
    const change = clockChangeFor({ state: stateOf(from), context: from.context }, { state: stateOf(to), context: to.context }, event, ITEM);
    if (clock === null) {
      // Nothing runs before SUBMIT: the only moves from submitted start the clock or close the case.
      if (change.kind === 'start') clock = startClock(change.phase, change.limitDays, today);
      else if (change.kind !== 'stop') out.push(`${where}: ${change.kind} before the clock started`);
      return;
    }
    clock = applyClockChange(clock, change, today, cal, rules);
    const r = readClock(clock, today, cal, rules);
    const state = stateOf(to);
    const paused = to.hasTag('paused');
    const step = to.context.route[to.context.stepIndex]!;

    if (r.paused !== paused) out.push(`${where}: clock paused=${r.paused}, state paused=${paused}`);
    const phase = state === 'special' ? (step.kind === 'decide' ? 'decision' : 'review') : PHASE[state];
    if (r.phase !== phase) out.push(`${where}: phase ${r.phase}, expected ${phase}`);
    if (paused && r.pauseKind !== (state === 'special' ? 'special' : 'materials')) out.push(`${where}: pause kind ${r.pauseKind}`);

    if (!FINAL_STATES.includes(state) && phase !== 'stopped') {
      // Issue 9: every step runs on its own internal limit; the decision on the decide step's (+10 once
      // extended), no longer the item's promised days (that is the separate promise clock).
      const limit =
        phase === 'acceptance' ? 5 : phase === 'review' || phase === 'delivery' ? step.limitDays : step.limitDays + (to.context.extended ? 10 : 0);
      if (r.limitDays !== limit) out.push(`${where}: limit ${r.limitDays}, expected ${limit}`);
    }

    // usedDays: 0 on a (re)start, back to the pause-day count on resume, else one more per working day.
    // A stop freezes the count where it was: at the pause day when stopped during a pause.
    const expectedUsed =
      change.kind === 'start'
        ? 0
        : change.kind === 'resume' || (change.kind === 'stop' && from.hasTag('paused'))
          ? usedWhenPaused
          : stateOf(from) === 'delivered'
            ? lastUsed // stopped at delivery already: frozen
            : lastUsed + 1;
    if (expectedUsed !== null && r.usedDays !== expectedUsed) out.push(`${where}: used ${r.usedDays}, expected ${expectedUsed}`);

    if (paused) {
      usedWhenPaused = r.usedDays;
      // While paused nothing moves: the next working days, the holiday week, the end of the year.
      for (const later of [cal.addWorkingDays(today, 1), cal.addWorkingDays(today, 3), '2024-10-04', '2024-12-31']) {
        if (later <= today) continue;
        const l = readClock(clock, later, cal, rules);
        if (l.usedDays !== r.usedDays || l.light !== r.light || l.deadline !== null || !l.paused) {
          out.push(`${where}: paused clock moved by ${later}: used ${r.usedDays}→${l.usedDays}, light ${r.light}→${l.light}`);
        }
      }
    } else if (r.deadline === null && r.phase !== 'stopped') {
      out.push(`${where}: a running clock without a deadline`);
    }

    if (FINAL_STATES.includes(state)) {
      // A stopped clock: not paused, no deadline, light and used days frozen from now on.
      for (const later of ['2024-12-31', '2026-06-30']) {
        const l = readClock(clock, later, cal, rules);
        if (l.phase !== 'stopped' || l.paused || l.deadline !== null || l.light !== r.light || l.usedDays !== r.usedDays) {
          out.push(`${where}: the stopped clock moved by ${later}: used ${r.usedDays}→${l.usedDays}, light ${r.light}→${l.light}`);
        }
      }
    }
    lastUsed = r.usedDays;
  });
  if (FINAL_STATES.includes(stateOf(path.state)) && clock !== null && (clock as ClockState).phase !== 'stopped') {
    out.push(`path to ${String(path.state.value)}: the clock was not stopped`);
  }
  return out;
}

// ---- the checks, for both routes ----

const ALL_EVENT_TYPES = [...new Set(CANDIDATES.map((e) => e.type))].sort();

describe.each([
  ['linked village → town → county → city route', LINKED, 400, CASE_STATES, ALL_EVENT_TYPES],
  [
    'non-linked county route',
    COUNTY,
    40,
    CASE_STATES.filter((s) => s !== 'review'),
    ALL_EVENT_TYPES.filter((t) => t !== 'FORWARD' && t !== 'RETURN'),
  ],
] as const)('%s', (_name, route, minSimplePaths, reachableStates, eventTypes) => {
  const machine = buildCaseMachine(route);
  const { shortest, simple, everyTransition } = traverse(machine);
  const reachable = shortest.map((p) => p.state);
  let table: { snap: Snap; event: CaseEvent; next: Snap; can: boolean }[] | undefined;
  /** Every candidate event sent in every reachable snapshot, computed once for (e) and the tests after it. */
  const outcomes = () =>
    (table ??= reachable.flatMap((snap) => CANDIDATES.map((event) => ({ snap, event, next: transition(machine, snap, event)[0], can: snap.can(event) }))));
  const walks: [string, Path[]][] = [
    ['simple paths', simple],
    ['shortest paths to every transition', everyTransition],
  ];

  test('the walks are not trivial', () => {
    expect(simple.length).toBeGreaterThan(minSimplePaths);
    // Several contexts per state value (flags, step index), and several transitions per snapshot.
    expect(shortest.length).toBeGreaterThan(reachableStates.length);
    expect(everyTransition.length).toBeGreaterThan(shortest.length);
  });

  test('every transition walk ends with a real transition, and every event type the route allows occurs', () => {
    const last = everyTransition.filter((p) => p.steps.length > 1).map((p) => edges(p).pop()!);
    expect(last.filter((e) => e.from === e.to).length).toBe(0);
    expect([...new Set(last.map((e) => e.event.type))].sort()).toEqual([...eventTypes].sort());
  });

  test('the transition walk ends once at every transition between reachable snapshots', () => {
    const key = (from: Snap, to: Snap) => `${serializeState(from)} -> ${serializeState(to)}`;
    const expected = new Set(outcomes().filter((o) => o.next !== o.snap).map((o) => key(o.snap, o.next)));
    const walked = everyTransition.filter((p) => p.steps.length > 1).map((p) => edges(p).pop()!);
    expect(walked.length).toBe(expected.size);
    expect(walked.filter((e) => !expected.has(key(e.from, e.to)))).toEqual([]);
  });

  test.each(walks)('%s replay through transition() to the same snapshots, each step a change', (_walk, paths) => {
    const bad: string[] = [];
    for (const path of paths) {
      for (const { from, event, to } of edges(path)) {
        const [next] = transition(machine, from, event);
        if (serializeState(next) !== serializeState(to) || next === from) bad.push(`${String(from.value)} ${event.type}`);
      }
    }
    expect(bad.slice(0, 10)).toEqual([]);
  });

  test('(a) every final state, and every state the route allows, is reachable', () => {
    const values = new Set(reachable.map(stateOf));
    expect(FINAL_STATES.filter((s) => !values.has(s))).toEqual([]);
    expect([...values].sort()).toEqual([...reachableStates].sort());
  });

  test('(a) every final state is the end of some simple path', () => {
    const ends = new Set(simple.map((p) => stateOf(p.state)));
    expect(FINAL_STATES.filter((s) => !ends.has(s))).toEqual([]);
  });

  test('final states are final: nothing is accepted there', () => {
    const open = reachable.filter((s) => FINAL_STATES.includes(stateOf(s)) && (s.status !== 'done' || CANDIDATES.some((e) => s.can(e))));
    expect(open.map(serializeState)).toEqual([]);
  });

  test.each(walks)('(b) (c) on %s every state carries its decision and sits at a step of the right kind', (_walk, paths) => {
    const bad = new Set<string>();
    for (const path of paths) for (const step of path.steps) for (const v of stateViolations(step.state)) bad.add(v);
    expect([...bad]).toEqual([]);
  });

  test.each(walks)(
    '(d) %s replayed through the clock across National Day 2024: paused ⇔ tag paused, nothing counts while paused, final ⇒ stopped',
    (_walk, paths) => {
      const bad: string[] = [];
      for (const path of paths) bad.push(...clockViolations(path));
      expect(bad.slice(0, 20)).toEqual([]);
    },
  );

  test('(d) the replay crosses National Day: some paths run past 2024-10-08', () => {
    expect(simple.some((p) => cal.addWorkingDays(FIRST_DAY, p.steps.length - 1) >= '2024-10-08')).toBe(true);
  });

  test('(d) the clock replay resumes after special procedures', () => {
    const resumed = everyTransition.filter((p) => edges(p).some((e) => e.event.type === 'END_SPECIAL'));
    expect(resumed.length).toBeGreaterThan(0);
  });

  test('(e) an event from a wrong actor never changes the snapshot, in any reachable state', () => {
    const wrong = outcomes().filter((o) => !entitled(o.event, o.snap));
    const bad = wrong.filter((o) => o.next !== o.snap || o.can);
    expect(wrong.length).toBeGreaterThan(reachable.length * ACTORS.length);
    expect(bad.slice(0, 10).map((o) => `${serializeState(o.snap)} ${o.event.type} by ${JSON.stringify(o.event.actor)}`)).toEqual([]);
  });

  test('an event with an incomplete payload never changes the snapshot, whoever sends it', () => {
    const bad = outcomes().filter((o) => INVALID.has(o.event) && o.next !== o.snap);
    expect(bad.slice(0, 10).map((o) => `${serializeState(o.snap)} ${JSON.stringify(o.event)}`)).toEqual([]);
  });

  test('snapshot.can(event) is true exactly when transition() changes the snapshot', () => {
    const bad = outcomes().filter((o) => o.can !== (o.next !== o.snap));
    expect(bad.slice(0, 10).map((o) => `${serializeState(o.snap)} ${JSON.stringify(o.event)}`)).toEqual([]);
  });

  test('the entitled actor can move every non-final state on (no dead ends)', () => {
    const stuck = reachable.filter((s) => !FINAL_STATES.includes(stateOf(s)) && !CANDIDATES.some((e) => entitled(e, s) && s.can(e)));
    expect(stuck.map(serializeState)).toEqual([]);
  });
});
