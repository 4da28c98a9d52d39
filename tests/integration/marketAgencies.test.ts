import type { AgencyUpdated } from '../../workflows/socketContract';
import { isValidUscc } from '../../workflows/identity';
import { AgencyReviewScheduler } from '../../server/market/agencies/reviewScheduler';
import { Api, DEMO, fakeUscc } from '../helpers/api';
import { closeAll, connect, startLiveServer, waitUntil, type ClientSocket } from '../helpers/sockets';
import { startTestServer, type TestServer } from '../helpers/testServer';

/*
 * The market's agencies over real HTTP and real sockets: the seeded market
 * (626 published, 55 on site, 6 expelled, 121 service items), registration
 * (入驻) and each refusal, the centre's review, suspension, expulsion and
 * appeal, the review timer, and the public room hearing it live.
 */
describe('market agencies (网上中介超市)', () => {
  const api = new Api('');
  let srv: TestServer;
  const publicInbox: AgencyUpdated[] = [];
  const centreInbox: AgencyUpdated[] = [];
  const sockets: ClientSocket[] = [];
  let n = 0;

  const registration = (over: Record<string, unknown> = {}) => {
    n++;
    return {
      name: `温州测试${n}号工程咨询有限公司`,
      uscc: fakeUscc(),
      legalRepresentative: '陈建国',
      contactPhone: '0577-88886666',
      address: '鹿城区人民路100号',
      jurisdictionCode: DEMO.countyCode,
      introduction: '专业从事地质灾害危险性评估',
      areas: [DEMO.countyCode],
      services: ['ZJFW001', 'ZJFW003'],
      qualifications: [{ name: '地质灾害危险性评估资质', level: '乙级', certificateNo: 'DZ-2026-0001', issuedBy: '浙江省自然资源厅', expiresOn: '2030-06-30' }],
      staff: [{ name: '林海峰', title: '高级工程师', certificateNo: 'ZY-330001' }],
      account: { username: `agency${Date.now() % 100000}x${n}`, password: 'demo1234' },
      ...over,
    };
  };
  const register = (body: Record<string, unknown>) => api.request('POST', '/api/market/agencies', { body });
  const operate = (user: string, id: number, body: Record<string, unknown>) => api.as(user, 'POST', `/api/market/agencies/${id}/operations`, body);
  const listed = async () => {
    const body = registration();
    const reg = await register(body);
    expect(reg.status).toBe(201);
    const id = reg.body.agency.id as number;
    expect((await operate('supervisor.city', id, { type: 'APPROVE' })).status).toBe(200);
    return { id, username: (body.account as { username: string }).username };
  };

  beforeAll(async () => {
    srv = await startLiveServer('marketAgencies');
    api.baseUrl = srv.url;
    const anon = await connect(srv.url, { market: true });
    anon.on('agency:updated', (e) => publicInbox.push(e));
    const centre = await connect(srv.url, { token: await api.token('supervisor.city') });
    centre.on('agency:updated', (e) => centreInbox.push(e));
    sockets.push(anon, centre);
  }, 60_000);
  afterAll(async () => {
    closeAll(sockets);
    await srv?.close();
  });

  it('publishes the seeded market: 626 agencies, 55 on site, 6 expelled, 121 service items', async () => {
    expect((await api.request('GET', '/api/market/agencies')).body.total).toBe(626);
    expect((await api.request('GET', '/api/market/agencies?onSite=true')).body.total).toBe(55);
    const expelled = await api.request('GET', '/api/market/agencies?status=expelled');
    expect(expelled.body.total).toBe(6);
    expect(expelled.body.agencies.every((a: { stars: number }) => a.stars === 1)).toBe(true);
    const items = await api.request('GET', '/api/market/service-items?pageSize=100');
    expect(items.body.total).toBe(121);
    expect(items.body.serviceItems.map((s: { name: string }) => s.name)).toEqual(expect.arrayContaining(['地质灾害危险性评估', '房产测绘', '交通影响评价']));
    const page = await api.request('GET', '/api/market/agencies?pageSize=5');
    expect(page.body.agencies).toHaveLength(5);
    expect(page.body.agencies.every((a: { uscc: string }) => isValidUscc(a.uscc))).toBe(true);
    // The history of completed orders is public like any announced order, and a page holds what its total counts.
    const history = await api.request('GET', '/api/market/orders?state=completed&pageSize=5');
    expect(history.body.total).toBeGreaterThanOrEqual(939);
    expect(history.body.orders).toHaveLength(5);
    const last = await api.request('GET', `/api/market/orders?state=completed&pageSize=100&page=${Math.ceil(history.body.total / 100)}`);
    expect(last.body.orders).toHaveLength(history.body.total % 100 || 100);
  });

  it('filters by service item, area and name, and refuses a bad query with 400', async () => {
    const svc = await api.request('GET', '/api/market/agencies?serviceItem=ZJFW001&pageSize=100');
    expect(svc.body.total).toBeGreaterThanOrEqual(3);
    const names = svc.body.agencies.map((a: { name: string }) => a.name);
    expect(names).toEqual(expect.arrayContaining(['温州市瓯江工程咨询有限公司', '温州华测勘察测绘有限公司', '浙江东方环境科技有限公司']));
    const area = await api.request('GET', `/api/market/agencies?area=${DEMO.otherTownCode}`);
    expect(area.body.total).toBeGreaterThan(0);
    expect(area.body.agencies.every((a: { areas: string[] }) => a.areas.includes('330300000000') || a.areas.includes('330381000000'))).toBe(true);
    const byName = (await api.request('GET', `/api/market/agencies?q=${encodeURIComponent('瓯江工程咨询')}`)).body.agencies.map((a: { name: string }) => a.name);
    expect(byName).toContain('温州市瓯江工程咨询有限公司');
    expect(byName.every((x: string) => x.includes('瓯江工程咨询'))).toBe(true);
    expect((await api.request('GET', '/api/market/agencies?onSite=yes')).status).toBe(400);
    expect((await api.request('GET', '/api/market/agencies?status=pending')).status).toBe(403);
    expect((await api.as('supervisor.city', 'GET', '/api/market/agencies?status=pending')).body.total).toBeGreaterThanOrEqual(4);
  });

  it('shows a public profile with qualifications and expiry, staff without certificate numbers, credit record', async () => {
    const expelled = (await api.request('GET', '/api/market/agencies?status=expelled')).body.agencies[0];
    const res = await api.request('GET', `/api/market/agencies/${expelled.id}`);
    expect(res.status).toBe(200);
    const a = res.body.agency;
    expect(a.qualifications[0]).toMatchObject({ name: expect.any(String), level: expect.any(String), expiresOn: expect.any(String), expired: expect.any(Boolean) });
    expect(a.staff[0]).toEqual({ name: expect.any(String), title: expect.any(String) });
    expect(a.creditRecord).toHaveLength(1);
    expect(a).toMatchObject({ state: 'expelled', reason: expect.any(String), decisionNo: expect.stringContaining('温审管中介'), stars: 1 });
    expect(res.body.history).toEqual([]);
    // A mobile number may be a person's: masked for the public; the landline of an office is not.
    const mobile = (await api.request('GET', '/api/market/agencies/2')).body.agency.contactPhone as string;
    expect(mobile).toMatch(/^1\d{2}\*{4}\d{4}$/);
    expect((await api.as('intermediary2', 'GET', '/api/market/my-agency')).body.agency.contactPhone).toMatch(/^1\d{10}$/);
    expect((await api.request('GET', '/api/market/agencies/999999')).status).toBe(404);
    expect((await api.request('GET', '/api/market/agencies/abc')).status).toBe(404);
  });

  it('shows a service item with the approval items needing it and the listed agencies offering it; the item guide names it', async () => {
    const res = await api.request('GET', '/api/market/service-items/ZJFW001');
    expect(res.body.serviceItem).toMatchObject({ name: '地质灾害危险性评估', department: 'resources', governmentPaid: true });
    expect(res.body.approvalItems.length).toBeGreaterThan(0);
    expect(res.body.agencies.total).toBeGreaterThanOrEqual(3);
    const guide = await api.request('GET', `/api/items/${res.body.approvalItems[0].code}`);
    expect(guide.body.marketServices).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'ZJFW001', governmentPaid: true })]));
    expect((await api.request('GET', '/api/market/service-items/NOPE1')).body.error.code).toBe('SERVICE_ITEM_NOT_FOUND');
  });

  it('registers an agency and its account in one transaction; the centre hears it, the public does not', async () => {
    const body = registration();
    const res = await register(body);
    expect(res.status).toBe(201);
    expect(res.body.agency).toMatchObject({ state: 'pending', name: body.name, review: { overdue: false } });
    const id = res.body.agency.id as number;
    await waitUntil('the centre hears of the registration', () => centreInbox.some((e) => e.id === id && e.type === 'REGISTER'));
    expect(publicInbox.some((e) => e.id === id)).toBe(false);
    // Not public while pending; its own account and the centre see it.
    expect((await api.request('GET', `/api/market/agencies/${id}`)).status).toBe(404);
    expect((await api.as(body.account.username, 'GET', '/api/market/my-agency')).body.agency.id).toBe(id);
    const queue = await api.as('supervisor.city', 'GET', '/api/market/review');
    expect(queue.body.entries.map((e: { id: number }) => e.id)).toContain(id);
  });

  it('refuses a wrong USCC, phone or date (422), an unknown service item or area (422), a taken USCC or username (409), and writes nothing', async () => {
    const before = (await api.as('supervisor.city', 'GET', '/api/market/review')).body.total;
    const bad = async (over: Record<string, unknown>, status: number, code: string) => {
      const res = await register(registration(over));
      expect([res.status, res.body.error.code]).toEqual([status, code]);
    };
    const uscc = fakeUscc();
    await bad({ uscc: uscc.slice(0, 17) + (uscc[17] === '0' ? '1' : '0') }, 422, 'VALIDATION_FAILED');
    await bad({ contactPhone: '12345' }, 422, 'VALIDATION_FAILED');
    await bad({ qualifications: [{ name: '资质', level: '甲级', certificateNo: 'X-1', issuedBy: '某厅', expiresOn: '2030-02-30' }] }, 422, 'VALIDATION_FAILED');
    await bad({ services: ['ZJFW999'] }, 422, 'SERVICE_ITEM_UNKNOWN');
    await bad({ areas: [DEMO.townCode] }, 422, 'VALIDATION_FAILED');
    await bad({ uscc: '913303021000791902' }, 409, 'AGENCY_USCC_TAKEN');
    await bad({ account: { username: 'intermediary2', password: 'demo1234' } }, 409, 'USERNAME_TAKEN');
    await bad({ staff: [] }, 422, 'VALIDATION_FAILED');
    expect((await api.as('supervisor.city', 'GET', '/api/market/review')).body.total).toBe(before);
  });

  it('lets only the city centre review: approval lists the agency, live on the public room', async () => {
    const reg = await register(registration());
    const id = reg.body.agency.id as number;
    expect((await operate('supervisor.county', id, { type: 'APPROVE' })).status).toBe(404);
    expect((await operate('clerk.city', id, { type: 'APPROVE' })).status).toBe(404);
    expect((await operate('supervisor.city', id, { type: 'REJECT' })).body.error.code).toBe('INVALID_TRANSITION');
    const ok = await operate('supervisor.city', id, { type: 'APPROVE', expectedVersion: 1 });
    expect(ok.status).toBe(200);
    expect(ok.body.agency.state).toBe('listed');
    await waitUntil('the public hears of the listing', () => publicInbox.some((e) => e.id === id && e.type === 'APPROVE' && e.state === 'listed'));
    const message = publicInbox.find((e) => e.id === id)!;
    expect(Object.keys(message).sort()).toEqual(['at', 'id', 'name', 'revision', 'score', 'seq', 'stars', 'state', 'type']);
    expect((await operate('supervisor.city', id, { type: 'SUSPEND', reason: 'x', expectedVersion: 1 })).body.error.code).toBe('VERSION_CONFLICT');
    expect((await api.request('GET', `/api/market/agencies/${id}`)).status).toBe(200);
  });

  it('rejects a registration with reasons, told to the agency only', async () => {
    const body = registration();
    const id = (await register(body)).body.agency.id as number;
    const res = await operate('supervisor.city', id, { type: 'REJECT', reason: '资质证书与营业执照名称不符' });
    expect(res.body.agency).toMatchObject({ state: 'rejected', reason: '资质证书与营业执照名称不符' });
    expect((await api.request('GET', `/api/market/agencies/${id}`)).status).toBe(404);
    expect((await api.as(body.account.username, 'GET', '/api/market/my-agency')).body.agency.reason).toBe('资质证书与营业执照名称不符');
  });

  it('suspends and restores, expels with a decision number; the agency appeals once in time; the centre upholds or overturns', async () => {
    const a = await listed();
    expect((await operate('supervisor.city', a.id, { type: 'SUSPEND' })).body.error.code).toBe('INVALID_TRANSITION');
    expect((await operate('supervisor.city', a.id, { type: 'SUSPEND', reason: '整改' })).body.agency.state).toBe('suspended');
    expect((await operate('supervisor.city', a.id, { type: 'RESTORE', reason: '整改完成' })).body.agency.state).toBe('listed');
    expect((await operate('supervisor.city', a.id, { type: 'EXPEL', reason: '出具虚假报告' })).body.error.code).toBe('INVALID_TRANSITION');
    const expelled = await operate('supervisor.city', a.id, { type: 'EXPEL', reason: '出具虚假报告', decisionNo: '温审管中介〔2026〕99号' });
    expect(expelled.body.agency).toMatchObject({ state: 'expelled', decisionNo: '温审管中介〔2026〕99号', appealUntil: expect.any(String) });
    await waitUntil('the public hears of the expulsion', () => publicInbox.some((e) => e.id === a.id && e.type === 'EXPEL'));
    // Its state is what other parts of the market read: expelled, in the public expelled list.
    const list = await api.request('GET', '/api/market/agencies?status=expelled&pageSize=100');
    expect(list.body.agencies.map((x: { id: number }) => x.id)).toContain(a.id);
    expect((await operate('supervisor.city', a.id, { type: 'APPEAL', reason: '理由' })).status).toBe(403);
    expect((await operate('intermediary', a.id, { type: 'APPEAL', reason: '理由' })).status).toBe(403);
    const appeal = await operate(a.username, a.id, { type: 'APPEAL', reason: '报告数据经第三方复核无误' });
    expect(appeal.body.agency).toMatchObject({ state: 'appealing', appealGrounds: '报告数据经第三方复核无误', review: { dueOn: expect.any(String) } });
    const queue = await api.as('supervisor.city', 'GET', '/api/market/review');
    expect(queue.body.entries.find((e: { id: number }) => e.id === a.id)).toMatchObject({ state: 'appealing', appealGrounds: '报告数据经第三方复核无误' });
    expect((await operate('supervisor.city', a.id, { type: 'UPHOLD', reason: '维持清退决定' })).body.agency.state).toBe('expelled');
    expect((await operate(a.username, a.id, { type: 'APPEAL', reason: '再次申诉' })).body.error.code).toBe('INVALID_TRANSITION');

    const b = await listed();
    await operate('supervisor.city', b.id, { type: 'EXPEL', reason: '逾期', decisionNo: 'D-100' });
    await operate(b.username, b.id, { type: 'APPEAL', reason: '有正当理由' });
    expect((await operate('supervisor.city', b.id, { type: 'OVERTURN', reason: '申诉成立' })).body.agency.state).toBe('listed');
  });

  it('flags registrations the centre has not reviewed in time, once, through the durable timer; overdue first in the queue', async () => {
    const pass = new AgencyReviewScheduler(srv.ctx);
    expect(await pass.tick()).toBeGreaterThanOrEqual(2);
    expect(await pass.tick()).toBe(0);
    const queue = (await api.as('supervisor.city', 'GET', '/api/market/review')).body.entries;
    expect(queue[0].overdue).toBe(true);
    const firstOnTime = queue.findIndex((e: { overdue: boolean }) => !e.overdue);
    expect(queue.slice(firstOnTime).every((e: { overdue: boolean }) => !e.overdue)).toBe(true);
    await waitUntil('the centre hears the review is overdue', () => centreInbox.some((e) => e.type === 'REVIEW_OVERDUE'));
    expect(publicInbox.some((e) => e.type === 'REVIEW_OVERDUE')).toBe(false);
  });

  it('keeps the review queue and my-agency to their own', async () => {
    expect((await api.as('supervisor.county', 'GET', '/api/market/review')).status).toBe(403);
    expect((await api.as('applicant', 'GET', '/api/market/review')).status).toBe(403);
    expect((await api.as('applicant', 'GET', '/api/market/my-agency')).status).toBe(403);
    expect((await api.as('intermediary', 'GET', '/api/market/my-agency')).body.agency.name).toBe('温州市瓯江工程咨询有限公司');
  });

  it('throttles registration per address like public filing (429 with Retry-After)', async () => {
    const limited = await startTestServer({ env: { FILING_LIMIT: '2', FILING_WINDOW_MINUTES: '60' } });
    try {
      const local = new Api(limited.url);
      const tries = [];
      for (let i = 0; i < 3; i++) tries.push(await local.request('POST', '/api/market/agencies', { body: registration() }));
      expect(tries.map((r) => r.status)).toEqual([201, 201, 429]);
      expect(tries[2]!.body.error.code).toBe('RATE_LIMITED');
    } finally {
      await limited.close();
    }
  });
});
