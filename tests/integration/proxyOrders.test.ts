import { ProxyScheduler } from '../../server/proxy/proxyScheduler';
import type { ProxyOrderUpdated } from '../../workflows/socketContract';
import { Api } from '../helpers/api';
import { agentOf, buildProject } from '../helpers/proxyFactories';
import { closeAll, connect, startLiveServer, waitUntil, type ClientSocket } from '../helpers/sockets';
import type { TestServer } from '../helpers/testServer';

/*
 * Free proxy orders (代办) over real HTTP, real sockets and the real durable
 * timer (its pass called directly, the clock moved by the test): request with
 * a signed entrustment → dispatch by the rule → decline → redispatched to the
 * next → accept → report → complete → rate; claim from the pool; timeout.
 */
const HOUR = 3_600_000;

describe('free proxy orders (网上无偿代办)', () => {
  const api = new Api('');
  const clock = { now: Date.parse('2026-12-03T02:00:00Z') };
  let srv: TestServer;
  let pass: ProxyScheduler;
  const inbox: Record<string, ProxyOrderUpdated[]> = { applicant: [], agent: [], agent2: [], 'clerk.county': [], 'supervisor.city': [], intermediary: [] };
  const sockets: ClientSocket[] = [];
  let agent: { id: number; userId: number };
  let agent2: { id: number; userId: number };

  async function request(projectCode: string | undefined, scope: 'full' | 'stage' = 'stage', stage = 1) {
    const q = new URLSearchParams({ scope, ...(scope === 'stage' ? { stage: String(stage) } : {}), ...(projectCode ? { projectCode } : {}), request: '请代办立项用地规划许可' });
    const e = await api.as('applicant', 'GET', `/api/proxy-orders/entrustment?${q}`);
    expect(e.status).toBe(200);
    return api.as('applicant', 'POST', '/api/proxy-orders', { projectCode, scope, ...(scope === 'stage' ? { stage } : {}), request: '请代办立项用地规划许可', ownerPhone: '13857700001', signature: { name: '张伟', consent: true, textSha256: e.body.textSha256 } });
  }
  const act = (user: string, no: string, action: string, body: Record<string, unknown> = {}) => api.as(user, 'POST', `/api/proxy-orders/${no}/${action}`, body);
  const order = async (no: string, user = 'applicant') => (await api.as(user, 'GET', `/api/proxy-orders/${no}`)).body;

  beforeAll(async () => {
    srv = await startLiveServer('proxy-orders', { now: () => new Date(clock.now) });
    api.baseUrl = srv.url;
    pass = new ProxyScheduler(srv.ctx);
    agent = await agentOf(srv.ctx.db.knex, 'agent');
    agent2 = await agentOf(srv.ctx.db.knex, 'agent2');
    for (const user of Object.keys(inbox)) {
      const s = await connect(srv.url, { token: await api.token(user) });
      s.on('proxy:updated', (e) => inbox[user]!.push(e));
      sockets.push(s);
    }
  }, 60_000);
  afterAll(async () => {
    closeAll(sockets);
    await srv?.close();
  });

  it('runs an order from the signed entrustment through a decline and redispatch to completion and rating, live for those involved', async () => {
    const project = await buildProject(srv.ctx.db.knex);
    const made = await request(project.code);
    expect(made.status).toBe(201);
    const no = made.body.order.orderNo as string;
    expect(made.body.order).toMatchObject({ state: 'requested', projectCode: project.code, scope: 'stage', stage: 1, owner: { name: '温州瓯越置业有限公司', phone: '13857700001' } });
    expect(made.body.order.entrustment.text).toContain('代办服务委托书');
    expect(made.body.order.entrustment.signer).toBe('张伟');
    // The agents of the area hear of it: it is in their pool.
    await waitUntil('the area’s agents hear of the request', () => [inbox.agent!, inbox.agent2!].every((box) => box.some((e) => e.orderNo === no && e.type === 'REQUEST')));
    // A second open order for the same project is refused.
    expect((await request(project.code)).body.error.code).toBe('PROXY_ALREADY_REQUESTED');

    // The county centre dispatches by the rule: agent (area, skills, load tied; lowest id) first.
    const d = await order(no, 'clerk.county');
    expect(d.order.actions).toContain('dispatch');
    expect(d.candidates.map((c: { id: number }) => c.id).slice(0, 2)).toEqual([agent.id, agent2.id]);
    expect((await act('agent', no, 'dispatch')).status).toBe(403);
    const dispatched = await act('clerk.county', no, 'dispatch');
    expect(dispatched.status).toBe(200);
    expect(dispatched.body.order).toMatchObject({ state: 'dispatched', agent: { id: agent.id }, answerBy: expect.any(String) });
    await waitUntil('the agent hears of the dispatch', () => inbox.agent!.some((e) => e.orderNo === no && e.type === 'DISPATCH'));

    // 退单: a reason is required; the order goes to the next agent by the rule at once, never back to the first.
    expect((await act('agent', no, 'decline', {})).status).toBe(422);
    // An agent the order was never offered to does not learn it exists.
    expect((await act('agent2', no, 'decline', { reason: 'x' })).status).toBe(404);
    const declined = await act('agent', no, 'decline', { reason: '本周在外培训' });
    expect(declined.status).toBe(200);
    expect(declined.body.order).toMatchObject({ state: 'dispatched', agent: { id: agent2.id }, declinedCount: 1 });
    await waitUntil('agent2 hears of the redispatch', () => inbox.agent2!.some((e) => e.orderNo === no && e.type === 'DISPATCH' && e.agentId === agent2.id));
    const seen = await order(no, 'clerk.county');
    expect(seen.offers.map((o: { agentId: number; answer: string | null }) => [o.agentId, o.answer])).toEqual([[agent.id, 'declined'], [agent2.id, null]]);
    expect(seen.history.map((h: { type: string }) => h.type)).toEqual(['REQUEST', 'DISPATCH', 'DECLINE', 'DISPATCH']);

    const accepted = await act('agent2', no, 'accept');
    expect(accepted.status).toBe(200);
    expect(accepted.body.order).toMatchObject({ state: 'in_service', dueOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect((await act('agent2', no, 'report', { reason: '已提交用地预审与选址意见书申请' })).status).toBe(200);
    expect((await act('agent2', no, 'complete', { reason: '立项用地规划许可阶段事项均已办结' })).status).toBe(422);
    const done = await act('agent2', no, 'complete', { reason: '立项用地规划许可阶段事项均已办结', results: '用地规划许可证已交还委托人' });
    expect(done.body.order).toMatchObject({ state: 'completed', completion: { results: '用地规划许可证已交还委托人' } });
    expect((await act('agent2', no, 'rate', { rating: 5 })).status).toBe(403);
    const rated = await act('applicant', no, 'rate', { rating: 5, comment: '高效专业' });
    expect(rated.body.order).toMatchObject({ rating: 5, ratingComment: '高效专业' });
    expect((await act('applicant', no, 'rate', { rating: 4 })).status).toBe(409);

    await waitUntil('the owner hears of the rating', () => inbox.applicant!.some((e) => e.orderNo === no && e.type === 'RATE'));
    await waitUntil('the county centre and the city supervisors hear it too', () => inbox['clerk.county']!.some((e) => e.orderNo === no && e.type === 'RATE') && inbox['supervisor.city']!.some((e) => e.orderNo === no && e.type === 'RATE'));
    expect(inbox.applicant!.filter((e) => e.orderNo === no).map((e) => e.type)).toEqual(['REQUEST', 'DISPATCH', 'DECLINE', 'DISPATCH', 'ACCEPT', 'REPORT', 'COMPLETE', 'RATE']);
    // The first agent keeps hearing of what it was part of; someone uninvolved hears nothing.
    expect(inbox.agent!.some((e) => e.orderNo === no && e.type === 'RATE')).toBe(true);
    expect(inbox.intermediary!.some((e) => e.orderNo === no)).toBe(false);
    // agent2, only in its pool at first, heard the order leave and re-enter the pool, then what it took part in.
    expect(inbox.agent2!.filter((e) => e.orderNo === no).map((e) => e.type)).toEqual(['REQUEST', 'DISPATCH', 'DECLINE', 'DISPATCH', 'ACCEPT', 'REPORT', 'COMPLETE', 'RATE']);
  });

  it('is claimed from the pool by an agent of the area, and stopped with a reason', async () => {
    const made = await request(undefined, 'full');
    const no = made.body.order.orderNo as string;
    const pool = await api.as('agent2', 'GET', '/api/proxy-orders?view=pool');
    expect(pool.body.orders.some((o: { orderNo: string; actions: string[] }) => o.orderNo === no && o.actions.includes('claim'))).toBe(true);
    // The pool shows the owner's phone masked.
    expect(pool.body.orders.find((o: { orderNo: string }) => o.orderNo === no).owner.phone).not.toBe('13857700001');
    const claimed = await act('agent2', no, 'claim');
    expect(claimed.body.order).toMatchObject({ state: 'in_service', agent: { id: agent2.id } });
    expect((await act('agent', no, 'report', { reason: 'x' })).status).toBe(404);
    expect((await act('clerk.county', no, 'report', { reason: 'x' })).status).toBe(403);
    expect((await act('applicant', no, 'cancel')).status).toBe(409);
    const stopped = await act('applicant', no, 'stop', { reason: '项目暂缓实施' });
    expect(stopped.body.order).toMatchObject({ state: 'stopped', stop: { reason: '项目暂缓实施', askedBy: 'owner' } });
  });

  it('passes an order nobody answers to the next agent once PROXY_ACCEPT_HOURS have passed (the durable timer)', async () => {
    const made = await request(undefined, 'stage', 2);
    const no = made.body.order.orderNo as string;
    const first = (await act('clerk.county', no, 'dispatch')).body.order.agent.id as number;
    expect(await pass.tick()).toBe(0);
    clock.now += (srv.ctx.config.PROXY_ACCEPT_HOURS + 1) * HOUR;
    expect(await pass.tick()).toBe(1);
    const after = await order(no, 'clerk.county');
    expect(after.order.state).toBe('dispatched');
    expect(after.order.agent.id).not.toBe(first);
    expect(after.offers[0]).toMatchObject({ agentId: first, answer: 'timed_out' });
    expect(after.history.map((h: { type: string }) => h.type)).toEqual(['REQUEST', 'DISPATCH', 'TIMEOUT', 'DISPATCH']);
  });

  it('lists orders by who asks: the owner their own, the agent its own, 2015’s 2,050 completed for the city', async () => {
    const y = await api.as('supervisor.city', 'GET', '/api/proxy-orders?year=2015&state=completed&pageSize=5');
    expect(y.status).toBe(200);
    expect(y.body.total).toBe(2050);
    expect(y.body.orders).toHaveLength(5);
    const mine = await api.as('applicant', 'GET', '/api/proxy-orders');
    expect(mine.body.total).toBe(3);
    const agents = await api.as('agent2', 'GET', '/api/proxy-orders');
    expect(agents.body.orders.every((o: { agent: { id: number } }) => o.agent.id === agent2.id)).toBe(true);
    expect((await api.as('reviewer.city', 'GET', '/api/proxy-orders')).status).toBe(403);
    expect((await api.request('GET', '/api/proxy-orders')).status).toBe(401);
  });

  it('publishes the agents and the dispatch rule; supervisors get figures per agent', async () => {
    const pub = await api.request('GET', '/api/proxy-agents?pageSize=100');
    expect(pub.body.total).toBe(38);
    expect(pub.body.agents.find((a: { id: number }) => a.id === agent.id)).toMatchObject({ name: '叶志成', phone: '0577-88210101', area: '鹿城区', skills: [1, 2, 3, 4] });
    const rule = await api.request('GET', '/api/proxy-orders/dispatch-rule');
    expect(rule.body).toMatchObject({ order: ['area', 'skills', 'load'], acceptHours: 24 });
    const stats = await api.as('supervisor.city', 'GET', '/api/proxy-agents/stats?year=2015');
    expect(stats.body.totals).toMatchObject({ agents: 38, completed: 2050 });
    const busiest = stats.body.agents.find((a: { orders: number }) => a.orders > 0);
    expect(busiest).toMatchObject({ avgAcceptHours: expect.any(Number), avgFinishDays: expect.any(Number), avgRating: expect.any(Number) });
    expect((await api.as('applicant', 'GET', '/api/proxy-agents/stats')).status).toBe(403);
  });
});
