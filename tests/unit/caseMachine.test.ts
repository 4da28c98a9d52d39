import { initialTransition, transition, type SnapshotFrom } from 'xstate';
import { buildCaseMachine, type CaseMachine } from '../../workflows/caseMachine';
import type { CaseEvent, EventActor } from '../../workflows/caseEvents';
import { levelRank, type Level } from '../../workflows/levels';
import { routeForCentre, type Route } from '../../workflows/route';
import { COUNTY_ROUTE, LINKED_ROUTE } from '../helpers/routes';

const LINKED = LINKED_ROUTE;
const COUNTY = COUNTY_ROUTE;

const actor = (role: EventActor['role'], level: EventActor['level'] = null, department: string | null = null): EventActor => ({
  role,
  level,
  department,
});
const applicant = actor('applicant');
const proxy = actor('proxy_agent');
const system = actor('system');
const villageClerk = actor('clerk', 'village');
const townClerk = actor('clerk', 'town');
const countyClerk = actor('clerk', 'county');
const countyMarket = actor('reviewer', 'county', 'market');
const countyHealth = actor('reviewer', 'county', 'health');
const cityMarket = actor('reviewer', 'city', 'market');
const cityHealth = actor('reviewer', 'city', 'health');

const linked = buildCaseMachine(LINKED);
const county = buildCaseMachine(COUNTY);

type Snap = SnapshotFrom<CaseMachine>;

/** Runs events from the initial snapshot; every event must be accepted. */
function run(machine: CaseMachine, events: CaseEvent[]): Snap {
  let [snap] = initialTransition(machine);
  for (const e of events) {
    if (!snap.can(e)) throw new Error(`${e.type} refused in ${JSON.stringify(snap.value)} at step ${snap.context.stepIndex}`);
    [snap] = transition(machine, snap, e);
  }
  return snap;
}

/** Sends an event without checking; returns the next snapshot. */
function send(machine: CaseMachine, snap: Snap, e: CaseEvent): Snap {
  return transition(machine, snap, e)[0];
}

// Event builders.
const SUBMIT: CaseEvent = { type: 'SUBMIT', actor: applicant };
const accept = (a: EventActor): CaseEvent => ({ type: 'ACCEPT', actor: a });
const forward = (a: EventActor, opinion = '同意，报上级审查'): CaseEvent => ({ type: 'FORWARD', actor: a, opinion });
const ret = (a: EventActor, reason = '材料需核实'): CaseEvent => ({ type: 'RETURN', actor: a, reason });
const requestMaterials = (a: EventActor, missing: string[] = ['营业执照副本']): CaseEvent => ({ type: 'REQUEST_MATERIALS', actor: a, missing });
const supply = (a: EventActor, materials: string[] = ['营业执照副本']): CaseEvent => ({ type: 'SUPPLY_MATERIALS', actor: a, materials });
const refuse = (a: EventActor, reasons = '不属于本机关职权范围', rightsNotice = '可于60日内申请行政复议或6个月内提起行政诉讼'): CaseEvent => ({
  type: 'REFUSE',
  actor: a,
  reasons,
  rightsNotice,
});
const startSpecial = (a: EventActor, reason = '需现场核查'): CaseEvent => ({ type: 'START_SPECIAL', actor: a, procedure: 'inspection', reason });
const endSpecial = (a: EventActor): CaseEvent => ({ type: 'END_SPECIAL', actor: a, opinion: '核查合格' });
const extend = (a: EventActor, reason = '情况复杂'): CaseEvent => ({ type: 'EXTEND', actor: a, reason });
const approve = (a: EventActor, opinion = '准予许可'): CaseEvent => ({ type: 'APPROVE', actor: a, opinion });
const deny = (a: EventActor, reasons = '不符合法定条件', rightsNotice = '可于60日内申请行政复议或6个月内提起行政诉讼'): CaseEvent => ({
  type: 'DENY',
  actor: a,
  reasons,
  rightsNotice,
});
const issue = (a: EventActor, licenceNo = 'JY13303020001234'): CaseEvent => ({ type: 'ISSUE', actor: a, licenceNo });
const withdraw = (a: EventActor): CaseEvent => ({ type: 'WITHDRAW', actor: a, reason: '不再需要' });

// Prefixes of the linked route.
const TO_ACCEPTANCE = [SUBMIT];
const TO_TOWN_REVIEW = [...TO_ACCEPTANCE, accept(villageClerk)];
const TO_COUNTY_REVIEW = [...TO_TOWN_REVIEW, forward(townClerk)];
const TO_DECISION = [...TO_COUNTY_REVIEW, forward(countyMarket)];
const TO_APPROVED = [...TO_DECISION, approve(cityMarket)];
const TO_ISSUED = [...TO_APPROVED, issue(cityMarket)];

describe('SUBMIT', () => {
  test('a new case starts in submitted at the accept step', () => {
    const [snap] = initialTransition(linked);
    expect([snap.value, snap.context.stepIndex]).toEqual(['submitted', 0]);
  });
  test('SUBMIT moves the case to acceptanceReview', () => {
    expect(run(linked, TO_ACCEPTANCE).value).toBe('acceptanceReview');
  });
});

describe('ACCEPT', () => {
  test('the village clerk accepts a linked case and it goes to the town review step', () => {
    const snap = run(linked, TO_TOWN_REVIEW);
    expect([snap.value, snap.context.stepIndex, LINKED[snap.context.stepIndex]!.level]).toEqual(['review', 1, 'town']);
  });
  test('the system may accept (a file counts as accepted when no notice came in time)', () => {
    expect(run(linked, [SUBMIT, accept(system)]).value).toBe('review');
  });
  test('on a route without review steps, accepting goes straight to decision', () => {
    const snap = run(county, [SUBMIT, accept(countyClerk)]);
    expect([snap.value, snap.context.stepIndex]).toEqual(['decision', 1]);
  });
  test('a clerk of the wrong level cannot accept', () => {
    expect(run(linked, TO_ACCEPTANCE).can(accept(townClerk))).toBe(false);
  });
  test('an applicant cannot accept', () => {
    expect(run(linked, TO_ACCEPTANCE).can(accept(applicant))).toBe(false);
  });
  test('at a county centre the centre’s clerk accepts; no reviewer does, not even of the step’s own department', () => {
    const snap = run(county, TO_ACCEPTANCE);
    expect([snap.can(accept(countyClerk)), snap.can(accept(countyMarket)), snap.can(accept(countyHealth))]).toEqual([true, false, false]);
  });
  test('a reviewer cannot work a village (centre) step even at the right level', () => {
    expect(run(linked, TO_ACCEPTANCE).can(accept(actor('reviewer', 'village', 'market')))).toBe(false);
  });
  test('a refused ACCEPT leaves the snapshot unchanged', () => {
    const snap = run(linked, TO_ACCEPTANCE);
    expect(send(linked, snap, accept(townClerk))).toBe(snap);
  });
});

describe('REQUEST_MATERIALS and SUPPLY_MATERIALS', () => {
  test('the accepting clerk requests missing materials and the case waits, with the list recorded', () => {
    const snap = run(linked, [...TO_ACCEPTANCE, requestMaterials(villageClerk, ['营业执照副本', '场地证明'])]);
    expect([snap.value, snap.context.materialsRequested, snap.context.missingMaterials]).toEqual([
      'awaitingMaterials',
      true,
      ['营业执照副本', '场地证明'],
    ]);
  });
  test('an empty missing list is refused', () => {
    expect(run(linked, TO_ACCEPTANCE).can(requestMaterials(villageClerk, []))).toBe(false);
  });
  test('a list containing a blank entry is refused', () => {
    expect(run(linked, TO_ACCEPTANCE).can(requestMaterials(villageClerk, ['场地证明', '  ']))).toBe(false);
  });
  test('materials are requested only once: a second request after supply is refused', () => {
    const snap = run(linked, [...TO_ACCEPTANCE, requestMaterials(villageClerk), supply(applicant)]);
    expect([snap.value, snap.can(requestMaterials(villageClerk, ['另一份材料']))]).toEqual(['acceptanceReview', false]);
  });
  test('the applicant supplies the materials and the case returns to acceptanceReview with the list cleared', () => {
    const snap = run(linked, [...TO_ACCEPTANCE, requestMaterials(villageClerk), supply(applicant)]);
    expect([snap.value, snap.context.missingMaterials, snap.context.materialsRequested]).toEqual(['acceptanceReview', [], true]);
  });
  test('supplying an empty list is refused', () => {
    const snap = run(linked, [...TO_ACCEPTANCE, requestMaterials(villageClerk)]);
    expect(snap.can(supply(applicant, []))).toBe(false);
  });
  test('a reviewer of another level cannot request materials', () => {
    expect(run(linked, TO_ACCEPTANCE).can(requestMaterials(countyMarket))).toBe(false);
  });
});

describe('REFUSE (不予受理)', () => {
  test('with reasons and a rights notice the case is refused', () => {
    expect(run(linked, [...TO_ACCEPTANCE, refuse(villageClerk)]).value).toBe('refused');
  });
  test('a refusal from awaitingMaterials is allowed', () => {
    expect(run(linked, [...TO_ACCEPTANCE, requestMaterials(villageClerk), refuse(villageClerk)]).value).toBe('refused');
  });
  test('a refusal without reasons is refused', () => {
    expect(run(linked, TO_ACCEPTANCE).can(refuse(villageClerk, ' '))).toBe(false);
  });
  test('a refusal without the rights notice is refused', () => {
    expect(run(linked, TO_ACCEPTANCE).can(refuse(villageClerk, '不属于本机关职权范围', ''))).toBe(false);
  });
  test('an applicant cannot refuse', () => {
    expect(run(linked, TO_ACCEPTANCE).can(refuse(applicant))).toBe(false);
  });
});

describe('FORWARD', () => {
  test('the town clerk forwards to the county review step', () => {
    const snap = run(linked, TO_COUNTY_REVIEW);
    expect([snap.value, snap.context.stepIndex]).toEqual(['review', 2]);
  });
  test('forwarding from the last review step goes to decision at the decide step', () => {
    const snap = run(linked, TO_DECISION);
    expect([snap.value, snap.context.stepIndex, LINKED[snap.context.stepIndex]!.kind]).toEqual(['decision', 3, 'decide']);
  });
  test('a forward without an opinion is refused', () => {
    expect(run(linked, TO_TOWN_REVIEW).can(forward(townClerk, ''))).toBe(false);
  });
  test('a clerk of the wrong level cannot forward', () => {
    expect(run(linked, TO_TOWN_REVIEW).can(forward(villageClerk))).toBe(false);
  });
  test('a reviewer of the wrong department cannot forward', () => {
    expect(run(linked, TO_COUNTY_REVIEW).can(forward(countyHealth))).toBe(false);
  });
  test('a reviewer of the right department but the wrong level cannot forward', () => {
    expect(run(linked, TO_COUNTY_REVIEW).can(forward(cityMarket))).toBe(false);
  });
  test('an applicant cannot forward', () => {
    expect(run(linked, TO_COUNTY_REVIEW).can(forward(applicant))).toBe(false);
  });
});

describe('RETURN', () => {
  test('from the county review it goes one step down to the town review', () => {
    const snap = run(linked, [...TO_COUNTY_REVIEW, ret(countyMarket)]);
    expect([snap.value, snap.context.stepIndex]).toEqual(['review', 1]);
  });
  test('from decision it goes down to the last review step', () => {
    const snap = run(linked, [...TO_DECISION, ret(cityMarket)]);
    expect([snap.value, snap.context.stepIndex]).toEqual(['review', 2]);
  });
  test('is refused from the first review step', () => {
    expect(run(linked, TO_TOWN_REVIEW).can(ret(townClerk))).toBe(false);
  });
  test('is refused from a decision with no review step below it', () => {
    expect(run(county, [SUBMIT, accept(countyClerk)]).can(ret(countyMarket))).toBe(false);
  });
  test('a return without a reason is refused', () => {
    expect(run(linked, TO_COUNTY_REVIEW).can(ret(countyMarket, ''))).toBe(false);
  });
});

describe('special procedures', () => {
  test('START_SPECIAL in review records the procedure and keeps the step', () => {
    const snap = run(linked, [...TO_COUNTY_REVIEW, startSpecial(countyMarket)]);
    expect([snap.value, snap.context.stepIndex, snap.context.special]).toEqual([
      'special',
      2,
      { procedure: 'inspection', reason: '需现场核查' },
    ]);
  });
  test('END_SPECIAL from a review step returns to the same review step', () => {
    const snap = run(linked, [...TO_COUNTY_REVIEW, startSpecial(countyMarket), endSpecial(countyMarket)]);
    expect([snap.value, snap.context.stepIndex, snap.context.special]).toEqual(['review', 2, null]);
  });
  test('END_SPECIAL from the decide step returns to decision', () => {
    const snap = run(linked, [...TO_DECISION, startSpecial(cityMarket), endSpecial(cityMarket)]);
    expect([snap.value, snap.context.stepIndex, snap.context.special]).toEqual(['decision', 3, null]);
  });
  test('START_SPECIAL needs a reason', () => {
    expect(run(linked, TO_DECISION).can(startSpecial(cityMarket, ''))).toBe(false);
  });
  test('only the actor of the step can end a special procedure', () => {
    expect(run(linked, [...TO_DECISION, startSpecial(cityMarket)]).can(endSpecial(cityHealth))).toBe(false);
  });
  test('the system ends an intermediary procedure (the market order’s result accepted)', () => {
    const inter: CaseEvent = { type: 'START_SPECIAL', actor: countyMarket, procedure: 'intermediary', reason: '需委托地质勘察' };
    const snap = run(linked, [...TO_COUNTY_REVIEW, inter, endSpecial(system)]);
    expect([snap.value, snap.context.stepIndex, snap.context.special]).toEqual(['review', 2, null]);
  });
  test('the system does not end any other special procedure', () => {
    expect(run(linked, [...TO_COUNTY_REVIEW, startSpecial(countyMarket)]).can(endSpecial(system))).toBe(false);
  });
  test('the system attaches a file to a case paused for an intermediary procedure only', () => {
    const file: CaseEvent = { type: 'ATTACH_FILE', actor: system, material: '中介服务成果', fileId: 'f', mediaType: 'application/pdf', size: 1, source: 'upload' };
    const inter: CaseEvent = { type: 'START_SPECIAL', actor: countyMarket, procedure: 'intermediary', reason: '需委托地质勘察' };
    expect(run(linked, [...TO_COUNTY_REVIEW, inter]).can(file)).toBe(true);
    expect(run(linked, [...TO_COUNTY_REVIEW, startSpecial(countyMarket)]).can(file)).toBe(false);
  });
  test('START_SPECIAL is not available during acceptance', () => {
    expect(run(linked, TO_ACCEPTANCE).can(startSpecial(villageClerk))).toBe(false);
  });
});

describe('EXTEND', () => {
  test('in decision it records the extension and stays in decision', () => {
    const snap = run(linked, [...TO_DECISION, extend(cityMarket)]);
    expect([snap.value, snap.context.extended, snap.context.stepIndex]).toEqual(['decision', true, 3]);
  });
  test('only once', () => {
    expect(run(linked, [...TO_DECISION, extend(cityMarket)]).can(extend(cityMarket))).toBe(false);
  });
  test('not in review', () => {
    expect(run(linked, TO_COUNTY_REVIEW).can(extend(countyMarket))).toBe(false);
  });
  test('not again after the case was returned and forwarded back to decision', () => {
    const snap = run(linked, [...TO_DECISION, extend(cityMarket), ret(cityMarket), forward(countyMarket)]);
    expect([snap.value, snap.can(extend(cityMarket))]).toEqual(['decision', false]);
  });
  test('an extension needs a reason given to the applicant', () => {
    expect(run(linked, TO_DECISION).can(extend(cityMarket, ''))).toBe(false);
  });
});

describe('APPROVE and DENY', () => {
  test('APPROVE records the approval with its opinion and moves to the issue step', () => {
    const snap = run(linked, TO_APPROVED);
    expect([snap.value, snap.context.decision, LINKED[snap.context.stepIndex]!.kind]).toEqual([
      'approved',
      { outcome: 'approved', opinion: '准予许可', rightsNotice: null },
      'issue',
    ]);
  });
  test('APPROVE needs an opinion', () => {
    expect(run(linked, TO_DECISION).can(approve(cityMarket, ' '))).toBe(false);
  });
  test('a reviewer of the wrong department cannot approve', () => {
    expect(run(linked, TO_DECISION).can(approve(cityHealth))).toBe(false);
  });
  test('the lower reviewer cannot approve', () => {
    expect(run(linked, TO_DECISION).can(approve(countyMarket))).toBe(false);
  });
  test('DENY records reasons and the rights notice', () => {
    const snap = run(linked, [...TO_DECISION, deny(cityMarket)]);
    expect([snap.value, snap.context.decision]).toEqual([
      'denied',
      { outcome: 'denied', opinion: '不符合法定条件', rightsNotice: '可于60日内申请行政复议或6个月内提起行政诉讼' },
    ]);
  });
  test('DENY without reasons is refused', () => {
    expect(run(linked, TO_DECISION).can(deny(cityMarket, ''))).toBe(false);
  });
  test('DENY without a rights notice is refused', () => {
    expect(run(linked, TO_DECISION).can(deny(cityMarket, '不符合法定条件', ''))).toBe(false);
  });
});

describe('ISSUE', () => {
  test('with a licence number it records it and moves to the deliver step', () => {
    const snap = run(linked, TO_ISSUED);
    expect([snap.value, snap.context.licenceNo, LINKED[snap.context.stepIndex]!]).toEqual([
      'issued',
      'JY13303020001234',
      LINKED[5],
    ]);
  });
  test('without a licence number it is refused', () => {
    expect(run(linked, TO_APPROVED).can(issue(cityMarket, ''))).toBe(false);
  });
});

describe('DELIVER and COMPLETE', () => {
  const deliver = (a: EventActor, mode: 'pickup' | 'post' | 'electronic', trackingNo?: string): CaseEvent => ({
    type: 'DELIVER',
    actor: a,
    mode,
    trackingNo,
    ...(mode === 'pickup' ? { signedBy: '张小明' } : {}),
  });
  test('pickup at the village centre, signed for at the counter, completes the case', () => {
    const snap = run(linked, [...TO_ISSUED, deliver(villageClerk, 'pickup')]);
    expect([snap.value, snap.context.delivery]).toEqual(['completed', { mode: 'pickup', trackingNo: null, address: null }]);
  });
  test('pickup without the recipient’s signature is refused', () => {
    expect(run(linked, TO_ISSUED).can({ type: 'DELIVER', actor: villageClerk, mode: 'pickup' })).toBe(false);
    expect(run(linked, TO_ISSUED).can({ type: 'DELIVER', actor: villageClerk, mode: 'pickup', signedBy: '  ' })).toBe(false);
  });
  test('post without a tracking number is refused', () => {
    expect(run(linked, TO_ISSUED).can(deliver(villageClerk, 'post'))).toBe(false);
  });
  test('post with a waybill whose S10 check digit is wrong, or of another shape, is refused', () => {
    expect(run(linked, TO_ISSUED).can(deliver(villageClerk, 'post', 'EA123456784CN'))).toBe(false);
    expect(run(linked, TO_ISSUED).can(deliver(villageClerk, 'post', 'SF1234567890'))).toBe(false);
  });
  test('post with an EMS waybill moves to delivered, the number kept as written (upper case, no spaces)', () => {
    const snap = run(linked, [...TO_ISSUED, deliver(villageClerk, 'post', 'ea 1234 5678 5cn')]);
    expect([snap.value, snap.context.delivery?.trackingNo]).toEqual(['delivered', 'EA123456785CN']);
  });
  test('a clerk of another level cannot deliver', () => {
    expect(run(linked, TO_ISSUED).can(deliver(townClerk, 'pickup'))).toBe(false);
  });
  test('COMPLETE by the applicant after delivery completes the case', () => {
    const snap = run(linked, [...TO_ISSUED, deliver(villageClerk, 'post', 'EA123456785CN'), { type: 'COMPLETE', actor: applicant }]);
    expect(snap.value).toBe('completed');
  });
  test('COMPLETE by the system after delivery completes the case', () => {
    const snap = run(linked, [...TO_ISSUED, deliver(villageClerk, 'post', 'EA123456785CN'), { type: 'COMPLETE', actor: system }]);
    expect(snap.value).toBe('completed');
  });
  test('COMPLETE by a reviewer of another department is refused', () => {
    const snap = run(linked, [...TO_ISSUED, deliver(villageClerk, 'post', 'EA123456785CN')]);
    expect(snap.can({ type: 'COMPLETE', actor: cityHealth })).toBe(false);
  });
});

describe('CHOOSE_DELIVERY', () => {
  const choose = (a: EventActor, mode: 'pickup' | 'post' | 'electronic', address?: string): CaseEvent => ({ type: 'CHOOSE_DELIVERY', actor: a, mode, address });
  test('the applicant may choose while the case is under review, and it stays where it is', () => {
    const before = run(linked, [SUBMIT, accept(villageClerk)]);
    const after = send(linked, before, choose(applicant, 'electronic'));
    expect([after.value, after.context.stepIndex]).toEqual([before.value, before.context.stepIndex]);
    expect(before.can(choose(applicant, 'electronic'))).toBe(true);
  });
  test('after the licence is issued the applicant may still choose', () => {
    expect(run(linked, TO_ISSUED).can(choose(applicant, 'pickup'))).toBe(true);
  });
  test('post without an address is refused', () => {
    expect(run(linked, [SUBMIT]).can(choose(applicant, 'post'))).toBe(false);
  });
  test('post with an address is taken', () => {
    expect(run(linked, [SUBMIT]).can(choose(applicant, 'post', '温州市鹿城区五马街 1 号'))).toBe(true);
  });
  test('a clerk cannot choose for the applicant', () => {
    expect(run(linked, [SUBMIT]).can(choose(villageClerk, 'pickup'))).toBe(false);
  });
  test('once delivered the choice is refused', () => {
    const snap = run(linked, [...TO_ISSUED, { type: 'DELIVER', actor: villageClerk, mode: 'post', trackingNo: 'EA123456785CN' }]);
    expect(snap.can(choose(applicant, 'pickup'))).toBe(false);
  });
  // Root-level transitions were still taken in final states: a withdrawn case "moved" withdrawn → withdrawn.
  test.each([
    ['withdrawn', [...TO_ACCEPTANCE, withdraw(applicant)]],
    ['refused', [...TO_ACCEPTANCE, refuse(villageClerk)]],
    ['denied', [...TO_DECISION, deny(cityMarket)]],
    ['completed', [...TO_ISSUED, { type: 'DELIVER', actor: villageClerk, mode: 'pickup', signedBy: '张小明' }]],
    ['completed after post', [...TO_ISSUED, { type: 'DELIVER', actor: villageClerk, mode: 'post', trackingNo: 'EA123456785CN' }, { type: 'COMPLETE', actor: applicant }]],
  ] as [string, CaseEvent[]][])('a %s case takes no choice of delivery and no clock warning, and its snapshot stays the same', (_name, events) => {
    const snap = run(linked, events);
    expect(snap.status).toBe('done');
    const events2: CaseEvent[] = [
      choose(applicant, 'pickup'),
      choose(proxy, 'electronic'),
      choose(applicant, 'post', '温州市鹿城区五马街 1 号'),
      { type: 'CLOCK_WARNING', actor: system, light: 'red' },
    ];
    expect(events2.map((e) => snap.can(e))).toEqual([false, false, false, false]);
    for (const e of events2) expect(send(linked, snap, e)).toBe(snap);
  });
});

describe('centre steps at every filing level', () => {
  /** The seed's shape: accept and deliver at the filing centre (no department), the rest at the market department. */
  const seedRoute = (accept: Level, decide: Level): Route => [
    { kind: 'accept', level: accept, limitDays: 5 },
    ...(['city', 'county', 'town'] as Level[])
      .filter((l) => levelRank(l) < levelRank(accept) && levelRank(l) > levelRank(decide))
      .reverse()
      .map((level) => ({ kind: 'review' as const, level, department: 'market', limitDays: 20 })),
    { kind: 'decide', level: decide, department: 'market', limitDays: 20 },
    { kind: 'issue', level: decide, department: 'market', limitDays: 10 },
    { kind: 'deliver', level: accept, limitDays: 10 },
  ];
  /** [filed at, the item's lowest accept level, decided at] */
  const cases: [Level, Level, Level][] = [
    ['village', 'village', 'county'],
    ['town', 'village', 'city'],
    ['town', 'town', 'province'],
    ['county', 'county', 'county'],
    ['city', 'city', 'city'],
    ['province', 'province', 'province'],
  ];
  test.each(cases)('filed at a %s centre (item from %s, decided at %s): its clerk accepts and delivers, the departments review, decide and issue', (filed, lowest, decide) => {
    const route = routeForCentre(seedRoute(lowest, decide), filed);
    const m = buildCaseMachine(route);
    const clerk = actor('clerk', filed);
    const reviewerAt = (l: Level) => actor('reviewer', l, 'market');
    let snap = run(m, [SUBMIT]);
    // Nobody but the filing centre's clerk accepts: not the reviewer at that level, not another level's clerk.
    const others = [reviewerAt(filed), actor('reviewer', filed, 'health'), ...(['village', 'town', 'county', 'city', 'province'] as Level[]).filter((l) => l !== filed).map((l) => actor('clerk', l))];
    expect(others.filter((a) => snap.can(accept(a)))).toEqual([]);
    snap = run(m, [SUBMIT, accept(clerk)]);
    for (const step of route.slice(1, -2)) {
      const a = step.kind === 'review' && (step.level === 'town' || step.level === 'village') ? actor('clerk', step.level) : reviewerAt(step.level);
      const e = step.kind === 'decide' ? approve(a) : forward(a);
      // The filing centre's clerk works no step but its own, even one at its own level.
      expect(snap.can(step.kind === 'decide' ? approve(clerk) : forward(clerk))).toBe(false);
      expect(snap.can(e)).toBe(true);
      snap = send(m, snap, e);
    }
    expect(snap.value).toBe('approved');
    expect(snap.can(issue(clerk))).toBe(false);
    snap = send(m, snap, issue(reviewerAt(decide)));
    const deliver: CaseEvent = { type: 'DELIVER', actor: clerk, mode: 'pickup', signedBy: '张小明' };
    expect(snap.can({ ...deliver, actor: reviewerAt(filed) })).toBe(false);
    snap = send(m, snap, deliver);
    expect(snap.value).toBe('completed');
  });
});

describe('WITHDRAW', () => {
  test.each([
    ['submitted', []],
    ['acceptanceReview', TO_ACCEPTANCE],
    ['awaitingMaterials', [...TO_ACCEPTANCE, requestMaterials(villageClerk)]],
    ['review', TO_COUNTY_REVIEW],
    ['decision', TO_DECISION],
    ['special', [...TO_DECISION, startSpecial(cityMarket)]],
  ] as [string, CaseEvent[]][])('the applicant may withdraw from %s', (state, events) => {
    const snap = run(linked, events);
    expect(snap.value).toBe(state);
    expect(send(linked, snap, withdraw(applicant)).value).toBe('withdrawn');
  });
  test('a proxy agent may withdraw for the applicant', () => {
    expect(send(linked, run(linked, TO_DECISION), withdraw(proxy)).value).toBe('withdrawn');
  });
  test('a clerk cannot withdraw a case', () => {
    expect(run(linked, TO_ACCEPTANCE).can(withdraw(villageClerk))).toBe(false);
  });
  test('withdrawal is refused after approval', () => {
    expect([run(linked, TO_APPROVED).can(withdraw(applicant)), run(linked, TO_ISSUED).can(withdraw(applicant))]).toEqual([false, false]);
  });
  test('a withdrawn case accepts nothing more', () => {
    const snap = run(linked, [...TO_ACCEPTANCE, withdraw(applicant)]);
    expect([snap.status, snap.can(accept(villageClerk)), snap.can(SUBMIT)]).toEqual(['done', false, false]);
  });
});

describe('tags', () => {
  test('exactly awaitingMaterials and special carry the paused tag', () => {
    const reached: Record<string, Snap> = {
      submitted: run(linked, []),
      acceptanceReview: run(linked, TO_ACCEPTANCE),
      awaitingMaterials: run(linked, [...TO_ACCEPTANCE, requestMaterials(villageClerk)]),
      review: run(linked, TO_TOWN_REVIEW),
      decision: run(linked, TO_DECISION),
      special: run(linked, [...TO_COUNTY_REVIEW, startSpecial(countyMarket)]),
      approved: run(linked, TO_APPROVED),
      issued: run(linked, TO_ISSUED),
      delivered: run(linked, [...TO_ISSUED, { type: 'DELIVER', actor: villageClerk, mode: 'post', trackingNo: 'EA123456785CN' }]),
      completed: run(linked, [...TO_ISSUED, { type: 'DELIVER', actor: villageClerk, mode: 'pickup', signedBy: '张小明' }]),
      refused: run(linked, [...TO_ACCEPTANCE, refuse(villageClerk)]),
      denied: run(linked, [...TO_DECISION, deny(cityMarket)]),
      withdrawn: run(linked, [withdraw(applicant)]),
    };
    for (const [name, snap] of Object.entries(reached)) expect([name, snap.value]).toEqual([name, name]);
    const paused = Object.entries(reached)
      .filter(([, snap]) => snap.hasTag('paused'))
      .map(([name]) => name);
    expect(paused).toEqual(['awaitingMaterials', 'special']);
  });
});

describe('buildCaseMachine', () => {
  test('throws on a route without a decide step', () => {
    const bad: Route = [
      { kind: 'accept', level: 'village', limitDays: 5 },
      { kind: 'issue', level: 'city', department: 'market', limitDays: 10 },
      { kind: 'deliver', level: 'village', limitDays: 10 },
    ];
    expect(() => buildCaseMachine(bad)).toThrow(/invalid route: .*decide/);
  });
  test('throws on a route whose issue step does not follow the decide step', () => {
    const bad: Route = [LINKED[0]!, LINKED[3]!, LINKED[1]!, LINKED[4]!, LINKED[5]!];
    expect(() => buildCaseMachine(bad)).toThrow(/invalid route/);
  });
  test('a running case keeps its route in the context', () => {
    expect(run(county, TO_ACCEPTANCE).context.route).toBe(COUNTY);
  });
});
