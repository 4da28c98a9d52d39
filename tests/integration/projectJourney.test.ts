import type { ProjectUpdated } from '../../workflows/socketContract';
import { Api } from '../helpers/api';
import { approveToEnd, INVESTOR, registerProjectVia, uploadStageFile } from '../helpers/projectFactories';
import { agentOf } from '../helpers/proxyFactories';
import { closeAll, connect, startLiveServer, waitUntil, type ClientSocket } from '../helpers/sockets';
import type { TestServer } from '../helpers/testServer';

/*
 * Issue 13 as it will be judged, over real HTTP and real sockets, on a clock
 * the test moves (10:00 in China each day): an investor registers a project and
 * asks for free proxy service; the county centre dispatches it, the first agent
 * declines, the next accepts; the agent starts stage 1 for the owner, which
 * files its two cases at once at the county and the city; they move at their own
 * levels, live for the owner and the county's supervisors; the city case is
 * paused for a survey the owner hires and the counted days stand still; the
 * stage finishes; the supervisor's board names the project and the desk that
 * held it longest.
 */
const day = (d: string) => Date.parse(`${d}T02:00:00Z`);
const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`);

describe('an investment project with a free proxy agent, end to end', () => {
  const api = new Api('');
  const clock = { now: day('2026-12-07') }; // a Monday
  let srv: TestServer;
  const inbox: Record<string, ProjectUpdated[]> = { investor: [], 'supervisor.county': [], agent2: [], intermediary: [] };
  const sockets: ClientSocket[] = [];

  beforeAll(async () => {
    srv = await startLiveServer('project-journey', { now: () => new Date(clock.now) });
    api.baseUrl = srv.url;
    for (const user of Object.keys(inbox)) {
      const s = await connect(srv.url, { token: await api.token(user) });
      s.on('project:updated', (e) => inbox[user]!.push(e));
      sockets.push(s);
    }
  }, 60_000);
  afterAll(async () => {
    closeAll(sockets);
    await srv?.close();
  });

  const detail = async (code: string, who = INVESTOR) => (await api.as(who, 'GET', `/api/projects/${code}`)).body;
  const ok = (res: { status: number; body: unknown }, what: string) => {
    if (res.status !== 200 && res.status !== 201) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
    return res;
  };

  it('registers, is dispatched, declined and redispatched, files a stage in parallel, stops counting for the owner’s survey, and finishes', async () => {
    const { project } = await registerProjectVia(api, { name: '瓯越总部经济园' });
    const code = project.code as string;
    expect(code).toMatch(/^2026-330302-70-03-\d{6}$/);

    // 代办: the owner asks for stage 1 (agent2 serves stages 1–2) and signs the entrustment it was shown.
    const q = new URLSearchParams({ scope: 'stage', stage: '1', projectCode: code, request: '请代办瓯越总部经济园立项用地规划许可' });
    const text = ok(await api.as(INVESTOR, 'GET', `/api/proxy-orders/entrustment?${q}`), 'entrustment');
    const asked = ok(await api.as(INVESTOR, 'POST', '/api/proxy-orders', { projectCode: code, scope: 'stage', stage: 1, request: '请代办瓯越总部经济园立项用地规划许可', ownerPhone: '13957700001', signature: { name: '陈瓯越', consent: true, textSha256: (text.body as { textSha256: string }).textSha256 } }), 'request');
    const no = (asked.body as { order: { orderNo: string } }).order.orderNo;
    const agent = await agentOf(srv.ctx.db.knex, 'agent');
    const agent2 = await agentOf(srv.ctx.db.knex, 'agent2');
    const sent = ok(await api.as('clerk.county', 'POST', `/api/proxy-orders/${no}/dispatch`, {}), 'dispatch').body as { order: { agent: { id: number } } };
    expect(sent.order.agent.id).toBe(agent.id);
    // Before it accepts, the agent may not act for the owner.
    expect((await api.as('agent', 'POST', `/api/projects/${code}/stages/1/start`, { description: 'x' })).status).toBe(404);
    const declined = ok(await api.as('agent', 'POST', `/api/proxy-orders/${no}/decline`, { reason: '本周在外培训，改派他人' }), 'decline').body as { order: { state: string; agent: { id: number } } };
    expect(declined.order).toMatchObject({ state: 'dispatched', agent: { id: agent2.id } });
    ok(await api.as('agent2', 'POST', `/api/proxy-orders/${no}/accept`, {}), 'accept');

    // The agent files stage 1 for the owner: one set of materials, every item at once, at the county and the city.
    clock.now = day('2026-12-08');
    for (const material of ['申请书', '营业执照']) expect((await uploadStageFile(api, 'agent2', code, 1, { material, bytes: pdf(material), name: `${material}.pdf` })).status).toBe(201);
    const started = ok(await api.as('agent2', 'POST', `/api/projects/${code}/stages/1/start`, { description: '瓯越总部经济园立项用地规划许可', delivery: 'pickup' }), 'start').body as { filed: { caseNo: string; itemCode: string; centreCode: string }[] };
    const [county, city] = started.filed;
    expect([county!.centreCode, city!.centreCode]).toEqual(['330302000000', '330300000000']);
    const page = await detail(code);
    expect(page.history.find((e: { type: string }) => e.type === 'START_STAGE').payload.onBehalfOf).toEqual({ ownerName: '温州瓯越置业有限公司', proxyOrderNo: no });
    expect(page.stages[0].cases.map((c: { level: string }) => c.level)).toEqual(['county', 'city']);

    // They move at their own levels, live: the county case to its end, the city case accepted.
    clock.now = day('2026-12-09');
    await approveToEnd(api, county!.caseNo, '330302000000', 'drc');
    ok(await api.act('clerk.city', city!.caseNo, { type: 'ACCEPT' }), 'city accept');
    await waitUntil('the owner, the acting agent and the county supervisors see both cases move', () =>
      ['investor', 'supervisor.county', 'agent2'].every((u) => inbox[u]!.some((e) => e.code === code && e.type === 'CASE_DECIDED') && inbox[u]!.some((e) => e.code === code && e.type === 'CASE_MOVED')),
    );
    expect(inbox.intermediary!.some((e) => e.code === code)).toBe(false);
    const moving = (await detail(code)).stages[0].cases.map((c: { state: string }) => c.state);
    expect(moving).toEqual(['completed', 'decision']);

    // The city's desk pauses its case for a geological survey the owner hires: from then on nothing counts.
    clock.now = day('2026-12-10');
    ok(await api.act('reviewer-330300000000-resources', city!.caseNo, { type: 'START_SPECIAL', procedure: 'intermediary', reason: '业主自行委托地质勘察' }), 'pause');
    const before = (await detail(code)).clock;
    expect(before.whole.counted).toBeGreaterThan(0);
    clock.now = day('2026-12-21');
    const during = (await detail(code)).clock;
    expect([during.whole.counted, during.approval.counted]).toEqual([before.whole.counted, before.approval.counted]);
    expect(during.intervals.some((i: { kind: string; to: string | null }) => i.kind === 'owner_intermediary' && i.to === null)).toBe(true);

    // The survey is in; the city decides; the stage completes, live; the days count again, for the desk's day only.
    ok(await api.act('reviewer-330300000000-resources', city!.caseNo, { type: 'END_SPECIAL', opinion: '勘察报告已提交' }), 'resume');
    clock.now = day('2026-12-22');
    for (const [by, action] of [
      ['reviewer-330300000000-resources', { type: 'APPROVE', opinion: '符合法定条件，准予许可' }],
      ['reviewer-330300000000-resources', { type: 'ISSUE' }],
      ['clerk.city', { type: 'DELIVER', mode: 'pickup', signedBy: '陈瓯越' }],
    ] as const) ok(await api.act(by, city!.caseNo, action), action.type);
    await waitUntil('the stage completes, live for the owner', () => inbox.investor!.some((e) => e.code === code && e.type === 'COMPLETE_STAGE'));
    const done = await detail(code);
    expect(done.stages[0].state).toBe('completed');
    expect(done.clock.whole.counted).toBe(before.whole.counted + 1);
    const last = inbox.investor!.filter((e) => e.code === code).at(-1)!;
    expect(last.countedDays).toBe(done.clock.whole.counted);

    // The supervisor's board: the project, its days against 100, and the desk that held it longest.
    const board = ok(await api.as('supervisor.county', 'GET', '/api/projects/board?state=all'), 'board').body as { projects: { code: string; whole: { counted: number; limit: number }; longestDesk: { name: string } | null }[]; slowestDesks: { name: string }[] };
    const mine = board.projects.find((p) => p.code === code)!;
    expect(mine.whole).toMatchObject({ counted: done.clock.whole.counted, limit: 100 });
    expect(mine.longestDesk?.name).toBe(done.clock.longestDesk.name);
    expect(board.slowestDesks.length).toBeGreaterThan(0);
  }, 120_000);
});
