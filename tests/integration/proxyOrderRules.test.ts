import { ProxyScheduler } from '../../server/proxy/proxyScheduler';
import { Api } from '../helpers/api';
import { agentOf, buildProject } from '../helpers/proxyFactories';
import { startLiveServer } from '../helpers/sockets';
import type { TestServer } from '../helpers/testServer';

/*
 * The rules of proxy orders over real HTTP and the real timer (the clock moved
 * by the test): the entrustment must be the one shown; a project must be the
 * owner's; the dispatcher chooses only a candidate; silence passes the order on
 * until nobody is left; a service past its due date is flagged and a renewal
 * clears it; the owner cancels before acceptance only.
 */
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('proxy order rules', () => {
  const api = new Api('');
  const clock = { now: Date.parse('2026-12-03T02:00:00Z') };
  let srv: TestServer;
  let pass: ProxyScheduler;

  const body = (sha: string, over: Record<string, unknown> = {}) => ({ scope: 'stage', stage: 1, request: '请代办', ownerPhone: '13857700001', signature: { name: '张伟', consent: true, textSha256: sha }, ...over });
  async function request(over: Record<string, unknown> = {}) {
    const q = new URLSearchParams({ scope: String(over.scope ?? 'stage'), ...(over.scope === 'full' ? {} : { stage: String(over.stage ?? 1) }), request: '请代办', ...(over.projectCode ? { projectCode: String(over.projectCode) } : {}) });
    const e = await api.as('applicant', 'GET', `/api/proxy-orders/entrustment?${q}`);
    const made = await api.as('applicant', 'POST', '/api/proxy-orders', body(e.body.textSha256, over));
    expect(made.status).toBe(201);
    return made.body.order.orderNo as string;
  }
  const act = (user: string, no: string, action: string, b: Record<string, unknown> = {}) => api.as(user, 'POST', `/api/proxy-orders/${no}/${action}`, b);
  const get = async (no: string) => (await api.as('clerk.county', 'GET', `/api/proxy-orders/${no}`)).body;

  beforeAll(async () => {
    srv = await startLiveServer('proxy-rules', { now: () => new Date(clock.now) });
    api.baseUrl = srv.url;
    pass = new ProxyScheduler(srv.ctx);
  }, 60_000);
  afterAll(() => srv?.close());

  it('refuses a signature over another text than the request’s, and a request without consent or stage', async () => {
    const changed = await api.as('applicant', 'POST', '/api/proxy-orders', body('a'.repeat(64)));
    expect(changed.status).toBe(409);
    expect(changed.body.error.code).toBe('PROXY_ENTRUSTMENT_CHANGED');
    expect(changed.body.error.details.textSha256).toMatch(/^[0-9a-f]{64}$/);
    const sha = changed.body.error.details.textSha256 as string;
    expect((await api.as('applicant', 'POST', '/api/proxy-orders', body(sha, { signature: { name: '张伟', consent: false, textSha256: sha } }))).body.error.code).toBe('VALIDATION_FAILED');
    expect((await api.as('applicant', 'POST', '/api/proxy-orders', body(sha, { stage: undefined }))).status).toBe(422);
    expect((await api.as('applicant', 'GET', '/api/proxy-orders/entrustment?scope=weekly')).status).toBe(400);
  });

  it('serves only a project of the owner', async () => {
    const other = await buildProject(srv.ctx.db.knex, 'clerk.town');
    const e = await api.as('applicant', 'GET', `/api/proxy-orders/entrustment?scope=full&projectCode=${other.code}`);
    expect(e.status).toBe(404);
    expect(e.body.error.code).toBe('PROXY_PROJECT_NOT_FOUND');
    expect((await api.as('applicant', 'GET', '/api/proxy-orders/entrustment?scope=full&projectCode=2026-33')).status).toBe(400);
  });

  it('lets the dispatcher choose a candidate, never one outside the order’s area', async () => {
    const no = await request();
    const d = await get(no);
    const outside = await srv.ctx.db.knex('proxy_agents').where('jurisdiction_code', '330381000000').first('id');
    const refused = await act('clerk.county', no, 'dispatch', { agentId: Number(outside.id) });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('PROXY_NOT_CANDIDATE');
    const chosen = d.candidates[1].id as number;
    const sent = await act('clerk.county', no, 'dispatch', { agentId: chosen });
    expect(sent.body.order.agent.id).toBe(chosen);
    expect((await get(no)).history.at(-1)).toMatchObject({ type: 'DISPATCH', payload: { agentId: chosen, how: 'chosen' } });
    // A stale version is refused and changes nothing.
    expect((await act('applicant', no, 'cancel', { expectedVersion: 1 })).body.error.code).toBe('VERSION_CONFLICT');
    expect((await act('agent', no, 'cancel')).status).toBe(404);
    expect((await act('applicant', no, 'cancel', { reason: '已自行办理' })).body.order.state).toBe('cancelled');
  });

  it('passes an unanswered order on until nobody is left, then leaves it in the pool', async () => {
    const no = await request({ stage: 3 });
    const first = await act('clerk.county', no, 'dispatch');
    expect(first.status).toBe(200);
    const candidates = await srv.ctx.db.knex('proxy_agents').where('jurisdiction_code', '330302000000').count({ n: '*' });
    const n = Number(candidates[0]!.n);
    for (let i = 0; i < n; i++) {
      clock.now += (srv.ctx.config.PROXY_ACCEPT_HOURS + 1) * HOUR;
      expect(await pass.tick()).toBe(1);
    }
    const after = await get(no);
    expect(after.order).toMatchObject({ state: 'requested', agent: null, declinedCount: n });
    expect(new Set(after.offers.map((o: { agentId: number }) => o.agentId)).size).toBe(n);
    expect(after.offers.every((o: { answer: string }) => o.answer === 'timed_out')).toBe(true);
    const none = await act('clerk.county', no, 'dispatch');
    expect(none.status).toBe(409);
    expect(none.body.error.code).toBe('PROXY_NO_CANDIDATE');
    expect(await pass.tick()).toBe(0);
  });

  it('flags a service past its due date, and a renewal moves the date and clears the flag', async () => {
    const agent = await agentOf(srv.ctx.db.knex, 'agent');
    const no = await request({ scope: 'full' });
    expect((await act('clerk.county', no, 'dispatch', { agentId: agent.id })).status).toBe(200);
    const accepted = await act('agent', no, 'accept');
    const due = accepted.body.order.dueOn as string;
    expect(Date.parse(`${due}T00:00:00Z`) - Date.parse(new Date(clock.now).toISOString().slice(0, 10))).toBe(100 * DAY);
    clock.now = Date.parse(`${due}T16:00:00Z`) + HOUR;
    expect(await pass.tick()).toBe(1);
    expect((await get(no)).order).toMatchObject({ state: 'in_service', overdue: true });
    expect(await pass.tick()).toBe(0);
    expect((await act('agent', no, 'renew', { reason: '续办', days: 30 })).status).toBe(403);
    const renewed = await act('applicant', no, 'renew', { reason: '续办竣工验收阶段', days: 30 });
    expect(renewed.body.order).toMatchObject({ state: 'in_service', overdue: false, renewals: 1 });
    expect(renewed.body.order.dueOn > due).toBe(true);
    expect((await act('agent', no, 'stop', { reason: '业主另行委托' })).body.order.stop).toEqual({ reason: '业主另行委托', askedBy: 'agent' });
  });
});
