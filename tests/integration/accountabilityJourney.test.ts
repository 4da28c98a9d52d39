import type { RectificationUpdated } from '../../workflows/socketContract';
import { Api } from '../helpers/api';
import { buildDelegatedCase, TANGXIA } from '../helpers/delegationsFactories';
import { newRow, openDraft, powersCsv, powersOf, uploadPowers } from '../helpers/powersFactories';
import { ratingBody } from '../helpers/ratingsFactories';
import { closeAll, connect, startLiveServer, waitUntil, type ClientSocket } from '../helpers/sockets';
import type { TestServer } from '../helpers/testServer';

/*
 * Issue 14 as it is judged, end to end over real HTTP and real sockets on one
 * database: an administrator keeps 文成县's list (cut with a reason, import,
 * publish, compare) while the seed's figures still count from the rows; a
 * citizen of the pilot town 塘下镇 has a case decided at the town in the
 * county bureau's name, rates it badly and watches the rectification come
 * back live; a supervisor follows the bad rating to the power and the
 * responsibility behind it.
 */
const WENCHENG = '330328000000';

describe('issue 14 as judged: lists kept, a pilot town decides, a bad rating is rectified and followed to its power', () => {
  const api = new Api('');
  let srv: TestServer;
  const sockets: ClientSocket[] = [];
  const desk: RectificationUpdated[] = [];
  const citizen: RectificationUpdated[] = [];

  beforeAll(async () => {
    srv = await startLiveServer('accountability_journey');
    api.baseUrl = srv.url;
    for (const [user, inbox] of [[TANGXIA.reviewer, desk], ['applicant', citizen]] as const) {
      const s = await connect(srv.url, { token: await api.token(user) });
      s.on('rectification:updated', (e) => inbox.push(e));
      sockets.push(s);
    }
  }, 60_000);
  afterAll(async () => {
    closeAll(sockets);
    await srv?.close();
  });

  it('an administrator adjusts, imports and publishes a county list; the comparison gives each change’s reason; the seed’s figures count from the rows', async () => {
    const before = await powersOf(api, `jurisdiction=${WENCHENG}`, 2);
    const [cut] = before.powers.map((p) => p.code);
    const dept = before.powers[0]!.department.name;
    const draft = await openDraft(api, WENCHENG, '2026年文成县权力清单调整');
    const adjusted = await api.as('admin', 'POST', `/api/powers/versions/${draft.id}/adjustments`, { kind: 'cut', codes: [cut], reason: '设定依据已废止', basis: '国务院令第七百号' });
    expect(adjusted.status).toBe(200);
    const imported = await uploadPowers(api, draft.id, powersCsv([newRow('文成县测试新增权力', dept)]), 'text/csv');
    expect([imported.status, imported.body.imported]).toEqual([200, 1]);
    expect((await powersOf(api, `jurisdiction=${WENCHENG}`, 2)).total).toBe(before.total); // unpublished: the public reads the old list
    const published = await api.as('admin', 'POST', `/api/powers/versions/${draft.id}/publish`, {});
    expect([published.status, (await powersOf(api, `jurisdiction=${WENCHENG}`, 2)).total]).toEqual([200, before.total]);
    const versions = (await api.request('GET', `/api/powers/versions?jurisdiction=${WENCHENG}`)).body.versions;
    const base = versions.find((v: { seq: number }) => v.seq === draft.seq - 1);
    const cmp = (await api.request('GET', `/api/powers/versions/compare?from=${base.id}&to=${draft.id}`)).body;
    expect([cmp.summary.removed.cut, cmp.summary.added.added, cmp.summary.net]).toEqual([1, 1, 0]);
    expect(cmp.changes.find((c: { kind: string }) => c.kind === 'cut')).toMatchObject({ reason: '设定依据已废止', basis: '国务院令第七百号' });
    const all = (await api.request('GET', '/api/powers/versions?level=city')).body.totals.city;
    expect([all.reviewed, all.published, all.cutPercent, all.departments]).toEqual([12_723, 4_168, 67.2, 44]);
  });

  let caseNo = '';
  let rectificationId = 0;

  it('a citizen of 塘下镇 has the case decided at the town, in the county bureau’s name', async () => {
    const filed = await api.file(buildDelegatedCase(), 'applicant');
    caseNo = filed.caseNo;
    for (const [by, action] of [
      [TANGXIA.clerk, { type: 'ACCEPT', opinion: '材料齐全，予以受理' }],
      [TANGXIA.reviewer, { type: 'APPROVE', opinion: '符合条件，准予许可' }],
      [TANGXIA.reviewer, { type: 'ISSUE', licenceNo: 'JY13303810000099' }],
      [TANGXIA.clerk, { type: 'DELIVER', mode: 'post', trackingNo: 'EA123456785CN' }],
      ['applicant', { type: 'COMPLETE' }],
    ] as const) expect([by, action.type, (await api.act(by, caseNo, action)).status]).toEqual([by, action.type, 200]);
    const doc = await api.as('applicant', 'GET', `/api/cases/${caseNo}/decision`);
    expect(doc.body.decidingBody.name).toBe('瑞安市市场监督管理局');
    expect(doc.body.paragraphs.join('')).toContain(`本决定由塘下镇人民政府依据瑞安市市场监督管理局${TANGXIA.deedNo}赋权委托书，以瑞安市市场监督管理局名义作出`);
  });

  it('the citizen rates it badly; the town desk that decided rectifies it live; the citizen sees the fix and rates it', async () => {
    const rated = await api.as('applicant', 'POST', `/api/cases/${caseNo}/rating`, ratingBody('final', 1, { comment: '审查时间太长' }));
    expect(rated.status).toBe(201);
    rectificationId = rated.body.rectification.id;
    await waitUntil('the town desk hears of it', () => desk.some((e) => e.id === rectificationId && e.type === 'OPEN'));
    expect(desk.find((e) => e.id === rectificationId)).toMatchObject({ desk: { jurisdictionCode: TANGXIA.townCode, department: 'market' } });
    const act = (body: Record<string, unknown>) => api.as(TANGXIA.reviewer, 'POST', `/api/rectifications/${rectificationId}/actions`, body);
    expect((await act({ type: 'VERIFY', reason: '经核实，审查用时偏长' })).status).toBe(200);
    expect((await act({ type: 'CALL_BACK', reason: '电话回访', reached: true })).status).toBe(200);
    expect((await act({ type: 'FIX', reason: '已压缩审查时限并致歉' })).body.rectification.state).toBe('resolved');
    await waitUntil('the citizen hears of the fix', () => citizen.some((e) => e.id === rectificationId && e.type === 'FIX'));
    const outcome = await api.as('applicant', 'POST', `/api/cases/${caseNo}/rectification-rating`, { stage: 'final', score: 4 });
    expect(outcome.body.rectification).toMatchObject({ state: 'closed', applicantRating: { score: 4 } });
  });

  it('a supervisor follows the bad rating to the power the item implements and the responsibility matters it reaches', async () => {
    const res = await api.as('supervisor.city', 'GET', `/api/cases/${caseNo}/accountability`);
    expect(res.status).toBe(200);
    const [t] = res.body.triggers;
    expect(t).toMatchObject({ kind: 'bad_rating', desk: { jurisdictionCode: TANGXIA.townCode, department: 'market' }, rectification: { id: rectificationId, state: 'closed' } });
    expect(t.handlers.filter((h: { type: string }) => h.type === 'APPROVE').map((h: { jurisdictionCode: string }) => h.jurisdictionCode)).toEqual([TANGXIA.townCode]);
    const reached = res.body.responsibilities.filter((d: { reachedBy: string[] }) => d.reachedBy.length > 0);
    expect(reached.map((d: { matter: string }) => d.matter.split('：')[0])).toEqual(['审查责任', '决定责任', '送达责任']);
    const power = await api.request('GET', `/api/powers/${res.body.power.code}`);
    expect(power.body.items.map((i: { code: string }) => i.code)).toContain(TANGXIA.itemCode);
    expect(power.body.responsibilities.map((d: { accountability: string }) => d.accountability)).toEqual(expect.arrayContaining(reached.map((d: { accountability: string }) => d.accountability)));
    const figures = (await api.as('supervisor.city', 'GET', '/api/ratings/supervision')).body;
    expect(figures.callBack.missing.map((m: { rectificationId: number }) => m.rectificationId)).not.toContain(rectificationId);
  });
});
