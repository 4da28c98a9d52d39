import { DEMO } from '../../db/seed/users';
import type { MarketOrderUpdated } from '../../workflows/socketContract';
import { closeAll, connect, waitUntil, type ClientSocket } from '../helpers/sockets';
import { buildAgency, type BuiltAgency } from '../helpers/marketFactories';
import { HOUR, useMarketOrderSuite } from '../helpers/marketOrderSuite';
import { isValidUscc } from '../../workflows/identity';

/*
 * The rules of the market's purchase orders over real HTTP: every sign-up
 * refusal with its code, steering refused and recorded, who may post,
 * validation and the public list, the agency's workbench, return and resubmit.
 */
describe('market purchase order rules', () => {
  const { m, api, announce, act, signUp, order, opened, toSelection, iso } = useMarketOrderSuite('market-order-rules');

  it('refuses every ineligible sign-up with its own code', async () => {
    const db = m.srv.ctx.db.knex;
    const id = await opened({ avoidedAgencies: [m.agencies[2]!.id] });
    const code = async (a: BuiltAgency) => (await signUp(a, id)).body.error?.code;
    expect(await code(await buildAgency(db, { services: [m.item.code], state: 'expelled' }))).toBe('MARKET_AGENCY_NOT_LISTED');
    expect(await code(await buildAgency(db, { services: [] }))).toBe('MARKET_SERVICE_NOT_OFFERED');
    expect(await code(await buildAgency(db, { services: [m.item.code], qualification: { name: '工程勘察资质', level: '甲级', expiresOn: '2025-01-01' } }))).toBe('MARKET_QUALIFICATION_MISSING');
    expect(await code(await buildAgency(db, { services: [m.item.code], areas: [DEMO.otherTownCode] }))).toBe('MARKET_AREA_NOT_SERVED');
    expect(await code(m.agencies[2]!)).toBe('MARKET_AGENCY_AVOIDED');
    const levelled = await opened({ requiredLevel: '甲级' });
    expect((await signUp(await buildAgency(db, { services: [m.item.code], qualification: { name: '工程勘察资质', level: '乙级', expiresOn: '2030-01-01' } }), levelled)).body.error.code).toBe('MARKET_QUALIFICATION_MISSING');
    expect((await signUp(m.agencies[0]!, id)).status).toBe(201);
    expect(await code(m.agencies[0]!)).toBe('MARKET_ALREADY_SIGNED_UP');
    // The owner itself: an order posted for the legal person that is the agency.
    const ownCompany = await opened({ ownerKind: 'legal_person', ownerName: m.agencies[1]!.name });
    expect((await signUp(m.agencies[1]!, ownCompany)).body.error.code).toBe('MARKET_OWN_ORDER');
    // An agency account does not post orders.
    const self = await buildAgency(db, { services: [m.item.code] });
    const own = await api.as(self.username, 'POST', '/api/market/orders', { serviceItemCode: m.item.code, title: '自家订单', content: '测试自家订单', budgetMin: 1, budgetMax: 2, method: 'random', signupDeadline: iso(m.now + HOUR), selectionAt: iso(m.now + 2 * HOUR), serviceDays: 1 });
    expect(own.body.error.code).toBe('MARKET_OWNER_NOT_ALLOWED');
    // Too many open orders.
    const busy = await buildAgency(db, { services: [m.item.code] });
    // A completed order does not count as open.
    await db('market_orders').insert({ ...(await db('market_orders').where({ id }).first()), id: undefined, order_no: `T-${busy.id}-done`, state: 'completed', chosen_agency_id: busy.id, next_due_at: null });
    for (let i = 0; i < m.srv.ctx.config.MARKET_MAX_OPEN_ORDERS; i++) {
      const [oid] = await db('market_orders').insert({ ...(await db('market_orders').where({ id }).first()), id: undefined, order_no: `T-${busy.id}-${i}`, state: 'in_service', chosen_agency_id: busy.id, next_due_at: null });
      expect(Number(oid)).toBeGreaterThan(0);
    }
    expect(await code(busy)).toBe('MARKET_TOO_MANY_ORDERS');
    // Closed.
    await toSelection(id);
    expect(await code(m.agencies[1]!)).toBe('MARKET_SIGNUP_CLOSED');
  });

  it('refuses a department steering someone else’s order and records the bad act', async () => {
    const id = await opened({ method: 'direct' });
    expect((await signUp(m.agencies[0]!, id)).status).toBe(201);
    await toSelection(id);
    const steer = await act('reviewer.city', id, { type: 'SELECT', agencyId: m.agencies[0]!.id });
    expect(steer.status).toBe(403);
    expect(steer.body.error.code).toBe('MARKET_STEERING');
    const acts = await m.srv.ctx.db.knex('market_bad_acts').where({ order_id: id, kind: 'steering' });
    expect(acts).toHaveLength(1);
    expect(acts[0]).toMatchObject({ actor_department: DEMO.department, agency_id: null });
    // The credit record is on the department, under its organ code (a valid GB 32100 code), not on any agency.
    const credit = await m.srv.ctx.db.knex('credit_records').where({ id: acts[0].credit_record_id }).first();
    expect(credit).toMatchObject({ kind: 'agency_steering', subject_type: 'organisation', department: DEMO.department });
    expect(isValidUscc(credit.subject_code)).toBe(true);
    expect((await order(id)).state).toBe('selecting');
  });

  it('lets a department post for a government-paid item only', async () => {
    expect((await announce({}, 'reviewer.city')).body.error.code).toBe('MARKET_NOT_GOVERNMENT_PAID');
    const ok = await announce({ serviceItemCode: m.govItem.code }, 'reviewer.city');
    expect(ok.status).toBe(201);
    expect(ok.body.order.owner).toMatchObject({ kind: 'department' });
  });

  it('validates the posting and lists public orders with a total', async () => {
    expect((await announce({ budgetMin: 9, budgetMax: 1 })).status).toBe(422);
    expect((await announce({ selectionAt: iso(m.now) })).status).toBe(422);
    expect((await announce({ caseNo: 'NOPE-1' })).body.error.code).toBe('MARKET_CASE_NOT_OWNED');
    const open = await opened();
    const list = await api.request('GET', '/api/market/orders?state=completed,signup&pageSize=5');
    expect(list.body.orders.some((o: { id: number }) => o.id === open)).toBe(true);
    expect(list.status).toBe(200);
    expect(list.body.total).toBeGreaterThanOrEqual(1);
    expect(list.body.orders.every((o: { state: string }) => ['completed', 'signup'].includes(o.state))).toBe(true);
    expect((await api.request('GET', '/api/market/orders?page=0')).status).toBe(400);
  });

  it('shows an agency the announcements it may sign up to on its workbench', async () => {
    const id = await opened();
    const bench = await api.as(m.agencies[1]!.username, 'GET', '/api/market/workbench');
    expect(bench.status).toBe(200);
    expect(bench.body.announcements.some((o: { id: number }) => o.id === id)).toBe(true);
    expect((await signUp(m.agencies[1]!, id)).status).toBe(201);
    const after = (await api.as(m.agencies[1]!.username, 'GET', '/api/market/workbench')).body;
    expect(after.announcements.some((o: { id: number }) => o.id === id)).toBe(false);
    expect(after.orders.find((o: { id: number }) => o.id === id)).toMatchObject({ state: 'signup', chosen: false, nextDueAt: expect.any(String) });
    expect((await api.as('applicant', 'GET', '/api/market/workbench')).status).toBe(403);
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
    const row = await m.srv.ctx.db.knex('market_orders').where({ id }).first();
    expect(JSON.parse(row.machine_context).budgetMax).toBe(30_000);
  });
  it('refuses an agency expelled after it was chosen: it acts on nothing, and the timer passes the order on', async () => {
    const id = await opened({ method: 'direct' });
    const [a, b] = [await buildAgency(m.srv.ctx.db.knex, { services: [m.item.code] }), m.agencies[0]!];
    expect((await signUp(a, id)).status).toBe(201);
    expect((await signUp(b, id)).status).toBe(201);
    await toSelection(id);
    expect((await act('applicant', id, { type: 'SELECT', agencyId: a.id })).status).toBe(200);
    await m.srv.ctx.db.knex('market_agencies').where({ id: a.id }).update({ state: 'expelled' });
    expect((await act(a.username, id, { type: 'CONFIRM' })).body.error.code).toBe('MARKET_AGENCY_NOT_LISTED');
    m.now += 49 * HOUR;
    await m.pass.tick();
    expect((await act('applicant', id, { type: 'SELECT', agencyId: a.id })).body.error.code).toBe('MARKET_AGENCY_NOT_LISTED');
    expect((await act('applicant', id, { type: 'SELECT', agencyId: b.id })).body.order.chosenAgency.id).toBe(b.id);
  });
  it('tells order:updated exactly to those entitled: owner and centre always, the public room once announced, an agency once it signed up', async () => {
    const a = m.agencies[2]!;
    const other = await buildAgency(m.srv.ctx.db.knex, { services: [m.item.code] });
    const heard = new Map<string, MarketOrderUpdated[]>();
    const sockets: ClientSocket[] = [];
    for (const who of ['applicant', 'clerk.city', 'supervisor.city', 'reviewer.city', 'clerk.othertown', a.username, other.username, 'market']) {
      const s = await connect(m.srv.url, who === 'market' ? { market: true } : { token: await api.token(who) });
      heard.set(who, []);
      s.on('order:updated', (e) => heard.get(who)!.push(e));
      sockets.push(s);
    }
    try {
      const posted = await announce();
      const id = posted.body.order.id as number;
      const types = (who: string) => heard.get(who)!.filter((e) => e.id === id).map((e) => e.type);
      await waitUntil('owner, centre clerks and supervisors hear of the posting', () => ['applicant', 'clerk.city', 'supervisor.city'].every((w) => types(w).includes('POST')));
      expect((await act('clerk.city', id, { type: 'APPROVE' })).status).toBe(200);
      expect((await signUp(a, id)).status).toBe(201);
      await act('applicant', id, { type: 'CANCEL', reason: '项目暂缓' });
      await waitUntil('the public room hears of the cancellation', () => types('market').includes('CANCEL'));
      await waitUntil('the owner hears of the cancellation', () => types('applicant').includes('CANCEL'));
      await waitUntil('the signed-up agency hears of the cancellation', () => types(a.username).includes('CANCEL'));
      expect(types('market')).toEqual(['APPROVE', 'SIGN_UP', 'CANCEL']);
      expect(types(a.username)).toEqual(['SIGN_UP', 'CANCEL']);
      for (const w of ['reviewer.city', 'clerk.othertown', other.username]) expect(types(w)).toEqual([]);
    } finally {
      closeAll(sockets);
    }
  });
});
