import { buildCase } from '../helpers/api';
import { ANYANG, buildDelegatedCase, deedPath, TANGXIA } from '../helpers/delegationsFactories';
import { useTestServer } from '../helpers/testServer';

/*
 * A case of a delegated item filed in 塘下镇 while 瑞安市市场监督管理局's deed
 * is in force is decided by the town's market desk, in the bureau's name; the
 * case keeps that route for life, and a revocation sends new cases only back
 * to the county.
 */
describe('the route of a case in a pilot town', () => {
  // A database of its own on MariaDB: this file revokes the seeded 塘下 deed, which other files read.
  const api = useTestServer({ privateDatabase: 'delegations_route' });
  const steps = (c: any) => c.route.map((s: any) => `${s.kind}@${s.level}${s.deedNo ? `:${s.deedNo}` : ''}`);

  async function acceptedAtTangxia() {
    const filed = await api.file(buildDelegatedCase());
    const res = await api.act(TANGXIA.clerk, filed.caseNo, { type: 'ACCEPT', opinion: '材料齐全，予以受理' });
    expect(res.status).toBe(200);
    return filed;
  }

  it('is computed from the deed: the county decision and issue move to the town’s market desk', async () => {
    const filed = await api.file(buildDelegatedCase());
    expect(steps(filed)).toEqual(['accept@town', `decide@town:${TANGXIA.deedNo}`, `issue@town:${TANGXIA.deedNo}`, 'deliver@town']);
    expect(filed.delegationDeedNo).toBe(TANGXIA.deedNo);
    expect(filed.route[1]).toMatchObject({ department: 'market', jurisdictionCode: TANGXIA.townCode });
    const events = await api.request('GET', `/api/cases/${filed.caseNo}/events`, { headers: { 'x-query-code': filed.queryCode } });
    expect(events.body.events[0].payload).toMatchObject({ delegation: TANGXIA.deedNo });
  });

  it('is the county’s in a town of the same county without a deed', async () => {
    const filed = await api.file(buildDelegatedCase({ centreCode: ANYANG.townCode }));
    expect(steps(filed)).toEqual(['accept@town', 'decide@county', 'issue@county', 'deliver@town']);
    expect(filed.delegationDeedNo).toBeUndefined();
  });

  it('lets the town centre accept an item the deed delegates though the catalogue accepts it at the county only', async () => {
    const filed = await api.file(buildDelegatedCase({ itemCode: TANGXIA.countyOnlyItemCode }));
    expect(steps(filed)).toEqual(['accept@town', `decide@town:${TANGXIA.deedNo}`, `issue@town:${TANGXIA.deedNo}`, 'deliver@town']);
    const refused = await api.request('POST', '/api/cases', { body: buildDelegatedCase({ itemCode: TANGXIA.countyOnlyItemCode, centreCode: ANYANG.townCode }) });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('NOT_ACCEPTED_HERE');
  });

  it('puts the case in the town market desk’s queue and list, not the county’s queue', async () => {
    const filed = await acceptedAtTangxia();
    const queue = async (user: string) => (await api.as(user, 'GET', '/api/queue?limit=200')).body.cases.map((c: any) => c.caseNo);
    expect(await queue(TANGXIA.reviewer)).toContain(filed.caseNo);
    expect(await queue(TANGXIA.countyReviewer)).not.toContain(filed.caseNo);
    expect(await queue(TANGXIA.clerk)).not.toContain(filed.caseNo);
    const list = await api.as(TANGXIA.reviewer, 'GET', `/api/cases?q=${filed.caseNo}`);
    expect(list.body.cases.map((c: any) => c.caseNo)).toEqual([filed.caseNo]);
  });

  it('is decided and issued by the town desk; the delegating bureau sees it but cannot act', async () => {
    const filed = await acceptedAtTangxia();
    const county = await api.act(TANGXIA.countyReviewer, filed.caseNo, { type: 'APPROVE', opinion: '准予许可' });
    expect(county.status).toBe(403);
    expect((await api.as(TANGXIA.countyReviewer, 'GET', `/api/cases/${filed.caseNo}`)).status).toBe(200);
    const approved = await api.act(TANGXIA.reviewer, filed.caseNo, { type: 'APPROVE', opinion: '符合条件，准予许可' });
    expect(approved.status).toBe(200);
    expect(approved.body.case.state).toBe('approved');
    const issued = await api.act(TANGXIA.reviewer, filed.caseNo, { type: 'ISSUE', licenceNo: 'JY13303810000001' });
    expect(issued.status).toBe(200);
    expect(issued.body.case.step).toMatchObject({ kind: 'deliver', level: 'town' });
  });

  it('serves a decision in the delegating bureau’s name that says the town acted under the deed', async () => {
    const filed = await acceptedAtTangxia();
    await api.act(TANGXIA.reviewer, filed.caseNo, { type: 'DENY', reasons: '经营场所与申请材料不符', rightsNotice: '如不服本决定，可依法申请行政复议或者提起行政诉讼。' });
    const doc = await api.request('GET', `/api/cases/${filed.caseNo}/decision`, { headers: { 'x-query-code': filed.queryCode } });
    expect(doc.status).toBe(200);
    expect(doc.body.decidingBody.name).toBe('瑞安市市场监督管理局');
    expect(doc.body.delegation).toMatchObject({ deedNo: TANGXIA.deedNo, town: '塘下镇', delegatingBody: '瑞安市市场监督管理局' });
    expect(doc.body.paragraphs.join('')).toContain(`本决定由塘下镇人民政府依据瑞安市市场监督管理局${TANGXIA.deedNo}赋权委托书，以瑞安市市场监督管理局名义作出`);
  });

  it('is kept by a running case after the deed is revoked, while a new case goes to the county', async () => {
    const running = await acceptedAtTangxia();
    const today = (await api.request('GET', '/api/delegations')).body.today;
    const revoked = await api.as('admin', 'POST', `${deedPath(TANGXIA.deedNo)}/revoke`, { reason: '镇级审批力量调整', revokedOn: today });
    expect(revoked.status).toBe(200);
    expect(revoked.body.deed).toMatchObject({ standing: 'revoked', revokedOn: today, revokeReason: '镇级审批力量调整' });

    const after = await api.file(buildDelegatedCase());
    expect(steps(after)).toEqual(['accept@town', 'decide@county', 'issue@county', 'deliver@town']);
    expect(after.delegationDeedNo).toBeUndefined();

    const kept = await api.as(TANGXIA.reviewer, 'GET', `/api/cases/${running.caseNo}`);
    expect(steps(kept.body)).toEqual(['accept@town', `decide@town:${TANGXIA.deedNo}`, `issue@town:${TANGXIA.deedNo}`, 'deliver@town']);
    expect(kept.body.actions).toContain('APPROVE');
    const approved = await api.act(TANGXIA.reviewer, running.caseNo, { type: 'APPROVE', opinion: '符合条件，准予许可' });
    expect(approved.status).toBe(200);
    expect(approved.body.case.state).toBe('approved');
  });

  it('leaves undelegated cases elsewhere as they were (a 鹿城区 village filing still climbs to the county)', async () => {
    const filed = await api.file(buildCase({ itemCode: TANGXIA.itemCode }));
    expect(steps(filed)).toEqual(['accept@village', 'review@town', 'decide@county', 'issue@county', 'deliver@village']);
  });
});
