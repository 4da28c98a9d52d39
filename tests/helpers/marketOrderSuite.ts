import { OrderScheduler } from '../../server/market/orders/orderScheduler';
import type { MarketOrderUpdated } from '../../workflows/socketContract';
import { Api } from './api';
import { pdfBytes } from './files';
import { buildAgency, buildServiceItem, type BuiltAgency } from './marketFactories';
import { closeAll, connect, startLiveServer, type ClientSocket } from './sockets';
import type { TestServer } from './testServer';

export const HOUR = 3_600_000;

/**
 * A live server for a market-order test file, its clock moved by the test
 * (`m.now`), the timer's pass to call directly, a service item (and a
 * government-paid one), three listed agencies offering both, and sockets in
 * the public market room and the owner's (`applicant`) room.
 */
export function useMarketOrderSuite(tag: string) {
  const api = new Api('');
  const publicInbox: MarketOrderUpdated[] = [];
  const ownerInbox: MarketOrderUpdated[] = [];
  const sockets: ClientSocket[] = [];
  const state = { now: Date.parse('2026-12-03T02:00:00Z') } as {
    now: number;
    srv: TestServer;
    item: { code: string };
    govItem: { code: string };
    agencies: BuiltAgency[];
    pass: OrderScheduler;
  };
  const iso = (ms: number) => new Date(ms).toISOString();
  const announce = (overrides: Record<string, unknown> = {}, user = 'applicant') =>
    api.as(user, 'POST', '/api/market/orders', {
      serviceItemCode: state.item.code,
      title: '温州某药店装修地质勘察',
      content: '对拟建场地进行岩土工程勘察，提交勘察报告',
      budgetMin: 10_000,
      budgetMax: 50_000,
      method: 'random',
      signupDeadline: iso(state.now + 24 * HOUR),
      selectionAt: iso(state.now + 25 * HOUR),
      serviceDays: 10,
      ...overrides,
    });
  const act = (user: string, id: number, body: Record<string, unknown>) => api.as(user, 'POST', `/api/market/orders/${id}/actions`, body);
  const signUp = (a: BuiltAgency, id: number, quote?: number) => api.as(a.username, 'POST', `/api/market/orders/${id}/signups`, quote === undefined ? {} : { quote });
  const order = async (id: number, user = 'applicant') => (await api.as(user, 'GET', `/api/market/orders/${id}`)).body.order;
  const upload = async (a: BuiltAgency, id: number, which: 'contract' | 'result', fields: Record<string, string> = {}) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append('file', new Blob([new Uint8Array(pdfBytes(which))], { type: 'application/pdf' }), `${which}.pdf`);
    return fetch(`${state.srv.url}/api/market/orders/${id}/${which}`, { method: 'POST', body: form, headers: { authorization: `Bearer ${await api.token(a.username)}` } });
  };
  /** An order approved by the centre, open to sign-up. */
  async function opened(overrides: Record<string, unknown> = {}): Promise<number> {
    const posted = await announce(overrides);
    expect(posted.status).toBe(201);
    const id = posted.body.order.id as number;
    expect((await act('clerk.city', id, { type: 'APPROVE' })).status).toBe(200);
    return id;
  }
  /** Moves the clock past the selection time and runs the timer's pass. */
  async function toSelection(id: number) {
    const o = await order(id);
    state.now = Date.parse(`${o.selectionAt.replace(' ', 'T')}Z`) + 60_000;
    await state.pass.tick();
  }

  beforeAll(async () => {
    state.srv = await startLiveServer(tag, { now: () => new Date(state.now) });
    api.baseUrl = state.srv.url;
    state.pass = new OrderScheduler(state.srv.ctx);
    const db = state.srv.ctx.db.knex;
    state.item = await buildServiceItem(db);
    state.govItem = await buildServiceItem(db, { governmentPaid: true });
    state.agencies = [];
    for (let i = 0; i < 3; i++) state.agencies.push(await buildAgency(db, { services: [state.item.code, state.govItem.code] }));
    const pub = await connect(state.srv.url, { market: true });
    pub.on('order:updated', (e) => publicInbox.push(e));
    const own = await connect(state.srv.url, { token: await api.token('applicant') });
    own.on('order:updated', (e) => ownerInbox.push(e));
    sockets.push(pub, own);
  }, 60_000);
  afterAll(async () => {
    closeAll(sockets);
    await state.srv?.close();
  });

  return { m: state, api, publicInbox, ownerInbox, iso, announce, act, signUp, order, upload, opened, toSelection };
}
