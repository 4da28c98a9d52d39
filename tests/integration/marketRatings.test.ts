import type { Knex } from 'knex';
import { agencyScore } from '../../workflows/marketScore';
import type { AgencyUpdated, MarketRatingUpdated } from '../../workflows/socketContract';
import { MARKET_CREDIT_FIELDS } from '../../server/market/ratings/creditFile';
import { Api, buildCase, DEMO } from '../helpers/api';
import { buildAgency, buildCompletedOrder, buildServiceItem, type BuiltAgency } from '../helpers/marketFactories';
import { closeAll, connect, startLiveServer, waitUntil, type ClientSocket } from '../helpers/sockets';
import type { TestServer } from '../helpers/testServer';

/*
 * Three-way ratings over real HTTP and a real public socket: the client (the
 * order's owner), the approving department (a reviewer of the market
 * department over the order's county) and the centre (the city supervisor)
 * rate a completed order; the centre moderates; the agency's score and stars
 * follow agencyScore with 5:3:2; one star and bad acts are credit records.
 */
describe('market ratings (三位一体评价)', () => {
  const api = new Api('');
  let srv: TestServer;
  let db: Knex;
  let item: string;
  let ownerId: number;
  const publicInbox: MarketRatingUpdated[] = [];
  const publicAgencies: AgencyUpdated[] = [];
  const sockets: ClientSocket[] = [];
  const marks = (m: number) => ({ quality: m, timeliness: m, attitude: m, fees: m, conduct: m });
  const rate = (user: string, orderId: number, body: Record<string, unknown>) => api.as(user, 'POST', `/api/market/orders/${orderId}/ratings`, body);
  const moderate = (id: number, body: Record<string, unknown>, user = 'supervisor.city') => api.as(user, 'POST', `/api/market/ratings/${id}/moderate`, body);
  const order = async (a: BuiltAgency, state?: string) => buildCompletedOrder(db, { agencyId: a.id, ownerUserId: ownerId, serviceItemCode: item, state });

  beforeAll(async () => {
    srv = await startLiveServer('marketRatings');
    api.baseUrl = srv.url;
    db = srv.ctx.db.knex;
    item = (await buildServiceItem(db, { department: 'market' })).code;
    ownerId = Number((await db('users').where({ username: 'applicant' }).first('id')).id);
    const s = await connect(srv.url, { market: true });
    s.on('rating:updated', (e) => publicInbox.push(e));
    s.on('agency:updated', (e) => publicAgencies.push(e));
    sockets.push(s);
  }, 60_000);
  afterAll(async () => {
    closeAll(sockets);
    await srv?.close();
  });

  it('takes three ratings of a completed order, counts them once approved, and moves score and stars by 5:3:2 live', async () => {
    const agency = await buildAgency(db, { services: [item] });
    const o = await order(agency);
    const client = await rate('applicant', o.id, { ...marks(5), comment: '测绘及时准确' });
    expect(client.status).toBe(201);
    expect(client.body.rating).toMatchObject({ raterKind: 'client', state: 'pending' });
    const dept = await rate('reviewer.county', o.id, marks(4));
    expect(dept.body.rating).toMatchObject({ raterKind: 'department' });
    const centre = await rate('supervisor.city', o.id, marks(3));
    expect(centre.body.rating).toMatchObject({ raterKind: 'centre' });
    // Pending ratings are not public.
    expect((await api.request('GET', `/api/market/orders/${o.id}/ratings`)).body.ratings).toEqual([]);
    const queue = await api.as('supervisor.city', 'GET', '/api/market/ratings?status=pending');
    expect(queue.status).toBe(200);
    expect(queue.body.total).toBeGreaterThanOrEqual(3);
    let last: any;
    for (const r of [client, dept, centre]) {
      last = await moderate(r.body.rating.id, { type: 'APPROVE' });
      expect(last.status).toBe(200);
    }
    const expected = agencyScore(
      [
        { orderId: o.id, raterKind: 'client', ...marks(5) },
        { orderId: o.id, raterKind: 'department', ...marks(4) },
        { orderId: o.id, raterKind: 'centre', ...marks(3) },
      ],
      [5, 3, 2],
    );
    // By hand: (5×5 + 3×4 + 2×3) / 10 = 4.3 → (4.3 − 1) / 4 × 100 = 82.5 → ★★★★.
    expect(expected).toEqual({ score: 82.5, stars: 4, ratedOrders: 1 });
    expect(last.body.agency).toEqual({ id: agency.id, ...expected });
    const row = await db('market_agencies').where({ id: agency.id }).first();
    expect([Number(row.score), Number(row.stars), Number(row.rated_orders)]).toEqual([82.5, 4, 1]);
    await waitUntil('the public room hears the stars move', () => publicInbox.some((e) => e.agencyId === agency.id && e.type === 'APPROVE' && e.agencyStars === 4 && e.agencyScore === 82.5));
    expect(publicInbox.filter((e) => e.agencyId === agency.id).every((e) => e.status === 'approved')).toBe(true);
    const pub = await api.request('GET', `/api/market/orders/${o.id}/ratings`);
    expect(pub.body.ratings).toHaveLength(3);
    expect(pub.body.ratings[0]).not.toHaveProperty('raterUserId');
    expect(pub.body.ratings.map((r: { raterKind: string }) => r.raterKind).sort()).toEqual(['centre', 'client', 'department']);
    const ranks = await api.request('GET', `/api/market/rankings?serviceItem=${item}`);
    expect(ranks.body).toMatchObject({ total: expect.any(Number), page: 1 });
    expect(ranks.body.agencies.find((a: { id: number }) => a.id === agency.id)).toMatchObject({ stars: 4, score: 82.5, ratedOrders: 1 });
  });

  it('refuses a second rating of the same kind (409 ALREADY_RATED), a rating of an order not completed, and any rating by an agency', async () => {
    const agency = await buildAgency(db, { services: [item] });
    const o = await order(agency);
    expect((await rate('applicant', o.id, marks(4))).status).toBe(201);
    const again = await rate('applicant', o.id, marks(1));
    expect(again.status).toBe(409);
    expect(again.body.error?.code).toBe('ALREADY_RATED');
    const open = await order(agency, 'service');
    const early = await rate('applicant', open.id, marks(4));
    expect([early.status, early.body.error?.code]).toEqual([409, 'ORDER_NOT_COMPLETED']);
    const own = await api.request('POST', '/api/auth/login', { body: { username: agency.username, password: 'demo1234' } });
    const self = await api.request('POST', `/api/market/orders/${o.id}/ratings`, { token: own.body.token, body: marks(5) });
    expect([self.status, self.body.error?.code]).toEqual([403, 'AGENCY_CANNOT_RATE']);
    const other = await rate('intermediary', o.id, marks(5));
    expect([other.status, other.body.error?.code]).toEqual([403, 'AGENCY_CANNOT_RATE']);
    // Someone who is none of the three raters.
    expect((await rate('clerk.village', o.id, marks(5))).status).toBe(403);
    expect((await rate('applicant', o.id, { ...marks(5), quality: 6 })).status).toBe(422);
    // Moderation is the centre's, and a moderated rating stays as it is.
    const mine = (await api.request('GET', `/api/market/orders/${o.id}/ratings`, { token: await api.token('applicant') })).body.mine;
    expect(mine).toMatchObject({ raterKind: 'client', mayRate: false });
    expect((await moderate(mine.rating.id, { type: 'APPROVE' }, 'reviewer.county')).status).toBe(403);
    expect((await moderate(mine.rating.id, { type: 'REJECT' })).status).toBe(422);
    expect((await moderate(mine.rating.id, { type: 'REJECT', reason: '与事实不符' })).body.rating).toMatchObject({ state: 'rejected', moderationReason: '与事实不符' });
    const twice = await moderate(mine.rating.id, { type: 'APPROVE' });
    expect([twice.status, twice.body.error?.code]).toEqual([409, 'INVALID_TRANSITION']);
  });

  it('lets a reviewer of the department of the case the order serves rate as the approving department', async () => {
    const agency = await buildAgency(db, { services: [item] });
    const filed = await api.file(buildCase({ itemCode: DEMO.otherItemCode }), 'applicant');
    const o = await buildCompletedOrder(db, { agencyId: agency.id, ownerUserId: ownerId, serviceItemCode: item, caseNo: filed.caseNo });
    const rated = await rate('reviewer.health.county', o.id, marks(4));
    expect(rated.status).toBe(201);
    expect(rated.body.rating.raterKind).toBe('department');
    // Another department's reviewer of another county is none of the raters.
    expect((await rate('reviewer.health.county', (await order(agency)).id, marks(4))).status).toBe(403);
  });

  it('turns a one-star rating into a bad act with its credit record, one star, and a place on the centre’s review list', async () => {
    const agency = await buildAgency(db, { services: [item] });
    const o = await order(agency);
    const r = await rate('applicant', o.id, { ...marks(1), comment: '成果错误且拖延' });
    const approved = await moderate(r.body.rating.id, { type: 'APPROVE' });
    expect(approved.body.agency).toMatchObject({ stars: 1, score: 0 });
    const acts = await db('market_bad_acts').where({ agency_id: agency.id });
    expect(acts).toHaveLength(1);
    expect(acts[0].kind).toBe('one_star');
    const credit = await db('credit_records').where({ id: acts[0].credit_record_id }).first();
    expect(credit).toMatchObject({ subject_code: agency.uscc, kind: 'agency_one_star', subject_type: 'organisation' });
    const screen = await api.as('supervisor.city', 'GET', '/api/market/supervision');
    expect(screen.status).toBe(200);
    expect(screen.body.toReview.find((a: { id: number }) => a.id === agency.id)).toMatchObject({ stars: 1, badActs: 1 });
    await waitUntil('the public hears the one star', () => publicInbox.some((e) => e.agencyId === agency.id && e.agencyStars === 1));
  });

  it('lets the centre and the approving department record a bad act: one star in the same transaction, public live', async () => {
    const agency = await buildAgency(db, { services: [item] });
    const o = await order(agency);
    const r = await rate('applicant', o.id, marks(5));
    expect((await moderate(r.body.rating.id, { type: 'APPROVE' })).body.agency.stars).toBe(5);
    const path = `/api/market/agencies/${agency.id}/bad-acts`;
    expect((await api.as('intermediary', 'POST', path, { kind: 'late', orderId: o.id, reason: '逾期' })).status).toBe(403);
    expect((await api.as('applicant', 'POST', path, { kind: 'late', orderId: o.id, reason: '逾期' })).status).toBe(403);
    expect((await api.as('supervisor.city', 'POST', path, { kind: 'steering', orderId: o.id, reason: 'x' })).status).toBe(422);
    const other = await buildAgency(db);
    const wrong = await api.as('supervisor.city', 'POST', `/api/market/agencies/${other.id}/bad-acts`, { kind: 'late', orderId: o.id, reason: '逾期' });
    expect([wrong.status, wrong.body.error?.code]).toEqual([422, 'ORDER_NOT_OF_AGENCY']);
    const dept = await api.as('reviewer.county', 'POST', path, { kind: 'overcharge', orderId: o.id, reason: '收费超出合同金额 2000 元' });
    expect(dept.status).toBe(201);
    expect(dept.body.agency).toMatchObject({ stars: 1, score: 100 });
    expect(dept.body.badAct).toMatchObject({ kind: 'overcharge', recordedRole: 'department' });
    await waitUntil('the public hears the agency drop to one star', () => publicAgencies.some((e) => e.id === agency.id && e.type === 'BAD_ACT' && e.stars === 1));
  });

  it('tells the centre and the agency of a pending rating, and nobody else; the public hears it once approved', async () => {
    const agency = await buildAgency(db, { services: [item] });
    const stranger = await buildAgency(db, { services: [item] });
    const inbox = { agency: [] as MarketRatingUpdated[], stranger: [] as MarketRatingUpdated[], centre: [] as MarketRatingUpdated[], countyCentre: [] as MarketRatingUpdated[] };
    const login = async (username: string) => (await api.request('POST', '/api/auth/login', { body: { username, password: 'demo1234' } })).body.token as string;
    for (const [who, auth] of [['agency', { token: await login(agency.username) }], ['stranger', { token: await login(stranger.username) }], ['centre', { token: await api.token('supervisor.city') }], ['countyCentre', { token: await api.token('supervisor.county') }]] as const) {
      const s = await connect(srv.url, auth);
      s.on('rating:updated', (e) => inbox[who].push(e));
      sockets.push(s);
    }
    const o = await order(agency);
    const r = await rate('applicant', o.id, marks(5));
    await waitUntil('the agency hears of the pending rating', () => inbox.agency.some((e) => e.id === r.body.rating.id && e.status === 'pending'));
    await waitUntil('the centre hears of it', () => inbox.centre.some((e) => e.id === r.body.rating.id && e.type === 'RATE'));
    expect(publicInbox.some((e) => e.id === r.body.rating.id)).toBe(false);
    await moderate(r.body.rating.id, { type: 'APPROVE' });
    await waitUntil('the public hears it approved', () => publicInbox.some((e) => e.id === r.body.rating.id && e.agencyStars === 5));
    await waitUntil('the agency hears it approved', () => inbox.agency.some((e) => e.id === r.body.rating.id && e.status === 'approved'));
    expect(inbox.stranger).toEqual([]);
    expect(inbox.countyCentre).toEqual([]);
  });

  it('exports the credit records as CSV (BOM, header of the documented fields) and as a JSON array', async () => {
    const csv = await fetch(`${srv.url}/api/market/credit-records?format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe(MARKET_CREDIT_FIELDS.map((f) => f.name).join(','));
    expect(lines.some((l) => l.includes('overcharge') && l.includes('超合同收费'))).toBe(true);
    const json = await api.request('GET', '/api/market/credit-records?format=json');
    expect(Array.isArray(json.body)).toBe(true);
    expect(Object.keys(json.body[0])).toEqual(MARKET_CREDIT_FIELDS.map((f) => f.key));
    expect(json.body.find((r: Record<string, string>) => r.XWLB === 'one_star')).toMatchObject({ XWLBMC: '综合评价一星', ZT: '1', JLBH: expect.stringMatching(/^MKT-\d{6}$/) });
    expect((await api.request('GET', '/api/market/credit-records?format=xml')).status).toBe(400);
    // The documentation names every field.
    const doc = (await import('node:fs')).readFileSync('docs/market-ratings.md', 'utf8');
    for (const f of MARKET_CREDIT_FIELDS) expect(doc).toContain(`\`${f.key}\``);
  });

  it('takes a complaint from the order’s owner; the centre lists and closes it with an outcome', async () => {
    const agency = await buildAgency(db, { services: [item] });
    const o = await order(agency);
    expect((await api.as('reviewer.county', 'POST', `/api/market/orders/${o.id}/complaints`, { reason: 'x' })).status).toBe(403);
    const filed = await api.as('applicant', 'POST', `/api/market/orders/${o.id}/complaints`, { reason: '机构索要合同外费用' });
    expect(filed.status).toBe(201);
    const id = filed.body.complaint.id;
    const list = await api.as('supervisor.city', 'GET', '/api/market/complaints?state=open');
    expect(list.body.complaints.some((c: { id: number }) => c.id === id)).toBe(true);
    expect((await api.as('supervisor.city', 'GET', '/api/market/supervision')).body.complaints.open).toBeGreaterThanOrEqual(1);
    expect((await api.as('applicant', 'POST', `/api/market/complaints/${id}/close`, { outcome: '自行关闭' })).status).toBe(403);
    const closed = await api.as('supervisor.city', 'POST', `/api/market/complaints/${id}/close`, { outcome: '已约谈机构，退还合同外费用' });
    expect(closed.body.complaint).toMatchObject({ state: 'closed', outcome: '已约谈机构，退还合同外费用' });
    const own = await api.as('applicant', 'GET', '/api/market/complaints');
    expect(own.body.complaints.find((c: { id: number }) => c.id === id)).toMatchObject({ state: 'closed' });
  });
});
