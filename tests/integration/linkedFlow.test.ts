import { buildCase, DEMO } from '../helpers/api';
import { useTestServer } from '../helpers/testServer';

// A linked item filed at a village centre climbs town → county → city and comes back down.
describe('a linked item through all its levels', () => {
  const api = useTestServer();

  it('files online without an account and returns a readable case number and a query code', async () => {
    const filed = await api.file(buildCase());
    expect(filed.caseNo).toMatch(/^\d{8}-\d{6}$/);
    expect(filed.queryCode).toMatch(/^[A-Z2-9]{8}$/);
    expect(filed.state).toBe('acceptanceReview');
    expect(filed.route.map((s: any) => `${s.kind}@${s.level}`)).toEqual([
      'accept@village', 'review@town', 'review@county', 'decide@city', 'issue@city', 'deliver@village',
    ]);
    expect(filed.route[2].jurisdictionCode).toBe(DEMO.countyCode);
    expect(filed.applicant.idNumber).toMatch(/^\d{3}\*+\d{3}[\dX]$/);
    expect(filed.clock).toMatchObject({ phase: 'acceptance', limitDays: 5, paused: false });
  });

  it('is carried by the right clerk and reviewer at each level to delivery', async () => {
    const filed = await api.file(buildCase({ delivery: { mode: 'post', address: '温州市鹿城区五马街100号' } }));
    const no = filed.caseNo;
    const steps: [string, Record<string, unknown>, string, string][] = [
      ['clerk.village', { type: 'ACCEPT', opinion: '材料齐全，予以受理' }, 'review', 'town'],
      ['clerk.town', { type: 'FORWARD', opinion: '初审同意，报区局' }, 'review', 'county'],
      ['reviewer.county', { type: 'FORWARD', opinion: '现场核查合格，报市局' }, 'decision', 'city'],
      ['reviewer.city', { type: 'APPROVE', opinion: '符合条件，准予许可' }, 'approved', 'city'],
      ['reviewer.city', { type: 'ISSUE', licenceNo: 'YP33030020260001' }, 'issued', 'village'],
      ['clerk.village', { type: 'DELIVER', mode: 'post', trackingNo: 'EA123456785CN' }, 'delivered', 'village'],
    ];
    let version = filed.version;
    for (const [user, action, state, level] of steps) {
      const res = await api.act(user, no, { ...action, expectedVersion: version });
      expect({ user, status: res.status, state: res.body.case?.state, level: res.body.case?.step.level }).toEqual({ user, status: 200, state, level });
      version = res.body.case.version;
    }
    const done = await api.request('POST', `/api/cases/${no}/actions`, { body: { type: 'COMPLETE' }, headers: { 'x-query-code': filed.queryCode } });
    expect(done.status).toBe(200);
    expect(done.body.case.state).toBe('completed');
    expect(done.body.case.decision).toEqual({ outcome: 'approved', opinion: '符合条件，准予许可', rightsNotice: null });
    expect(done.body.case.licenceNo).toBe('YP33030020260001');
    expect(done.body.case.delivery).toMatchObject({ mode: 'post', trackingNo: 'EA123456785CN' });

    const events = await api.request('GET', `/api/cases/${no}/events`, { headers: { 'x-query-code': filed.queryCode } });
    expect(events.status).toBe(200);
    expect(events.body.events.map((e: any) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(events.body.events.map((e: any) => e.type)).toEqual(['SUBMIT', 'ACCEPT', 'FORWARD', 'FORWARD', 'APPROVE', 'ISSUE', 'DELIVER', 'COMPLETE']);
    expect(events.body.events.map((e: any) => e.level)).toEqual(['village', 'village', 'town', 'county', 'city', 'city', 'village', 'village']);
    expect(events.body.events[3]).toMatchObject({ opinion: '现场核查合格，报市局', actor: { role: 'reviewer' }, jurisdictionCode: DEMO.countyCode });
    const since = await api.request('GET', `/api/cases/${no}/events?sinceSeq=6`, { headers: { 'x-query-code': filed.queryCode } });
    expect(since.body.events.map((e: any) => e.seq)).toEqual([7, 8]);
  });

  it('shows each case in the queue of the desk it waits at, and leaves it when it moves on', async () => {
    const filed = await api.file(buildCase());
    const inQueue = async (user: string) => (await api.as(user, 'GET', '/api/queue?limit=200')).body.cases.some((c: any) => c.caseNo === filed.caseNo);
    expect(await inQueue('clerk.village')).toBe(true);
    expect(await inQueue('clerk.town')).toBe(false);
    await api.act('clerk.village', filed.caseNo, { type: 'ACCEPT' });
    expect(await inQueue('clerk.village')).toBe(false);
    expect(await inQueue('clerk.town')).toBe(true);
    await api.act('clerk.town', filed.caseNo, { type: 'FORWARD', opinion: '同意' });
    expect(await inQueue('reviewer.county')).toBe(true);
    expect(await inQueue('reviewer.health.county')).toBe(false);
  });

  it('shows the full ID number to the handling clerk only, masked to a supervisor and the applicant', async () => {
    const body = buildCase();
    const filed = await api.file(body);
    const full = (body.applicant as { idNumber: string }).idNumber;
    const clerk = await api.as('clerk.village', 'GET', `/api/cases/${filed.caseNo}`);
    expect(clerk.body.applicant.idNumber).toBe(full);
    const sup = await api.as('supervisor.city', 'GET', `/api/cases/${filed.caseNo}`);
    expect(sup.status).toBe(200);
    expect(sup.body.applicant.idNumber).not.toBe(full);
    expect(sup.body.applicant.idNumber).toBe(`${full.slice(0, 3)}${'*'.repeat(11)}${full.slice(-4)}`);
    const applicant = await api.request('GET', `/api/cases/${filed.caseNo}`, { headers: { 'x-query-code': filed.queryCode } });
    expect(applicant.body.applicant.idNumber).not.toContain(full.slice(3, 14));
  });

  it('returns a case down one level with a reason, and the lower level forwards it again', async () => {
    const filed = await api.file(buildCase());
    await api.act('clerk.village', filed.caseNo, { type: 'ACCEPT' });
    await api.act('clerk.town', filed.caseNo, { type: 'FORWARD', opinion: '同意' });
    const back = await api.act('reviewer.county', filed.caseNo, { type: 'RETURN', reason: '缺少现场照片，请镇街补充核查' });
    expect(back.status).toBe(200);
    expect(back.body.case.step.level).toBe('town');
    const again = await api.act('clerk.town', filed.caseNo, { type: 'FORWARD', opinion: '已补充核查' });
    expect(again.body.case.step.level).toBe('county');
  });

  it('pauses the clock for missing materials and a special procedure, and a refusal states reasons and rights', async () => {
    const filed = await api.file(buildCase({ itemCode: DEMO.countyItemCode }));
    const req = await api.act('clerk.village', filed.caseNo, { type: 'REQUEST_MATERIALS', missing: ['场地平面图', '食品安全管理制度'] });
    expect(req.body.case).toMatchObject({ state: 'awaitingMaterials', missingMaterials: ['场地平面图', '食品安全管理制度'] });
    expect(req.body.case.clock).toMatchObject({ paused: true, pauseKind: 'materials', deadline: null });
    const again = await api.act('clerk.village', filed.caseNo, { type: 'REQUEST_MATERIALS', missing: ['又一项'] });
    expect(again.status).toBe(409);
    const supply = await api.request('POST', `/api/cases/${filed.caseNo}/actions`, { body: { type: 'SUPPLY_MATERIALS', materials: ['场地平面图', '食品安全管理制度'] }, headers: { 'x-query-code': filed.queryCode } });
    expect(supply.body.case.state).toBe('acceptanceReview');
    expect(supply.body.case.materials).toEqual(expect.arrayContaining(['场地平面图', '食品安全管理制度']));
    await api.act('clerk.village', filed.caseNo, { type: 'ACCEPT' });
    await api.act('clerk.town', filed.caseNo, { type: 'FORWARD', opinion: '同意' });
    const sp = await api.act('reviewer.county', filed.caseNo, { type: 'START_SPECIAL', procedure: 'inspection', reason: '需现场检查' });
    expect(sp.body.case).toMatchObject({ state: 'special', special: { procedure: 'inspection', reason: '需现场检查' } });
    expect(sp.body.case.clock.paused).toBe(true);
    const end = await api.act('reviewer.county', filed.caseNo, { type: 'END_SPECIAL', opinion: '检查合格' });
    expect(end.body.case.state).toBe('decision');
    const bare = await api.act('reviewer.county', filed.caseNo, { type: 'DENY', reasons: '不符合条件' });
    expect(bare.status).toBe(422);
    const deny = await api.act('reviewer.county', filed.caseNo, { type: 'DENY', reasons: '经营场所不符合要求', rightsNotice: '如不服，可在60日内申请行政复议或6个月内提起行政诉讼' });
    expect(deny.body.case).toMatchObject({ state: 'denied', decision: { outcome: 'denied', opinion: '经营场所不符合要求' } });
  });

  it('lets the applicant withdraw before the decision but not after', async () => {
    const a = await api.file(buildCase());
    await api.act('clerk.village', a.caseNo, { type: 'ACCEPT' });
    const w = await api.request('POST', `/api/cases/${a.caseNo}/actions`, { body: { type: 'WITHDRAW', reason: '不再需要' }, headers: { 'x-query-code': a.queryCode } });
    expect(w.body.case.state).toBe('withdrawn');
    const b = await api.file(buildCase({ itemCode: DEMO.countyItemCode }));
    await api.act('clerk.village', b.caseNo, { type: 'ACCEPT' });
    await api.act('clerk.town', b.caseNo, { type: 'FORWARD', opinion: '同意' });
    await api.act('reviewer.county', b.caseNo, { type: 'APPROVE', opinion: '准予' });
    const late = await api.request('POST', `/api/cases/${b.caseNo}/actions`, { body: { type: 'WITHDRAW' }, headers: { 'x-query-code': b.queryCode } });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('INVALID_TRANSITION');
  });
});
