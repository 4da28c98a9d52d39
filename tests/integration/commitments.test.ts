import type { PostCheckUpdated } from '../../workflows/socketContract';
import { PostCheckScheduler } from '../../server/commitments/postCheckScheduler';
import { Api, buildCase, DEMO, fakeIdNumber, fakeUscc } from '../helpers/api';
import { closeAll, connect, startLiveServer, waitUntil, type ClientSocket } from '../helpers/sockets';
import type { TestServer } from '../helpers/testServer';

/*
 * 告知承诺 over real HTTP and real sockets: the item guide lists the proofs;
 * an applicant files with a commitment in place of one; the post-check task
 * arrives live at the deciding department's desk; a false finding records a
 * decision and a credit record that blocks the applicant's next commitment
 * until the department repairs it; the durable timer flags a task overdue.
 */
const T0 = Date.parse('2026-03-02T01:00:00Z'); // Monday 09:00 in Wenzhou
const PROOF = '经营场所使用证明';

describe('written commitments and their post-checks', () => {
  const api = new Api('');
  let srv: TestServer;
  let now = T0;
  const desk: PostCheckUpdated[] = [];
  const applicant: PostCheckUpdated[] = [];
  const stranger: PostCheckUpdated[] = [];
  const sockets: ClientSocket[] = [];
  const idNumber = fakeIdNumber();

  const fileWith = (commitments: unknown, overrides: Record<string, unknown> = {}) =>
    api.as('applicant', 'POST', '/api/cases', buildCase({ applicant: { name: '张承诺', idNumber, phone: '13812345678' }, materials: ['药品零售企业许可申请表', '营业执照'], commitments, ...overrides }));
  const act = (id: number, body: Record<string, unknown>, user = 'reviewer.city') => api.as(user, 'POST', `/api/post-checks/${id}/actions`, body);

  beforeAll(async () => {
    srv = await startLiveServer('commitments', { now: () => new Date(now) });
    api.baseUrl = srv.url;
    for (const [user, inbox] of [['reviewer.city', desk], ['applicant', applicant], ['reviewer.county', stranger]] as const) {
      const s = await connect(srv.url, { token: await api.token(user) });
      s.on('postcheck:updated', (e) => inbox.push(e));
      sockets.push(s);
    }
  }, 60_000);
  afterAll(async () => {
    closeAll(sockets);
    await srv?.close();
  });

  it('shows the proof list in the item guide: basis, units, and whether a commitment may replace each', async () => {
    const item = await api.request('GET', `/api/items/${DEMO.cityItemCode}`);
    expect(item.status).toBe(200);
    expect(item.body.proofs).toEqual([expect.objectContaining({ name: PROOF, commitmentAllowed: true, legalBasis: expect.stringContaining('国办发〔2020〕42号'), requestingUnit: expect.any(String), issuingUnit: expect.any(String) })]);
    const food = await api.request('GET', `/api/items/${DEMO.countyItemCode}`);
    expect(food.body.proofs.find((p: { name: string }) => p.name === '食品安全管理人员健康证明')).toMatchObject({ commitmentAllowed: false, commitmentTemplate: null });
  });

  it('refuses a proof outside the list and a commitment for a proof that allows none', async () => {
    const outside = await fileWith([{ proof: '无犯罪记录证明', signed: true }]);
    expect(outside.status).toBe(422);
    expect(outside.body.error.code).toBe('PROOF_NOT_LISTED');
    const food = await api.as('applicant', 'POST', '/api/cases', buildCase({ itemCode: DEMO.countyItemCode, commitments: [{ proof: '食品安全管理人员健康证明', signed: true }] }));
    expect(food.status).toBe(422);
    expect(food.body.error.code).toBe('COMMITMENT_NOT_ALLOWED');
    const unsigned = await fileWith([{ proof: PROOF, signed: false }]);
    expect(unsigned.status).toBe(422);
    expect(unsigned.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('files with a commitment: the post-check arrives live at the deciding desk; false finding → credit record → blocked → repaired → allowed', async () => {
    const filed = await fileWith([{ proof: PROOF, signed: true }]);
    expect(filed.status).toBe(201);
    const caseNo = filed.body.caseNo;
    await waitUntil('the desk hears of the post-check', () => desk.some((e) => e.caseNo === caseNo && e.type === 'OPEN'));
    await waitUntil('the applicant hears of it', () => applicant.some((e) => e.caseNo === caseNo && e.type === 'OPEN'));
    const task = desk.find((e) => e.caseNo === caseNo)!;
    expect(task).toMatchObject({ proof: PROOF, state: 'open', overdue: false });
    expect(JSON.stringify(task)).not.toContain(idNumber);

    const list = await api.as('reviewer.city', 'GET', '/api/desk/post-checks');
    expect(list.body.postChecks.find((t: { id: number }) => t.id === task.id)).toMatchObject({ caseNo, mayAct: true, subject: { code: idNumber } });
    const mine = await api.as('applicant', 'GET', '/api/me/commitments');
    expect(mine.body.commitments.find((c: { postCheck: { id: number } }) => c.postCheck.id === task.id)).toMatchObject({ proof: PROOF, signedBy: '张承诺', text: expect.stringContaining('张承诺') });
    const seen = await api.as('supervisor.city', 'GET', `/api/post-checks/${task.id}`);
    expect(seen.body.postCheck.subject.code).not.toBe(idNumber);
    expect((await api.as('reviewer.county', 'GET', `/api/post-checks/${task.id}`)).body.error.code).toBe('POST_CHECK_NOT_FOUND');
    expect((await act(task.id, { type: 'CONFIRM', reason: '属实' }, 'supervisor.city')).status).toBe(403);

    const noNumber = await act(task.id, { type: 'FIND_FALSE', reason: '经实地核查，场所不存在' });
    expect(noNumber.status).toBe(422);
    const found = await act(task.id, { type: 'FIND_FALSE', reason: '经实地核查，承诺的经营场所不存在', decisionNo: '温市监核〔2026〕8号', expectedRevision: 1 });
    expect(found.status).toBe(200);
    expect(found.body.postCheck).toMatchObject({ state: 'found_false', outcome: { decisionNo: '温市监核〔2026〕8号' } });
    await waitUntil('the applicant hears of the outcome', () => applicant.some((e) => e.id === task.id && e.type === 'FIND_FALSE'));
    expect((await act(task.id, { type: 'CONFIRM', reason: '属实' })).body.error.code).toBe('INVALID_TRANSITION');

    const records = await api.as('reviewer.city', 'GET', '/api/credit-records');
    const record = records.body.creditRecords.find((c: { postCheckId: number }) => c.postCheckId === task.id);
    expect(record).toMatchObject({ subject: { type: 'person', code: idNumber }, decisionNo: '温市监核〔2026〕8号', repaired: null });
    const blocked = await fileWith([{ proof: PROOF, signed: true }]);
    expect(blocked.status).toBe(422);
    expect(blocked.body.error.code).toBe('COMMITMENT_BLOCKED');
    expect((await fileWith(undefined)).status).toBe(201); // the proofs themselves still do

    expect((await api.as('reviewer.county', 'POST', `/api/credit-records/${record.id}/repair`, { reason: '已整改' })).body.error.code).toBe('CREDIT_RECORD_NOT_FOUND');
    const repaired = await api.as('reviewer.city', 'POST', `/api/credit-records/${record.id}/repair`, { reason: '已提交真实材料并完成整改，准予信用修复' });
    expect(repaired.status).toBe(200);
    expect(repaired.body.creditRecord.repaired).toMatchObject({ reason: '已提交真实材料并完成整改，准予信用修复' });
    expect((await api.as('reviewer.city', 'POST', `/api/credit-records/${record.id}/repair`, { reason: '再次' })).body.error.code).toBe('CREDIT_ALREADY_REPAIRED');
    expect((await fileWith([{ proof: PROOF, signed: true }])).status).toBe(201);
  });

  it('blocks a legal person by its USCC', async () => {
    const uscc = fakeUscc();
    const company = { type: 'organisation', name: '温州承诺大药房有限公司', uscc, legalRepresentative: '李四', phone: '13812345679' };
    const filed = await api.as('applicant', 'POST', '/api/cases', buildCase({ applicant: company, commitments: [{ proof: PROOF, signed: true }] }));
    expect(filed.status).toBe(201);
    await waitUntil('the desk hears of it', () => desk.some((e) => e.caseNo === filed.body.caseNo));
    const id = desk.find((e) => e.caseNo === filed.body.caseNo)!.id;
    expect((await act(id, { type: 'FIND_FALSE', reason: '承诺不实', decisionNo: '温市监核〔2026〕9号' })).status).toBe(200);
    const again = await api.as('applicant', 'POST', '/api/cases', buildCase({ applicant: company, commitments: [{ proof: PROOF, signed: true }] }));
    expect(again.body.error.code).toBe('COMMITMENT_BLOCKED');
  });

  it('flags a task overdue through the durable timer once its due date has passed, and once only', async () => {
    const filed = await fileWith([{ proof: PROOF, signed: true }]);
    expect(filed.status).toBe(201);
    await waitUntil('the desk hears of it', () => desk.some((e) => e.caseNo === filed.body.caseNo));
    const task = desk.find((e) => e.caseNo === filed.body.caseNo)!;
    const pass = new PostCheckScheduler(srv.ctx);
    expect(await pass.tick()).toBe(0);
    now = Date.parse(`${task.dueOn}T01:00:00Z`) + 86_400_000; // the day after the due date
    const [a, b] = [pass, new PostCheckScheduler(srv.ctx)];
    const marked = await Promise.all([a.tick(), b.tick()]);
    expect(marked.reduce((x, y) => x + y, 0)).toBeGreaterThanOrEqual(1);
    await waitUntil('the desk sees it overdue', () => desk.some((e) => e.id === task.id && e.type === 'MARK_OVERDUE' && e.overdue));
    const seen = await api.as('reviewer.city', 'GET', `/api/post-checks/${task.id}`);
    expect(seen.body.postCheck).toMatchObject({ state: 'open', overdue: true });
    expect(seen.body.history.filter((h: { type: string }) => h.type === 'MARK_OVERDUE')).toHaveLength(1);
    expect(await pass.tick()).toBe(0);
    expect((await act(task.id, { type: 'CONFIRM', reason: '逾期核查，场所属实' })).body.postCheck).toMatchObject({ state: 'confirmed', overdue: true });
    expect(stranger).toEqual([]);
  });
});
