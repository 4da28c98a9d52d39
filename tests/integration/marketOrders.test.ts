import { createHash } from 'node:crypto';
import type { MarketOrderUpdated } from '../../workflows/socketContract';
import { drawWinner } from '../../workflows/marketDraw';
import { OrderScheduler } from '../../server/market/orders/orderScheduler';
import { DEMO } from '../../db/seed/users';
import { Api, buildCase } from '../helpers/api';
import { pdfBytes } from '../helpers/files';
import { buildAgency, buildServiceItem, type BuiltAgency } from '../helpers/marketFactories';
import { closeAll, connect, startLiveServer, waitUntil, type ClientSocket } from '../helpers/sockets';
import type { TestServer } from '../helpers/testServer';

/*
 * Purchase orders of the intermediary market over real HTTP, a real socket
 * and the real durable timer (its pass called directly, the clock moved by
 * the test): post → review → sign-ups → selection (random draw re-run from
 * the published seed, price bidding, direct choice) → decline and the next →
 * confirm → contract → service → result → completed.
 */
const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const HOUR = 3_600_000;

describe('market purchase orders (网上中介超市)', () => {
  const api = new Api('');
  let srv: TestServer;
  let now = Date.parse('2026-12-03T02:00:00Z');
  const publicInbox: MarketOrderUpdated[] = [];
  const ownerInbox: MarketOrderUpdated[] = [];
  const sockets: ClientSocket[] = [];
  let item: { code: string };
  let govItem: { code: string };
  let agencies: BuiltAgency[];
  let pass: OrderScheduler;

  const iso = (ms: number) => new Date(ms).toISOString();
  const announce = (overrides: Record<string, unknown> = {}, user = 'applicant') =>
    api.as(user, 'POST', '/api/market/orders', {
      serviceItemCode: item.code,
      title: '温州某药店装修地质勘察',
      content: '对拟建场地进行岩土工程勘察，提交勘察报告',
      budgetMin: 10_000,
      budgetMax: 50_000,
      method: 'random',
      signupDeadline: iso(now + 24 * HOUR),
      selectionAt: iso(now + 25 * HOUR),
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
    return fetch(`${srv.url}/api/market/orders/${id}/${which}`, { method: 'POST', body: form, headers: { authorization: `Bearer ${await api.token(a.username)}` } });
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
    now = Date.parse(`${o.selectionAt.replace(' ', 'T')}Z`) + 60_000;
    await pass.tick();
  }

  beforeAll(async () => {
    srv = await startLiveServer('market-orders', { now: () => new Date(now) });
    api.baseUrl = srv.url;
    pass = new OrderScheduler(srv.ctx);
    const db = srv.ctx.db.knex;
    item = await buildServiceItem(db);
    govItem = await buildServiceItem(db, { governmentPaid: true });
    agencies = [];
    for (let i = 0; i < 3; i++) agencies.push(await buildAgency(db, { services: [item.code, govItem.code] }));
    const pub = await connect(srv.url, { market: true });
    pub.on('order:updated', (e) => publicInbox.push(e));
    const own = await connect(srv.url, { token: await api.token('applicant') });
    own.on('order:updated', (e) => ownerInbox.push(e));
    sockets.push(pub, own);
  }, 60_000);
  afterAll(async () => {
    closeAll(sockets);
    await srv?.close();
  });

  it('runs a random order from posting to completion: the draw re-run from the published seed gives the same winner; a decline passes to the next', async () => {
    const posted = await announce();
    expect(posted.status).toBe(201);
    const id = posted.body.order.id as number;
    expect(posted.body.order).toMatchObject({ state: 'in_review', drawCommitment: null, orderNo: expect.stringMatching(/^MO\d{8}-\d{6}$/) });
    // Not public while in review: the owner hears of it, the public room does not (it gets the same batch, so by now it would have).
    await waitUntil('the owner hears of the posting', () => ownerInbox.some((e) => e.id === id && e.type === 'POST'));
    expect((await api.request('GET', `/api/market/orders/${id}`)).status).toBe(404);
    const queue = await api.as('clerk.city', 'GET', '/api/market/centre/orders?state=in_review');
    expect(queue.body.orders.find((o: { id: number }) => o.id === id)).toMatchObject({ state: 'in_review', actions: expect.arrayContaining(['APPROVE', 'REJECT']) });
    expect((await api.as('clerk.othertown', 'GET', '/api/market/centre/orders')).status).toBe(403);
    expect((await act('applicant', id, { type: 'APPROVE' })).status).toBe(403);
    const approved = await act('clerk.city', id, { type: 'APPROVE', expectedVersion: 1 });
    expect(approved.status).toBe(200);
    const commitment = approved.body.order.drawCommitment as string;
    expect(commitment).toMatch(/^[0-9a-f]{64}$/);
    await waitUntil('the public room hears of the announcement', () => publicInbox.some((e) => e.id === id && e.type === 'APPROVE' && e.state === 'signup'));
    expect(publicInbox.filter((e) => e.id === id).map((e) => e.type)).toEqual(['APPROVE']);
    // Public messages carry public fields only.
    expect(Object.keys(publicInbox.find((e) => e.id === id)!).sort()).toEqual(['at', 'chosenAgencyId', 'id', 'method', 'orderNo', 'revision', 'seq', 'serviceItemCode', 'state', 'type']);
    const before = (await api.request('GET', `/api/market/orders/${id}/draw`)).body;
    expect(before).toMatchObject({ commitment, drawn: false, seed: null, candidates: [] });
    for (const a of agencies) expect((await signUp(a, id)).status).toBe(201);
    // An agency sees its own sign-up only, never its competitors'; the owner sees all.
    expect((await order(id, agencies[0]!.username)).signups.map((x: { agencyId: number }) => x.agencyId)).toEqual([agencies[0]!.id]);
    expect((await order(id)).signups).toHaveLength(3);
    const publicView = (await api.request('GET', `/api/market/orders/${id}`)).body.order;
    expect(publicView).toMatchObject({ state: 'signup', signupCount: 3, quotes: null });
    expect(publicView.signups).toBeUndefined();

    await toSelection(id);
    const drawn = await order(id);
    expect(drawn.state).toBe('awaiting_confirmation');
    const draw = (await api.request('GET', `/api/market/orders/${id}/draw`)).body;
    expect(draw.drawn).toBe(true);
    expect(sha(draw.seed)).toBe(commitment);
    expect(draw.candidates).toHaveLength(3);
    const rerun = drawWinner(draw.seed, draw.candidates.map((c: { agencyId: number; uscc: string }) => ({ agencyId: c.agencyId, uscc: c.uscc })), sha)!;
    expect(rerun.agencyId).toBe(drawn.chosenAgency.id);
    expect(draw.winnerAgencyId).toBe(rerun.agencyId);
    for (const c of draw.candidates) expect(c.hash).toBe(sha(`${draw.seed}:${c.uscc}`));

    // The winner declines: the next by the same rule is chosen at once.
    const first = agencies.find((a) => a.id === rerun.agencyId)!;
    const other = agencies.find((a) => a.id !== rerun.agencyId)!;
    expect((await act(other.username, id, { type: 'CONFIRM' })).status).toBe(403);
    expect((await act(first.username, id, { type: 'DECLINE', reason: '项目负责人另有任务' })).status).toBe(200);
    const next = await order(id);
    expect(next.state).toBe('awaiting_confirmation');
    const expectedNext = drawWinner(draw.seed, draw.candidates.filter((c: { agencyId: number }) => c.agencyId !== first.id), sha)!;
    expect(next.chosenAgency.id).toBe(expectedNext.agencyId);
    expect((await api.request('GET', `/api/market/orders/${id}/draw`)).body.declined).toEqual([first.id]);
    const chosen = agencies.find((a) => a.id === expectedNext.agencyId)!;
    expect((await act(chosen.username, id, { type: 'CONFIRM' })).status).toBe(200);

    // Contract: above the budget refused; within it, confirmed by the owner; the service runs with a due date.
    expect((await upload(chosen, id, 'contract', { amount: '60000' })).status).toBe(409);
    expect((await upload(chosen, id, 'contract', { amount: '30000' })).status).toBe(201);
    const third = agencies.find((a) => a.id !== first.id && a.id !== chosen.id)!;
    expect((await fetch(`${srv.url}/api/market/orders/${id}/contract`, { headers: { authorization: `Bearer ${await api.token(third.username)}` } })).status).toBe(403);
    const contract = await fetch(`${srv.url}/api/market/orders/${id}/contract`, { headers: { authorization: `Bearer ${await api.token('applicant')}` } });
    expect(contract.status).toBe(200);
    expect(Buffer.from(await contract.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    const service = await act('applicant', id, { type: 'CONFIRM_CONTRACT' });
    expect(service.body.order).toMatchObject({ state: 'in_service', contractAmount: 30_000, serviceDueOn: expect.stringMatching(/^2026-12-\d\d$/) });
    expect((await upload(chosen, id, 'result')).status).toBe(201);
    expect((await act('applicant', id, { type: 'ACCEPT_RESULT' })).body.order.state).toBe('completed');
    await waitUntil('the owner hears it completed', () => ownerInbox.some((e) => e.id === id && e.state === 'completed'));
    await waitUntil('the public room hears it completed', () => publicInbox.some((e) => e.id === id && e.state === 'completed'));
    const row = await srv.ctx.db.knex('market_agencies').where({ id: chosen.id }).first();
    expect(Number(row.completed_orders)).toBe(1);
    expect(Number(row.open_orders)).toBe(0);
  });

  it('keeps quotes sealed until they are opened together; the lowest valid quote wins and a tie is drawn', async () => {
    const id = await opened({ method: 'bidding' });
    expect((await signUp(agencies[0]!, id)).status).toBe(422); // a bidding order takes a quote
    expect((await signUp(agencies[0]!, id, 20_000)).status).toBe(201);
    expect((await signUp(agencies[1]!, id, 20_000)).status).toBe(201);
    expect((await signUp(agencies[2]!, id, 5_000)).status).toBe(201); // below the band: not valid
    for (const who of ['applicant', 'clerk.city', agencies[0]!.username]) {
      const seen = await order(id, who);
      expect(seen.quotes).toBeNull();
      expect(JSON.stringify(seen)).not.toContain('"quote"');
    }
    await toSelection(id);
    const done = (await api.request('GET', `/api/market/orders/${id}`)).body.order;
    expect(done.quotes).toEqual(expect.arrayContaining([expect.objectContaining({ agencyId: agencies[2]!.id, quote: 5_000 }), expect.objectContaining({ agencyId: agencies[0]!.id, quote: 20_000 })]));
    const draw = (await api.request('GET', `/api/market/orders/${id}/draw`)).body;
    const tie = drawWinner(draw.seed, [agencies[0]!, agencies[1]!].map((a) => ({ agencyId: a.id, uscc: a.uscc })), sha)!;
    expect(done.chosenAgency.id).toBe(tie.agencyId);
  });

  it('lets the owner choose directly; the timer declines for an agency that does not confirm in time', async () => {
    const id = await opened({ method: 'direct' });
    expect((await signUp(agencies[0]!, id)).status).toBe(201);
    expect((await signUp(agencies[1]!, id)).status).toBe(201);
    await toSelection(id);
    expect((await order(id)).state).toBe('selecting');
    expect((await act('applicant', id, { type: 'SELECT', agencyId: 999_999 })).status).toBe(409);
    expect((await act('applicant', id, { type: 'SELECT', agencyId: agencies[1]!.id })).body.order.chosenAgency.id).toBe(agencies[1]!.id);
    now += 49 * HOUR;
    await pass.tick();
    const back = await order(id);
    expect(back).toMatchObject({ state: 'selecting', chosenAgency: null });
    expect(back.signups.find((s: { agencyId: number }) => s.agencyId === agencies[1]!.id).declined).toBe(true);
    expect((await act('applicant', id, { type: 'SELECT', agencyId: agencies[0]!.id })).body.order.state).toBe('awaiting_confirmation');
  });

  it('expires an order nobody signed up to, and re-posts it as a new order', async () => {
    const id = await opened();
    await toSelection(id);
    expect((await order(id)).state).toBe('expired');
    const again = await api.as('applicant', 'POST', `/api/market/orders/${id}/repost`, { signupDeadline: iso(now + 24 * HOUR), selectionAt: iso(now + 26 * HOUR) });
    expect(again.status).toBe(201);
    expect(again.body.order).toMatchObject({ state: 'in_review', repostOf: id, title: '温州某药店装修地质勘察' });
  });

  it('refuses every ineligible sign-up with its own code', async () => {
    const db = srv.ctx.db.knex;
    const id = await opened({ avoidedAgencies: [agencies[2]!.id] });
    const code = async (a: BuiltAgency) => (await signUp(a, id)).body.error?.code;
    expect(await code(await buildAgency(db, { services: [item.code], state: 'expelled' }))).toBe('MARKET_AGENCY_NOT_LISTED');
    expect(await code(await buildAgency(db, { services: [] }))).toBe('MARKET_SERVICE_NOT_OFFERED');
    expect(await code(await buildAgency(db, { services: [item.code], qualification: { name: '工程勘察资质', level: '甲级', expiresOn: '2025-01-01' } }))).toBe('MARKET_QUALIFICATION_MISSING');
    expect(await code(await buildAgency(db, { services: [item.code], areas: [DEMO.otherTownCode] }))).toBe('MARKET_AREA_NOT_SERVED');
    expect(await code(agencies[2]!)).toBe('MARKET_AGENCY_AVOIDED');
    const levelled = await opened({ requiredLevel: '甲级' });
    expect((await signUp(await buildAgency(db, { services: [item.code], qualification: { name: '工程勘察资质', level: '乙级', expiresOn: '2030-01-01' } }), levelled)).body.error.code).toBe('MARKET_QUALIFICATION_MISSING');
    expect((await signUp(agencies[0]!, id)).status).toBe(201);
    expect(await code(agencies[0]!)).toBe('MARKET_ALREADY_SIGNED_UP');
    // The owner itself: an order posted for the legal person that is the agency.
    const ownCompany = await opened({ ownerKind: 'legal_person', ownerName: agencies[1]!.name });
    expect((await signUp(agencies[1]!, ownCompany)).body.error.code).toBe('MARKET_OWN_ORDER');
    // An agency account does not post orders.
    const self = await buildAgency(db, { services: [item.code] });
    const own = await api.as(self.username, 'POST', '/api/market/orders', { serviceItemCode: item.code, title: '自家订单', content: '测试自家订单', budgetMin: 1, budgetMax: 2, method: 'random', signupDeadline: iso(now + HOUR), selectionAt: iso(now + 2 * HOUR), serviceDays: 1 });
    expect(own.body.error.code).toBe('MARKET_OWNER_NOT_ALLOWED');
    // Too many open orders.
    const busy = await buildAgency(db, { services: [item.code] });
    await db('market_orders').update({ chosen_agency_id: busy.id }).whereIn('id', db('market_orders').select('id').where('state', 'completed').limit(1));
    for (let i = 0; i < srv.ctx.config.MARKET_MAX_OPEN_ORDERS; i++) {
      const [oid] = await db('market_orders').insert({ ...(await db('market_orders').where({ id }).first()), id: undefined, order_no: `T-${busy.id}-${i}`, state: 'in_service', chosen_agency_id: busy.id, next_due_at: null });
      expect(Number(oid)).toBeGreaterThan(0);
    }
    expect(await code(busy)).toBe('MARKET_TOO_MANY_ORDERS');
    // Closed.
    await toSelection(id);
    expect(await code(agencies[1]!)).toBe('MARKET_SIGNUP_CLOSED');
  });

  it('refuses a department steering someone else’s order and records the bad act', async () => {
    const id = await opened({ method: 'direct' });
    expect((await signUp(agencies[0]!, id)).status).toBe(201);
    await toSelection(id);
    const steer = await act('reviewer.city', id, { type: 'SELECT', agencyId: agencies[0]!.id });
    expect(steer.status).toBe(403);
    expect(steer.body.error.code).toBe('MARKET_STEERING');
    const acts = await srv.ctx.db.knex('market_bad_acts').where({ order_id: id, kind: 'steering' });
    expect(acts).toHaveLength(1);
    expect(acts[0]).toMatchObject({ actor_department: DEMO.department, agency_id: null });
    expect(acts[0].credit_record_id).not.toBeNull();
    expect((await order(id)).state).toBe('selecting');
  });

  it('lets a department post for a government-paid item only', async () => {
    expect((await announce({}, 'reviewer.city')).body.error.code).toBe('MARKET_NOT_GOVERNMENT_PAID');
    const ok = await announce({ serviceItemCode: govItem.code }, 'reviewer.city');
    expect(ok.status).toBe(201);
    expect(ok.body.order.owner).toMatchObject({ kind: 'department' });
  });

  it('validates the posting and lists public orders with a total', async () => {
    expect((await announce({ budgetMin: 9, budgetMax: 1 })).status).toBe(422);
    expect((await announce({ selectionAt: iso(now) })).status).toBe(422);
    expect((await announce({ caseNo: 'NOPE-1' })).body.error.code).toBe('MARKET_CASE_NOT_OWNED');
    const list = await api.request('GET', '/api/market/orders?state=completed,signup&pageSize=5');
    expect(list.status).toBe(200);
    expect(list.body.total).toBeGreaterThanOrEqual(1);
    expect(list.body.orders.every((o: { state: string }) => ['completed', 'signup'].includes(o.state))).toBe(true);
    expect((await api.request('GET', '/api/market/orders?page=0')).status).toBe(400);
  });

  it('marks a late service overdue through the timer, once', async () => {
    const id = await opened({ method: 'direct' });
    expect((await signUp(agencies[0]!, id)).status).toBe(201);
    await toSelection(id);
    await act('applicant', id, { type: 'SELECT', agencyId: agencies[0]!.id });
    await act(agencies[0]!.username, id, { type: 'CONFIRM' });
    expect((await upload(agencies[0]!, id, 'contract', { amount: '10000' })).status).toBe(201);
    const due = (await act('applicant', id, { type: 'CONFIRM_CONTRACT' })).body.order.serviceDueOn as string;
    expect(await pass.tick()).toBe(0);
    now = Date.parse(`${due}T17:00:00Z`);
    // Two processes' passes at once: the order is flagged once.
    const fired = await Promise.all([pass.tick(), new OrderScheduler(srv.ctx).tick()]);
    expect(fired.reduce((x, y) => x + y, 0)).toBeGreaterThanOrEqual(1);
    const history = (await api.as('applicant', 'GET', `/api/market/orders/${id}`)).body.history as { type: string }[];
    expect(history.filter((h) => h.type === 'MARK_OVERDUE')).toHaveLength(1);
    expect((await order(id)).overdue).toBe(true);
    expect(await pass.tick()).toBe(0);
  });

  it('shows an agency the announcements it may sign up to on its workbench', async () => {
    const id = await opened();
    const bench = await api.as(agencies[1]!.username, 'GET', '/api/market/workbench');
    expect(bench.status).toBe(200);
    expect(bench.body.announcements.some((o: { id: number }) => o.id === id)).toBe(true);
    expect(bench.body.orders.length).toBeGreaterThan(0);
    expect((await api.as('applicant', 'GET', '/api/market/workbench')).status).toBe(403);
  });
  it('links the order to the approval case waiting for it: the accepted result joins the case and ends its intermediary pause', async () => {
    const filed = await api.file(buildCase(), 'applicant');
    const caseNo = filed.caseNo as string;
    expect((await api.act('clerk.village', caseNo, { type: 'ACCEPT' })).status).toBe(200);
    expect((await api.act('clerk.town', caseNo, { type: 'FORWARD', opinion: '初审同意' })).status).toBe(200);
    const paused = await api.act('reviewer.county', caseNo, { type: 'START_SPECIAL', procedure: 'intermediary', reason: '需委托中介机构进行地质勘察' });
    expect(paused.body.case).toMatchObject({ state: 'special', clock: { paused: true, pauseKind: 'special' } });
    const id = await opened({ method: 'direct', caseNo });
    expect((await order(id)).caseNo).toBe(caseNo);
    const a = agencies[2]!;
    expect((await signUp(a, id)).status).toBe(201);
    await toSelection(id);
    expect((await act('applicant', id, { type: 'SELECT', agencyId: a.id })).status).toBe(200);
    expect((await act(a.username, id, { type: 'CONFIRM' })).status).toBe(200);
    expect((await upload(a, id, 'contract', { amount: '20000' })).status).toBe(201);
    expect((await act('applicant', id, { type: 'CONFIRM_CONTRACT' })).status).toBe(200);
    now += 3 * 24 * HOUR;
    expect((await upload(a, id, 'result')).status).toBe(201);
    expect((await act('applicant', id, { type: 'ACCEPT_RESULT' })).body.order.state).toBe('completed');
    const after = (await api.as('reviewer.county', 'GET', `/api/cases/${caseNo}`)).body;
    expect(after).toMatchObject({ state: 'review', special: null, clock: { paused: false } });
    const files = (await api.as('reviewer.county', 'GET', `/api/cases/${caseNo}/files`)).body;
    expect(JSON.stringify(files)).toContain('中介服务成果');
    const events = (await api.as('reviewer.county', 'GET', `/api/cases/${caseNo}/events`)).body.events as Array<{ type: string; payload?: { procedure?: string }; actor?: { role: string }; reason?: string | null }>;
    const types = events.map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['START_SPECIAL', 'ATTACH_FILE', 'END_SPECIAL']));
    expect(types.indexOf('START_SPECIAL')).toBeLessThan(types.lastIndexOf('END_SPECIAL'));
    expect(JSON.stringify(events.find((e) => e.type === 'START_SPECIAL'))).toContain('intermediary');
    expect(JSON.stringify(events.find((e) => e.type === 'END_SPECIAL'))).toContain('system');
  });
  it('returns an announcement to its owner, who edits and resubmits it', async () => {
    const posted = await announce();
    const id = posted.body.order.id as number;
    expect((await act('clerk.city', id, { type: 'REJECT' })).status).toBe(409);
    const back = await act('clerk.city', id, { type: 'REJECT', reason: '预算区间过宽，请细化' });
    expect(back.body.order).toMatchObject({ state: 'returned', lastReason: '预算区间过宽，请细化' });
    expect((await act('applicant', id, { type: 'RESUBMIT', edits: { budgetMin: 60_000 } })).status).toBe(422);
    expect((await act('applicant', id, { type: 'APPROVE', edits: { budgetMax: 1 } })).status).toBe(422);
    const again = await act('applicant', id, { type: 'RESUBMIT', edits: { budgetMin: 20_000, budgetMax: 30_000, title: '药店装修地质勘察（修改）' } });
    expect(again.body.order).toMatchObject({ state: 'in_review', budgetMin: 20_000, budgetMax: 30_000, title: '药店装修地质勘察（修改）' });
    const row = await srv.ctx.db.knex('market_orders').where({ id }).first();
    expect(JSON.parse(row.machine_context).budgetMax).toBe(30_000);
  });
});
