import type { CaseUrged } from '../../workflows/socketContract';
import { Scheduler } from '../../server/scheduler';
import { Api, buildCase } from '../helpers/api';
import { closeAll, connect, waitUntil, type ClientSocket } from '../helpers/sockets';
import { startLiveServer } from '../helpers/sockets';
import type { TestServer } from '../helpers/testServer';

/*
 * Returns, amendments and urging over real HTTP and real sockets, with the
 * server's clock under the test's control (as tests/integration/clock.test.ts).
 * The demo city item runs 安澜社区 (accept) → 五马街道 (review) → 鹿城区 market
 * (review) → 温州市 market (decide).
 */
const chinaMorning = (date: string) => new Date(`${date}T02:00:00Z`);

describe('returns, amendments and urging', () => {
  let srv: TestServer;
  const api = new Api('');
  let now = chinaMorning('2024-10-14');
  const sockets: ClientSocket[] = [];
  beforeAll(async () => {
    srv = await startLiveServer('urging', { now: () => now, env: { ESCALATE_AFTER_RED_DAYS: '3' } });
    api.baseUrl = srv.url;
  });
  afterAll(async () => {
    closeAll(sockets);
    await srv?.close();
  });

  const act = async (user: string, caseNo: string, action: Record<string, unknown>) => {
    const res = await api.act(user, caseNo, action);
    expect({ user, type: action.type, status: res.status, body: res.status === 200 ? null : res.body }).toEqual({ user, type: action.type, status: 200, body: null });
    return res.body;
  };
  const toCounty = async () => {
    const filed = await api.file(buildCase(), 'applicant');
    await act('clerk.village', filed.caseNo, { type: 'ACCEPT' });
    await act('clerk.town', filed.caseNo, { type: 'FORWARD', opinion: '初审同意' });
    return filed as { caseNo: string; queryCode: string };
  };
  const queue = async (user: string) => (await api.as(user, 'GET', '/api/queue?limit=200')).body.cases as any[];
  const events = async (caseNo: string) => (await api.as('supervisor.city', 'GET', `/api/cases/${caseNo}/events`)).body.events as any[];
  /** A socket of `user` recording every case:urged it is sent. */
  const listen = async (user: string) => {
    const s = await connect(srv.url, { token: await api.token(user) });
    sockets.push(s);
    const got: CaseUrged[] = [];
    s.on('case:urged', (e) => got.push(e));
    return got;
  };

  it('marks a returned case in the receiving desk’s queue, records an amendment, and clears the mark on forwarding', async () => {
    now = chinaMorning('2024-10-14');
    const { caseNo } = await toCounty();
    await act('reviewer.county', caseNo, { type: 'RETURN', reason: '经营场所面积与平面图不符，请核实' });

    const mine = (await queue('clerk.town')).find((c) => c.caseNo === caseNo);
    expect(mine.returned).toMatchObject({ reason: '经营场所面积与平面图不符，请核实', fromLevel: 'county', fromDepartment: 'market' });
    const opened = await api.as('clerk.town', 'GET', `/api/cases/${caseNo}`);
    expect(opened.body.returned.reason).toBe('经营场所面积与平面图不符，请核实');
    expect(opened.body.actions).toEqual(expect.arrayContaining(['FORWARD', 'AMEND']));

    // Who, which level, when and why: the RETURN row of the history.
    const ret = (await events(caseNo)).find((e) => e.type === 'RETURN');
    expect(ret).toMatchObject({ level: 'county', opinion: '经营场所面积与平面图不符，请核实', actor: { role: 'reviewer' } });

    const bad = await api.act('clerk.town', caseNo, { type: 'AMEND', reason: '', addMaterials: ['平面图'] });
    expect(bad.status).toBe(422);
    const none = await api.act('clerk.town', caseNo, { type: 'AMEND', reason: '更正' });
    expect(none.status).toBe(409);
    const amended = await act('clerk.town', caseNo, {
      type: 'AMEND',
      reason: '申请人来电更正电话，补充修订后的平面图',
      changes: { phone: '13900001111' },
      addMaterials: ['经营场所平面图（修订）'],
    });
    expect(amended.event).toMatchObject({ type: 'AMEND', opinion: '申请人来电更正电话，补充修订后的平面图', payload: { fields: ['phone'], addMaterials: ['经营场所平面图（修订）'] } });
    expect(JSON.stringify(amended.event.payload)).not.toContain('13900001111');
    expect(amended.case.applicant.phone).toBe('13900001111');
    expect(amended.case.materials).toContain('经营场所平面图（修订）');
    expect(amended.case).toMatchObject({ state: 'review', step: { level: 'town' } });
    expect((await events(caseNo)).map((e) => e.type)).toContain('AMEND');

    await act('clerk.town', caseNo, { type: 'FORWARD', opinion: '已核实，面积无误，再报' });
    expect((await queue('clerk.town')).some((c) => c.caseNo === caseNo)).toBe(false);
    const back = (await queue('reviewer.county')).find((c) => c.caseNo === caseNo);
    expect(back.returned).toBeNull();
    // The town no longer holds the file: it may not amend it.
    expect((await api.act('clerk.town', caseNo, { type: 'AMEND', reason: '更正', addMaterials: ['x'] })).status).toBe(409);
  });

  it('pins a supervisor’s urge at the top of the desk’s queue, live, and records the desk’s reply', async () => {
    now = chinaMorning('2024-10-14');
    const first = await toCounty();
    const urgedCase = await toCounty();
    const desk = await listen('reviewer.county');
    const boss = await listen('supervisor.city');
    expect((await queue('reviewer.county')).findIndex((c) => c.caseNo === urgedCase.caseNo)).toBeGreaterThan((await queue('reviewer.county')).findIndex((c) => c.caseNo === first.caseNo));

    const past = await api.act('supervisor.city', urgedCase.caseNo, { type: 'URGE', reason: '群众来电反映', replyBy: '2024-10-11' });
    expect(past.status).toBe(422);
    const urged = await act('supervisor.city', urgedCase.caseNo, { type: 'URGE', reason: '群众来电反映办理缓慢，请说明', replyBy: '2024-10-16' });
    expect(urged.event).toMatchObject({ type: 'URGE', opinion: '群众来电反映办理缓慢，请说明', actor: { role: 'supervisor' } });
    expect(urged.case.state).toBe('review');

    await waitUntil('the desk is sent the urge', () => desk.some((e) => e.caseNo === urgedCase.caseNo && e.kind === 'urge'));
    expect(desk.find((e) => e.kind === 'urge')).toMatchObject({ reason: '群众来电反映办理缓慢，请说明', replyBy: '2024-10-16', level: 'county' });
    const q = await queue('reviewer.county');
    expect(q[0]).toMatchObject({ caseNo: urgedCase.caseNo, urge: { reason: '群众来电反映办理缓慢，请说明', replyBy: '2024-10-16', byLevel: 'city' } });

    const reply = await act('reviewer.county', urgedCase.caseNo, { type: 'URGE_REPLY', reply: '已完成现场核查，今日报送' });
    expect(reply.event).toMatchObject({ type: 'URGE_REPLY', opinion: '已完成现场核查，今日报送' });
    await waitUntil('the supervisor is sent the reply', () => boss.some((e) => e.caseNo === urgedCase.caseNo && e.kind === 'reply'));
    expect((await queue('reviewer.county')).find((c) => c.caseNo === urgedCase.caseNo).urge).toBeNull();
    expect((await events(urgedCase.caseNo)).map((e) => e.type).slice(-2)).toEqual(['URGE', 'URGE_REPLY']);
    // Nothing to reply to any more.
    expect((await api.act('reviewer.county', urgedCase.caseNo, { type: 'URGE_REPLY', reply: '再答' })).status).toBe(409);
  });

  it('raises a case red for N working days to the supervisor of the level above, once, through the durable timer', async () => {
    now = chinaMorning('2024-10-14');
    const { caseNo } = await toCounty();
    const dueOn = (await api.as('supervisor.city', 'GET', `/api/cases/${caseNo}`)).body.promise.dueOn as string;
    expect(dueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const cal = srv.ctx.calendar;
    const above = await listen('supervisor.city');
    const scheduler = new Scheduler(srv.ctx, 'urging-test');
    const escalations = async () => (await events(caseNo)).filter((e) => e.type === 'ESCALATE');

    now = chinaMorning(cal.addWorkingDays(dueOn, 2)); // overdue two working days: not yet
    await scheduler.tick();
    expect(await escalations()).toEqual([]);

    now = chinaMorning(cal.addWorkingDays(dueOn, 3));
    await scheduler.tick();
    const [raised] = await escalations();
    expect(raised).toMatchObject({ actor: { role: 'system' }, payload: { dueOn, toLevel: 'city', toJurisdiction: '330300000000', overdueDays: 3 } });
    await waitUntil('the city supervisor is sent the escalation', () => above.some((e) => e.caseNo === caseNo && e.kind === 'escalate'));
    expect(above.find((e) => e.kind === 'escalate')).toMatchObject({ level: 'city', jurisdictionCode: '330300000000', overdueDays: 3 });
    expect((await api.as('supervisor.city', 'GET', `/api/cases/${caseNo}`)).body.escalatedFor).toBe(dueOn);

    now = chinaMorning(cal.addWorkingDays(dueOn, 5));
    await scheduler.tick();
    expect(await escalations()).toHaveLength(1);
    const listed = await api.as('supervisor.city', 'GET', '/api/urgings');
    expect(listed.status).toBe(200);
    expect(listed.body.urgings.some((u: any) => u.caseNo === caseNo && u.kind === 'escalate')).toBe(true);
  });

  it('lets the applicant of an overdue case urge once per working day', async () => {
    now = chinaMorning('2024-10-14');
    const { caseNo, queryCode } = await toCounty();
    const early = await api.act('applicant', caseNo, { type: 'APPLICANT_URGE', reason: '请尽快办理' });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('NOT_OVERDUE');

    const dueOn = (await api.as('applicant', 'GET', `/api/cases/${caseNo}`)).body.promise.dueOn as string;
    const cal = srv.ctx.calendar;
    const day = cal.addWorkingDays(dueOn, 1);
    now = chinaMorning(day);
    const desk = await listen('reviewer.county');
    expect((await api.as('applicant', 'GET', `/api/cases/${caseNo}`)).body.actions).toContain('APPLICANT_URGE');
    const urged = await act('applicant', caseNo, { type: 'APPLICANT_URGE', reason: '已超期，请尽快办理' });
    expect(urged.event).toMatchObject({ type: 'APPLICANT_URGE', actor: { role: 'applicant' } });
    await waitUntil('the desk is sent the 催办', () => desk.some((e) => e.caseNo === caseNo && e.kind === 'applicant'));
    expect((await api.as('applicant', 'GET', `/api/cases/${caseNo}`)).body.actions).not.toContain('APPLICANT_URGE');

    // The same working day, by account or by query code: refused with the next allowed date.
    const again = await api.act('applicant', caseNo, { type: 'APPLICANT_URGE' });
    expect(again.status).toBe(429);
    expect(again.body.error).toMatchObject({ code: 'ALREADY_URGED_TODAY', details: { nextAllowedOn: cal.addWorkingDays(day, 1) } });
    const byCode = await api.request('POST', `/api/cases/${caseNo}/actions`, { body: { type: 'APPLICANT_URGE' }, headers: { 'x-query-code': queryCode } });
    expect(byCode.status).toBe(429);

    now = chinaMorning(cal.addWorkingDays(day, 1));
    await act('applicant', caseNo, { type: 'APPLICANT_URGE' });
    expect((await events(caseNo)).filter((e) => e.type === 'APPLICANT_URGE')).toHaveLength(2);
  });
});
