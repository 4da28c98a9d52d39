import { Api, buildCase, DEMO } from '../helpers/api';
import { startTestServer, type TestServer } from '../helpers/testServer';
import { insertProject, tieCase, userId } from '../helpers/projectClockFactories';
import { loadProjectClock, refreshProjectClock, staleProjectClocks } from '../../server/projects/projectClockView';
import { ProjectClockPass } from '../../server/projects/projectClockPass';
import { projectIntervals } from '../../db/repositories/projects/projectIntervals';
import { buildAgency, buildCompletedOrder, buildServiceItem } from '../helpers/marketFactories';

/*
 * A project's two clocks from real cases filed and moved over HTTP, on a
 * clock the test controls (10:00 in China each day). Counted by hand on the
 * 2024 calendar (National Day 10-01..10-07 off; Sun 09-29 and Sat 10-12 worked):
 *
 * Case A (village accepts, town reviews, county decides):
 *   filed Mon 09-23 → asked for materials Wed 09-25: 2 days government approval at the village;
 *   09-25 → supplied Wed 10-09: owner preparation (补正), not counted;
 *   10-09 → accepted Thu 10-10 (village) → forwarded Fri 10-11 (town) → at the county's decision.
 * Case B: filed Sun 10-20, asked for materials Mon 10-21 (inside A's counted time), waits for the owner.
 * On Fri 10-25: whole clock 2 + 16 = 18 days. Approval in working days: 09-23..09-25 = 2;
 *   10-09 10:00 → 10-25 10:00: 14 h + 10-10, 10-11, 10-12*, 10-14..10-18, 10-21..10-24 (12) + 10 h = 13; total 15.
 * Then A's decision pauses for an intermediary the owner hires (no government-paid order): on 11-05 both
 * clocks still read 18 and 15; the county held the project longest (10-11 → 10-25, 14 days).
 */
const chinaMorning = (date: string) => new Date(`${date}T02:00:00Z`);

describe('a project clock from real cases', () => {
  let srv: TestServer;
  let api: Api;
  let now = chinaMorning('2024-09-23');
  const on = (date: string) => void (now = chinaMorning(date));
  let project: { id: number; code: string };
  beforeAll(async () => {
    srv = await startTestServer({ now: () => now });
    api = new Api(srv.url);
  });
  afterAll(() => srv.close());
  const knex = () => srv.ctx.db.knex;
  const ok = (res: { status: number; body: any }) => {
    if (res.status !== 200) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };

  it('counts the government\'s time of parallel cases once and skips the owner\'s', async () => {
    project = await insertProject(knex(), { jurisdictionCode: DEMO.townCode, ownerUserId: await userId(knex(), 'applicant'), codedOn: '2024-09-20' });
    on('2024-09-23');
    const a = await api.file(buildCase({ itemCode: DEMO.countyItemCode }));
    await tieCase(knex(), project.id, 1, a.caseNo);
    on('2024-09-25');
    ok(await api.act('clerk.village', a.caseNo, { type: 'REQUEST_MATERIALS', missing: ['营业执照'] }));
    on('2024-10-09');
    ok(await api.request('POST', `/api/cases/${a.caseNo}/actions`, { body: { type: 'SUPPLY_MATERIALS', materials: ['营业执照'] }, headers: { 'x-query-code': a.queryCode } }));
    on('2024-10-10');
    ok(await api.act('clerk.village', a.caseNo, { type: 'ACCEPT' }));
    on('2024-10-11');
    expect(ok(await api.act('clerk.town', a.caseNo, { type: 'FORWARD', opinion: '初审同意，报区局' })).case.state).toBe('decision');
    on('2024-10-20');
    const b = await api.file(buildCase({ itemCode: DEMO.countyItemCode }));
    await tieCase(knex(), project.id, 1, b.caseNo);
    on('2024-10-21');
    ok(await api.act('clerk.village', b.caseNo, { type: 'REQUEST_MATERIALS', missing: ['营业执照'] }));
    on('2024-10-25');

    const clock = (await loadProjectClock(srv.ctx, knex(), project.id))!;
    expect(clock.project.code).toBe(project.code);
    expect(clock.whole).toEqual({ counted: 18, limit: 100, light: 'green', percent: 18 });
    expect(clock.approval).toEqual({ counted: 15, limit: 30, light: 'green', percent: 50 });
    const intervals = await projectIntervals(knex(), project.id);
    const ofA = intervals.filter((i) => i.source.ref === a.caseNo).map((i) => [i.kind, i.source.desk?.jurisdictionCode, i.from.slice(0, 10)]);
    expect(ofA).toEqual([
      ['government_approval', DEMO.villageCode, '2024-09-23'],
      ['owner_preparation', DEMO.villageCode, '2024-09-25'],
      ['government_approval', DEMO.villageCode, '2024-10-09'],
      ['government_approval', DEMO.townCode, '2024-10-10'],
      ['government_approval', DEMO.countyCode, '2024-10-11'],
    ]);
    // A village or town centre has no department; the county's desk is its department's.
    expect(intervals.filter((i) => i.source.ref === a.caseNo).map((i) => i.source.desk?.department)).toEqual([null, null, null, null, DEMO.department]);
  });

  it('stops counting while the cases wait for the owner\'s intermediary and materials; the county held it longest', async () => {
    const a = (await knex()('project_stage_cases').where({ project_id: project.id }).orderBy('case_id').first('case_no')).case_no;
    ok(await api.act('reviewer.county', a, { type: 'START_SPECIAL', procedure: 'intermediary', reason: '业主委托测绘' }));
    on('2024-11-05');
    const clock = (await loadProjectClock(srv.ctx, knex(), project.id))!;
    expect(clock.whole.counted).toBe(18);
    expect(clock.approval.counted).toBe(15);
    expect(clock.longestDesk).toMatchObject({ desk: { jurisdictionCode: DEMO.countyCode, department: DEMO.department }, days: 14, name: '鹿城区 · 市场监督管理局' });
    expect(clock.intervals.filter((i) => i.source.ref === a).map((i) => i.desk?.name)).toEqual(['安澜社区', '安澜社区', '安澜社区', '五马街道', '鹿城区 · 市场监督管理局', '鹿城区 · 市场监督管理局']);
    expect(clock.timeline.map((s) => [s.kind, s.counted, s.from.slice(0, 10), s.to.slice(0, 10)])).toEqual([
      ['government_approval', true, '2024-09-23', '2024-09-25'],
      ['owner_preparation', false, '2024-09-25', '2024-10-09'],
      ['government_approval', true, '2024-10-09', '2024-10-25'],
      ['owner_intermediary', false, '2024-10-25', '2024-11-05'],
    ]);
  });

  it('writes the counted days and the light on the project row', async () => {
    await knex().transaction((trx) => refreshProjectClock(srv.ctx, trx, project.id));
    expect(await knex()('projects').where({ id: project.id }).first('counted_days', 'counted_working_days', 'light')).toEqual({ counted_days: 18, counted_working_days: 15, light: 'green' });
  });

  it('counts a declared utility wait on the whole clock, not on the approval clock', async () => {
    await knex()('project_waits').insert({ project_id: project.id, kind: 'utility', note: '供水接入', started_at: '2024-11-05 02:00:00.000', ended_at: '2024-11-15 02:00:00.000' });
    on('2024-11-20');
    const clock = (await loadProjectClock(srv.ctx, knex(), project.id))!;
    expect(clock.whole.counted).toBe(28);
    expect(clock.approval.counted).toBe(15);
    expect(clock.intervals.some((i) => i.source.type === 'wait' && i.source.label === '供水接入')).toBe(true);
    // The stored read model (18/15, written on 11-05) is now stale; refreshed, it is not.
    expect((await staleProjectClocks(srv.ctx, knex())).find((p) => p.id === project.id)).toEqual({ id: project.id, code: project.code, countedDays: 28, countedWorkingDays: 15, light: 'green', lightChanged: false });
    await knex().transaction((trx) => refreshProjectClock(srv.ctx, trx, project.id));
    expect((await staleProjectClocks(srv.ctx, knex())).some((p) => p.id === project.id)).toBe(false);
  });

  it('answers the clock over HTTP to the owner and the staff of the jurisdiction, not to a village below it', async () => {
    const owner = await api.as('applicant', 'GET', `/api/projects/${project.code}/clock`);
    expect(owner.status).toBe(200);
    expect(owner.body).toMatchObject({ project: { code: project.code }, whole: { counted: 28, limit: 100 }, approval: { counted: 15, limit: 30 }, light: 'green' });
    expect((await api.as('supervisor.county', 'GET', `/api/projects/${project.code}/clock`)).status).toBe(200);
    const village = await api.as('clerk.village', 'GET', `/api/projects/${project.code}/clock`);
    expect([village.status, village.body.error.code]).toEqual([404, 'PROJECT_NOT_FOUND']);
    const bad = await api.as('applicant', 'GET', '/api/projects/2024-33030-47-03-000001/clock');
    expect([bad.status, bad.body.error.code, bad.body.error.details]).toEqual([422, 'PROJECT_CODE_MALFORMED', { problem: 'length' }]);
  });

  it('puts the project closest to its 100 days first on the supervisor\'s board, with the slowest desk', async () => {
    // A second project with one case filed on 11-18 at the village and not yet accepted: 2 days counted.
    const near = await insertProject(knex(), { jurisdictionCode: DEMO.townCode, ownerUserId: await userId(knex(), 'applicant'), codedOn: '2024-11-18', stage: 2 });
    on('2024-11-18');
    await tieCase(knex(), near.id, 2, (await api.file(buildCase({ itemCode: DEMO.countyItemCode }))).caseNo);
    on('2024-11-20');
    const board = await api.as('supervisor.county', 'GET', '/api/projects/board?pageSize=100');
    expect(board.status).toBe(200);
    const codes = board.body.projects.map((p: any) => p.code);
    expect(codes.indexOf(project.code)).toBeLessThan(codes.indexOf(near.code));
    expect(board.body.projects.find((p: any) => p.code === near.code)).toMatchObject({ stage: 2, light: 'green', whole: { counted: 2 } });
    expect(board.body.total).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < board.body.projects.length; i++) {
      const [a, b] = [board.body.projects[i - 1].whole, board.body.projects[i].whole];
      expect(a.counted / a.limit).toBeGreaterThanOrEqual(b.counted / b.limit);
    }
    const county = board.body.slowestDesks.find((d: any) => d.jurisdictionCode === DEMO.countyCode && d.department === DEMO.department);
    expect(county).toMatchObject({ cases: 1, totalDays: 14, averageDays: 14 });
    expect(county.name).toContain('鹿城区');
    const stage2 = await api.as('supervisor.county', 'GET', '/api/projects/board?stage=2&light=green');
    expect(stage2.body.projects.every((p: any) => p.stage === 2 && p.light === 'green')).toBe(true);
    expect(stage2.body.projects.some((p: any) => p.code === near.code)).toBe(true);
    expect((await api.as('supervisor.county', 'GET', '/api/projects/board?light=blue')).status).toBe(400);
    // The board is the supervisors': a centre's clerk is refused; 瑞安市's supervisor sees none of 鹿城区's projects.
    expect((await api.as('clerk.county', 'GET', '/api/projects/board')).status).toBe(403);
    const username = `sup.ruian.${Date.now()}`;
    const made = await api.as('admin', 'POST', '/api/users', { username, displayName: '瑞安市效能监察员', password: 'matrix-1234', role: 'supervisor', jurisdictionCode: '330381000000' });
    expect(made.status).toBe(201);
    const login = await api.request('POST', '/api/auth/login', { body: { username, password: 'matrix-1234' } });
    const ruian = await api.request('GET', '/api/projects/board', { token: login.body.token });
    expect([ruian.status, ruian.body.total, ruian.body.projects]).toEqual([200, 0, []]);
  });

  it('counts an intermediary the government pays for: the case\'s pause and the market order, once', async () => {
    // Filed and accepted Wed 11-20 10:00, paused at the town Thu 11-21 for a government-paid survey ordered that day; on Tue 11-26:
    // whole 1 + 5 = 6 days; approval only 11-20 10:00 → 11-21 10:00 = 1 working day.
    const paid = await insertProject(knex(), { jurisdictionCode: DEMO.townCode, ownerUserId: await userId(knex(), 'applicant'), codedOn: '2024-11-19' });
    on('2024-11-20');
    const c = await api.file(buildCase({ itemCode: DEMO.countyItemCode }));
    await tieCase(knex(), paid.id, 1, c.caseNo);
    ok(await api.act('clerk.village', c.caseNo, { type: 'ACCEPT' }));
    on('2024-11-21');
    ok(await api.act('clerk.town', c.caseNo, { type: 'START_SPECIAL', procedure: 'intermediary', reason: '政府委托宗地测绘' }));
    const item = await buildServiceItem(knex(), { governmentPaid: true });
    const agency = await buildAgency(knex(), { services: [item.code] });
    const order = await buildCompletedOrder(knex(), { agencyId: agency.id, ownerUserId: await userId(knex(), 'reviewer.county'), serviceItemCode: item.code, state: 'in_service', caseNo: c.caseNo });
    await knex()('market_orders').where({ id: order.id }).update({ created_at: '2024-11-21 02:00:00.000' });
    on('2024-11-26');
    const clock = (await loadProjectClock(srv.ctx, knex(), paid.id))!;
    expect(clock.intervals.map((i) => [i.source.type, i.kind, i.from.slice(0, 10), i.to?.slice(0, 10) ?? null])).toEqual([
      ['case', 'government_approval', '2024-11-20', '2024-11-21'],
      ['case', 'government_intermediary', '2024-11-21', null],
      ['order', 'government_intermediary', '2024-11-21', null],
    ]);
    expect([clock.whole.counted, clock.approval.counted]).toEqual([6, 1]);
    // Not government-paid: the same pause is the owner's, and stops the count.
    await knex()('market_service_items').where({ code: item.code }).update({ government_paid: false });
    const owners = (await loadProjectClock(srv.ctx, knex(), paid.id))!;
    expect(owners.intervals.map((i) => i.kind)).toEqual(['government_approval', 'owner_intermediary', 'owner_intermediary']);
    expect(owners.whole.counted).toBe(1);
  });

  it('refreshes every stale clock in one pass, and then finds none', async () => {
    on('2024-12-20');
    const seen: number[] = [];
    const pass = new ProjectClockPass(srv.ctx, async (trx, stale) => {
      seen.push(stale.id);
      await refreshProjectClock(srv.ctx, trx, stale.id);
    });
    // The second project's case has sat at the village since Mon 11-18 10:00: 32 days on 12-20; the first one's clock stood still.
    const near = await knex()('projects').where({ coded_on: '2024-11-18' }).first('id');
    expect(await pass.tick()).toBe(seen.length);
    expect(seen).toContain(Number(near.id));
    expect(seen).not.toContain(project.id);
    expect(await knex()('projects').where({ id: near.id }).first('counted_days', 'light')).toEqual({ counted_days: 32, light: 'green' });
    expect(await staleProjectClocks(srv.ctx, knex())).toEqual([]);
    expect(await pass.tick()).toBe(0);
  });
});
