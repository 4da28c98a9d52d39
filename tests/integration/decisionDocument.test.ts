import { buildCase, DEMO } from '../helpers/api';
import { useTestServer } from '../helpers/testServer';

/*
 * The written decision a refused, denied or approved case serves, generated
 * from the case: the deciding body, the reasons, and a rights notice that
 * names the review body and the court by the jurisdiction tree.
 */
describe('the written decision of a case', () => {
  const api = useTestServer();
  const qc = (code: string) => ({ 'x-query-code': code });

  /** A city-decided item filed at 安澜社区, carried up to the city's decision. */
  async function atCityDecision() {
    const filed = await api.file(buildCase());
    for (const [user, action] of [
      ['clerk.village', { type: 'ACCEPT', opinion: '材料齐全，予以受理' }],
      ['clerk.town', { type: 'FORWARD', opinion: '初审同意' }],
      ['reviewer.county', { type: 'FORWARD', opinion: '审查同意' }],
    ] as const) {
      const res = await api.act(user, filed.caseNo, action);
      expect({ user, status: res.status }).toEqual({ user, status: 200 });
    }
    return filed;
  }

  it('generates the rights notice the desk starts from: city market → 温州市人民政府, the court of 鹿城区 where the city sits', async () => {
    const filed = await atCityDecision();
    const res = await api.as('reviewer.city', 'GET', `/api/cases/${filed.caseNo}/rights-notice`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      decidingBody: { name: '温州市市场监督管理局' },
      reviewBody: { name: '温州市人民政府' },
      court: { name: '温州市鹿城区人民法院' },
      reviewDays: 60,
      suitMonths: 6,
    });
    expect(res.body.text).toContain('温州市人民政府申请行政复议');
    expect(res.body.text).toContain('温州市鹿城区人民法院提起行政诉讼');
  });

  it('has none before a decision is made (404), for the applicant and for staff', async () => {
    const filed = await atCityDecision();
    const mine = await api.request('GET', `/api/cases/${filed.caseNo}/decision`, { headers: qc(filed.queryCode) });
    expect(mine.status).toBe(404);
    expect(mine.body.error.code).toBe('NOT_FOUND');
    expect((await api.as('reviewer.city', 'GET', `/api/cases/${filed.caseNo}/decision`)).status).toBe(404);
  });

  it('serves a denial as 不予许可决定书 with the reasons, the date, the deciding body and the generated rights', async () => {
    const filed = await atCityDecision();
    const notice = (await api.as('reviewer.city', 'GET', `/api/cases/${filed.caseNo}/rights-notice`)).body.text;
    const deny = await api.act('reviewer.city', filed.caseNo, { type: 'DENY', reasons: '经营场所不符合药品经营质量管理规范', rightsNotice: notice });
    expect(deny.status).toBe(200);
    const res = await api.request('GET', `/api/cases/${filed.caseNo}/decision`, { headers: qc(filed.queryCode) });
    expect(res.status).toBe(200);
    const doc = res.body;
    expect(doc).toMatchObject({
      caseNo: filed.caseNo,
      kind: 'denial',
      title: '不予许可决定书',
      item: { code: DEMO.cityItemCode },
      applicant: { name: '张小明' },
      opinion: '经营场所不符合药品经营质量管理规范',
      decidingBody: { name: '温州市市场监督管理局' },
      rights: { reviewBody: { name: '温州市人民政府' }, court: { name: '温州市鹿城区人民法院' }, reviewDays: 60, suitMonths: 6, text: notice },
    });
    expect(doc.decidedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(doc.docNo).toContain(filed.caseNo);
    // The applicant's ID number stays masked on the document they read with a query code.
    expect(doc.applicant.idNumber).toMatch(/\*/);
    // Staff who may see the case read it too; the route map carries no step after the decision.
    const staff = await api.as('supervisor.county', 'GET', `/api/cases/${filed.caseNo}/decision`);
    expect(staff.status).toBe(200);
    expect(staff.body.title).toBe('不予许可决定书');
  });

  it('serves a refusal at a village window as 不予受理通知书 in the name of the competent county department', async () => {
    const filed = await api.file(buildCase({ itemCode: DEMO.countyItemCode }));
    const notice = (await api.as('clerk.village', 'GET', `/api/cases/${filed.caseNo}/rights-notice`)).body;
    expect(notice.reviewBody.name).toBe('温州市鹿城区人民政府');
    expect(notice.court.name).toBe('温州市鹿城区人民法院');
    const refuse = await api.act('clerk.village', filed.caseNo, { type: 'REFUSE', reasons: '申请事项不属于本机关职权范围', rightsNotice: notice.text });
    expect(refuse.status).toBe(200);
    const doc = (await api.request('GET', `/api/cases/${filed.caseNo}/decision`, { headers: qc(filed.queryCode) })).body;
    expect(doc).toMatchObject({ kind: 'refusal', title: '不予受理通知书', decidingBody: { name: '温州市鹿城区市场监督管理局' }, opinion: '申请事项不属于本机关职权范围' });
    expect(doc.rights.text).toContain('温州市鹿城区人民政府');
  });

  it('a withdrawn case has no written decision', async () => {
    const filed = await api.file(buildCase());
    const w = await api.request('POST', `/api/cases/${filed.caseNo}/actions`, { body: { type: 'WITHDRAW' }, headers: qc(filed.queryCode) });
    expect(w.status).toBe(200);
    expect((await api.request('GET', `/api/cases/${filed.caseNo}/decision`, { headers: qc(filed.queryCode) })).status).toBe(404);
  });

  it('answers a wrong query code, a case out of reach and no credentials like the case itself', async () => {
    const filed = await api.file(buildCase());
    const wrong = await api.request('GET', `/api/cases/${filed.caseNo}/decision`, { headers: qc('AAAAAAAA') });
    expect(wrong.status).toBe(404);
    expect(wrong.body.error.code).toBe('CASE_NOT_FOUND');
    const other = await api.as('clerk.othertown', 'GET', `/api/cases/${filed.caseNo}/rights-notice`);
    expect(other.body.error.code).toBe('CASE_NOT_FOUND');
    expect((await api.request('GET', `/api/cases/${filed.caseNo}/rights-notice`)).status).toBe(401);
  });
});
