import { RectificationScheduler } from '../../server/ratings/rectificationScheduler';
import type { RectificationUpdated } from '../../workflows/socketContract';
import { Api } from '../helpers/api';
import { closedCase, ratingBody } from '../helpers/ratingsFactories';
import { closeAll, connect, startLiveServer, waitUntil, type ClientSocket } from '../helpers/sockets';
import type { TestServer } from '../helpers/testServer';

/*
 * A bad rating's rectification over real HTTP and real sockets: it arrives
 * live at the desk that decided (温州市 market) and its supervisors; the desk
 * verifies, calls back and fixes; the applicant sees the outcome and rates
 * it; an appeal upheld by a supervisor takes the rating out of the figures;
 * the durable timer flags a late one overdue; 实名差评回访率 lists the missing.
 */
const T0 = Date.parse('2026-03-02T01:00:00Z'); // Monday 09:00 in Wenzhou

describe('rectification of bad ratings (整改)', () => {
  const api = new Api('');
  let srv: TestServer;
  let now = T0;
  const desk: RectificationUpdated[] = [];
  const supervisor: RectificationUpdated[] = [];
  const applicant: RectificationUpdated[] = [];
  const stranger: RectificationUpdated[] = [];
  const sockets: ClientSocket[] = [];

  const act = (id: number, body: Record<string, unknown>, user = 'reviewer.city') => api.as(user, 'POST', `/api/rectifications/${id}/actions`, body);
  /** A closed case rated badly at its end by the applicant account: its rectification, heard by the desk. */
  async function badRating(extra: Record<string, unknown> = {}): Promise<{ caseNo: string; queryCode: string; id: number }> {
    const c = await closedCase(api);
    const rated = await api.as('applicant', 'POST', `/api/cases/${c.caseNo}/rating`, ratingBody('final', 1, { comment: '等了很久', ...extra }));
    expect(rated.status).toBe(201);
    await waitUntil('the desk hears of the rectification', () => desk.some((e) => e.caseNo === c.caseNo && e.type === 'OPEN'));
    return { ...c, id: rated.body.rectification.id };
  }

  beforeAll(async () => {
    srv = await startLiveServer('rectification', { now: () => new Date(now) });
    api.baseUrl = srv.url;
    for (const [user, inbox] of [['reviewer.city', desk], ['supervisor.city', supervisor], ['applicant', applicant], ['reviewer.county', stranger]] as const) {
      const s = await connect(srv.url, { token: await api.token(user) });
      s.on('rectification:updated', (e) => inbox.push(e));
      sockets.push(s);
    }
  }, 60_000);
  afterAll(async () => {
    closeAll(sockets);
    await srv?.close();
  });

  it('opens at the deciding desk, due in 15 working days, live to the desk, its supervisors and the applicant', async () => {
    const { caseNo, id } = await badRating();
    const opened = desk.find((e) => e.id === id)!;
    expect(opened).toMatchObject({ stage: 'final', state: 'verifying', overdue: false, desk: { jurisdictionCode: '330300000000', department: 'market' } });
    expect(opened.dueOn).toBe(srv.ctx.calendar.addWorkingDays('2026-03-02', 15));
    await waitUntil('the supervisor hears of it', () => supervisor.some((e) => e.id === id));
    await waitUntil('the applicant hears of it', () => applicant.some((e) => e.id === id));
    const list = await api.as('reviewer.city', 'GET', '/api/desk/rectifications');
    expect(list.body.rectifications.find((t: { id: number }) => t.id === id)).toMatchObject({ caseNo, actions: ['VERIFY'] });
    expect((await api.as('reviewer.county', 'GET', `/api/rectifications/${id}`)).body.error.code).toBe('RECTIFICATION_NOT_FOUND');
  });

  it('is worked by the desk: verify, call back (the desk alone reads the phone), fix; the applicant sees the outcome and rates it', async () => {
    const { caseNo, queryCode, id } = await badRating();
    expect((await act(id, { type: 'VERIFY', reason: '经核实' }, 'reviewer.county')).body.error.code).toBe('RECTIFICATION_NOT_FOUND');
    expect((await act(id, { type: 'VERIFY', reason: '经核实' }, 'supervisor.city')).status).toBe(403);
    expect((await act(id, { type: 'FIX', reason: '已整改' })).body.error.code).toBe('INVALID_TRANSITION');
    expect((await act(id, { type: 'VERIFY', reason: '经核实，审批环节用时偏长', expectedRevision: 1 })).body.rectification.state).toBe('callingBack');
    const forDesk = await api.as('reviewer.city', 'GET', `/api/rectifications/${id}`);
    expect(forDesk.body.contact).toEqual({ name: '张小明', phone: '13812345678' });
    const forSupervisor = await api.as('supervisor.city', 'GET', `/api/rectifications/${id}`);
    expect(forSupervisor.body.contact.phone).not.toBe('13812345678');
    expect((await act(id, { type: 'CALL_BACK', reason: '电话回访，说明办理进度', reached: true })).body.rectification).toMatchObject({ state: 'resolving', calledBack: { reached: true } });
    const early = await api.request('POST', `/api/cases/${caseNo}/rectification-rating`, { body: { stage: 'final', score: 5 }, headers: { 'x-query-code': queryCode } });
    expect(early.body.error.code).toBe('INVALID_TRANSITION');
    expect((await act(id, { type: 'FIX', reason: '已压缩审查环节时限，并向申请人致歉' })).body.rectification).toMatchObject({ state: 'resolved', outcome: { kind: 'fixed' } });
    await waitUntil('the applicant hears of the fix', () => applicant.some((e) => e.id === id && e.type === 'FIX'));
    const page = await api.request('GET', `/api/cases/${caseNo}/ratings`, { headers: { 'x-query-code': queryCode } });
    expect(page.body.ratings[0].rectification).toMatchObject({ state: 'resolved', outcome: { kind: 'fixed', text: '已压缩审查环节时限，并向申请人致歉' } });
    expect((await api.as('reviewer.city', 'POST', `/api/cases/${caseNo}/rectification-rating`, { stage: 'final', score: 5 })).body.error.code).toBe('RATING_APPLICANT_ONLY');
    const rated = await api.request('POST', `/api/cases/${caseNo}/rectification-rating`, { body: { stage: 'final', score: 4, comment: '态度好' }, headers: { 'x-query-code': queryCode } });
    expect(rated.body.rectification).toMatchObject({ state: 'closed', applicantRating: { score: 4, comment: '态度好' } });
    const history = (await api.as('reviewer.city', 'GET', `/api/rectifications/${id}`)).body.history.map((h: { type: string }) => h.type);
    expect(history).toEqual(['OPEN', 'VERIFY', 'CALL_BACK', 'FIX', 'APPLICANT_RATE']);
  });

  it('takes a malicious rating out of the figures once a supervisor upholds the desk’s appeal', async () => {
    const { id } = await badRating({ comment: '恶意' });
    const count = async () => (await srv.ctx.db.knex('case_ratings').where({ excluded: false }).count({ n: '*' }))[0]!.n;
    await act(id, { type: 'VERIFY', reason: '经核实，办理合规' });
    await act(id, { type: 'CALL_BACK', reason: '未接通', reached: false });
    expect((await act(id, { type: 'APPEAL', reason: '评价内容与办件无关，属恶意差评' })).body.rectification.state).toBe('appealed');
    expect((await act(id, { type: 'UPHOLD_APPEAL', reason: '复核' })).status).toBe(403);
    const before = Number(await count());
    expect((await act(id, { type: 'UPHOLD_APPEAL', reason: '经复核属恶意差评，不计入统计' }, 'supervisor.city')).body.rectification).toMatchObject({ state: 'dismissed', outcome: { kind: 'dismissed' } });
    expect(Number(await count())).toBe(before - 1);
  });

  it('reads 实名差评回访率 from the rows and lists the bad ratings still missing a call back; an anonymous one needs none', async () => {
    const anonymous = await badRating({ anonymous: true });
    const detail = await api.as('reviewer.city', 'GET', `/api/rectifications/${anonymous.id}`);
    expect(detail.body.contact).toBeNull();
    expect((await act(anonymous.id, { type: 'VERIFY', reason: '经核实' })).body.rectification.state).toBe('resolving');
    const missing = await badRating();
    const figures = (await api.as('supervisor.city', 'GET', '/api/ratings/supervision')).body;
    const rows = await srv.ctx.db.knex('rectifications').where({ real_name: true }).whereNot('state', 'dismissed').select('id', 'called_back_at');
    expect(figures.callBack).toMatchObject({ realNameBad: rows.length, calledBack: rows.filter((r: { called_back_at: string | null }) => r.called_back_at).length });
    expect(figures.callBack.ratePercent).toBeLessThan(100);
    expect(figures.callBack.missing.map((m: { rectificationId: number }) => m.rectificationId)).toContain(missing.id);
    expect(figures.callBack.missing.map((m: { rectificationId: number }) => m.rectificationId)).not.toContain(anonymous.id);
    expect(figures.rectifications.open).toBeGreaterThanOrEqual(2);
  });

  it('is flagged overdue by the durable timer the day after its due date, once, live; answered late, it stays flagged', async () => {
    const { id } = await badRating();
    const task = desk.find((e) => e.id === id)!;
    const pass = new RectificationScheduler(srv.ctx);
    expect(await pass.tick()).toBe(0);
    now = Date.parse(`${task.dueOn}T01:00:00Z`) + 86_400_000;
    const marked = await Promise.all([pass.tick(), new RectificationScheduler(srv.ctx).tick()]);
    expect(marked.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1);
    await waitUntil('the desk sees it overdue', () => desk.some((e) => e.id === id && e.type === 'MARK_OVERDUE' && e.overdue));
    await waitUntil('the supervisor sees it overdue', () => supervisor.some((e) => e.id === id && e.type === 'MARK_OVERDUE'));
    expect(await pass.tick()).toBe(0);
    const figures = (await api.as('supervisor.city', 'GET', '/api/ratings/supervision')).body;
    expect(figures.rectifications.overdue).toBeGreaterThanOrEqual(1);
    await act(id, { type: 'VERIFY', reason: '逾期核实' });
    await act(id, { type: 'CALL_BACK', reason: '已回访', reached: true });
    expect((await act(id, { type: 'EXPLAIN', reason: '所提要求无法律依据，已当面解释' })).body.rectification).toMatchObject({ state: 'resolved', overdue: true, outcome: { kind: 'explained' } });
    expect(stranger).toEqual([]);
  });
});
