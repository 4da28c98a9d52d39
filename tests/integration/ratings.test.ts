import { Api } from '../helpers/api';
import { acceptedCase, closedCase, filedCase, ratingBody } from '../helpers/ratingsFactories';
import { startLiveServer } from '../helpers/sockets';
import type { TestServer } from '../helpers/testServer';

/*
 * 好差评 over real HTTP: the applicant (account or query code) rates once per
 * stage when the stage is reached; staff cannot rate; the rating records the
 * desks and people that handled the stage; the figures (supervisors' and the
 * public monthly results) are counted from the rows.
 */
describe('ratings of cases (好差评)', () => {
  const api = new Api('');
  let srv: TestServer;

  beforeAll(async () => {
    srv = await startLiveServer('ratings');
    api.baseUrl = srv.url;
  }, 60_000);
  afterAll(() => srv?.close());

  const rate = (caseNo: string, body: unknown, who: { user?: string; code?: string }) =>
    who.user ? api.as(who.user, 'POST', `/api/cases/${caseNo}/rating`, body) : api.request('POST', `/api/cases/${caseNo}/rating`, { body, headers: { 'x-query-code': who.code! } });

  it('refuses a stage not reached: acceptance before the case is accepted, final before it is closed', async () => {
    const c = await filedCase(api);
    const early = await rate(c.caseNo, ratingBody('accept', 5), { code: c.queryCode });
    expect(early.status).toBe(409);
    expect(early.body.error).toMatchObject({ code: 'RATING_STAGE_NOT_REACHED', details: { stage: 'accept' } });
    const a = await acceptedCase(api);
    expect((await rate(a.caseNo, ratingBody('final', 5), { user: 'applicant' })).body.error.code).toBe('RATING_STAGE_NOT_REACHED');
    const listed = await api.request('GET', `/api/cases/${a.caseNo}/ratings`, { headers: { 'x-query-code': a.queryCode } });
    expect(listed.body).toEqual({ ratings: [], rateable: ['accept'] });
  });

  it('takes the acceptance rating once, by query code, with no rectification for a good one', async () => {
    const c = await acceptedCase(api);
    const first = await rate(c.caseNo, ratingBody('accept', 4, { comment: '窗口一次告知，很清楚' }), { code: c.queryCode });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ rating: { stage: 'accept', overall: 4, comment: '窗口一次告知，很清楚', desk: { jurisdictionCode: '330302006001', department: null } }, rectification: null });
    const again = await rate(c.caseNo, ratingBody('accept', 5), { user: 'applicant' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('RATING_ALREADY_GIVEN');
  });

  it('lets no staff member rate, and says nothing about who rated', async () => {
    const c = await acceptedCase(api);
    for (const user of ['clerk.village', 'reviewer.county', 'supervisor.city', 'admin']) {
      const res = await rate(c.caseNo, ratingBody('accept', 5), { user });
      expect([user, res.status, res.body.error.code]).toEqual([user, 403, 'RATING_APPLICANT_ONLY']);
    }
    expect((await rate(c.caseNo, ratingBody('accept', 5), { user: 'clerk.othertown' })).body.error.code).toBe('CASE_NOT_FOUND');
    await rate(c.caseNo, ratingBody('accept', 5), { user: 'applicant' });
    const seen = await api.as('clerk.village', 'GET', `/api/cases/${c.caseNo}/ratings`);
    expect(seen.body.rateable).toEqual([]);
    expect(JSON.stringify(seen.body)).not.toMatch(/ratedBy|channel|applicant"/);
  });

  it('refuses a score outside 1–5 and an unknown field, naming them', async () => {
    const c = await acceptedCase(api);
    const bad = await rate(c.caseNo, ratingBody('accept', 6), { user: 'applicant' });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details.issues.map((i: { field: string }) => i.field)).toEqual(expect.arrayContaining(['overall']));
    expect((await rate(c.caseNo, { ...ratingBody('accept', 5), desk: 'x' }, { user: 'applicant' })).status).toBe(422);
  });

  it('links the final rating to every desk and person that handled the case, and holds the deciding desk answerable', async () => {
    const c = await closedCase(api);
    const rated = await rate(c.caseNo, ratingBody('final', 2, { comment: '审批太慢' }), { user: 'applicant' });
    expect(rated.status).toBe(201);
    expect(rated.body.rating.desk).toEqual({ level: 'city', jurisdictionCode: '330300000000', department: 'market' });
    const detail = await api.as('reviewer.city', 'GET', `/api/rectifications/${rated.body.rectification.id}`);
    expect(detail.body.handlers.map((h: { type: string; department: string | null }) => [h.type, h.department])).toEqual([
      ['ACCEPT', null],
      ['FORWARD', null],
      ['FORWARD', 'market'],
      ['APPROVE', 'market'],
      ['ISSUE', 'market'],
      ['DELIVER', null],
    ]);
    expect(detail.body.handlers.every((h: Record<string, unknown>) => !('userId' in h) && typeof h.actorName === 'string')).toBe(true);
  });

  it('counts the supervisors’ satisfaction by centre, department and item from the rows, inside their jurisdiction only', async () => {
    const before = (await api.as('supervisor.county', 'GET', '/api/ratings/supervision')).body;
    const row = (list: { key: string; ratings: number; bad: number; satisfied: number }[], key: string) => list.find((r) => r.key === key) ?? { ratings: 0, bad: 0, satisfied: 0 };
    const c1 = await closedCase(api);
    const c2 = await closedCase(api);
    await rate(c1.caseNo, ratingBody('final', 5), { user: 'applicant' });
    await rate(c2.caseNo, ratingBody('final', 1), { user: 'applicant' });
    const after = (await api.as('supervisor.county', 'GET', '/api/ratings/supervision')).body;
    expect(after.scope).toBe('330302000000');
    const centre = row(after.byCentre, '330302006001');
    const was = row(before.byCentre, '330302006001');
    expect([centre.ratings - was.ratings, centre.satisfied - was.satisfied, centre.bad - was.bad]).toEqual([2, 1, 1]);
    expect(row(after.byDepartment, 'market').ratings - row(before.byDepartment, 'market').ratings).toBe(2);
    expect(row(after.byItem, '330300-XK-0013').ratings - row(before.byItem, '330300-XK-0013').ratings).toBe(2);
    expect(after.byCentre.find((r: { key: string }) => r.key === '330302006001').name).toBeTruthy();
    const other = await api.as('supervisor.county', 'GET', '/api/ratings/supervision?scope=330381000000');
    expect(other.status).toBe(403);
  });

  it('publishes the monthly results to anyone, paginated with the total, counted from the rows', async () => {
    const month = (await api.request('GET', '/api/ratings/monthly?pageSize=100')).body;
    expect(month).toMatchObject({ page: 1, pageSize: 100, total: expect.any(Number) });
    expect(month.total).toBe(month.results.length);
    const market = month.results.find((r: { department: string }) => r.department === 'market');
    const rows = await srv.ctx.db.knex('case_ratings').where({ item_department: 'market', month: market.month, excluded: false }).select('overall');
    expect(market).toMatchObject({ departmentName: expect.any(String), ratings: rows.length, bad: rows.filter((r: { overall: number }) => r.overall <= 2).length });
    expect((await api.request('GET', '/api/ratings/monthly?month=2026-13')).status).toBe(400);
    const page = await api.request('GET', `/api/ratings/monthly?month=${market.month}&pageSize=1`);
    expect(page.body).toMatchObject({ total: expect.any(Number), results: [expect.objectContaining({ month: market.month })] });
  });
});
