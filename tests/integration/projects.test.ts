import type { ProjectUpdated } from '../../workflows/socketContract';
import { isProjectCode } from '../../workflows/projectCode';
import { pdfBytes } from '../helpers/files';
import { approveToEnd, INVESTOR, projectBody, registerProjectVia, uploadStageFile } from '../helpers/projectFactories';
import { Api } from '../helpers/api';
import { buildServiceItem } from '../helpers/marketFactories';
import { closeAll, connect, startLiveServer, waitUntil, type ClientSocket } from '../helpers/sockets';
import type { TestServer } from '../helpers/testServer';

/*
 * Investment projects over real HTTP and real sockets: registration assigns
 * the code; the list and the page are scoped; a stage files all its cases at
 * once from one form and one set of materials; the stage completes when its
 * cases are approved, and is held, with the item and case named, when one is
 * denied; the owner declares and ends waits; the project moves live.
 */
describe('investment projects (投资项目)', () => {
  const api = new Api('');
  let srv: TestServer;
  const sockets: ClientSocket[] = [];
  const inbox: Record<string, ProjectUpdated[]> = { investor: [], supervisor: [], other: [] };

  beforeAll(async () => {
    srv = await startLiveServer('projects');
    api.baseUrl = srv.url;
    for (const [key, who] of [['investor', INVESTOR], ['supervisor', 'supervisor.county'], ['other', 'applicant']] as const) {
      const s = await connect(srv.url, { token: await api.token(who) });
      s.on('project:updated', (e) => inbox[key]!.push(e));
      sockets.push(s);
    }
  }, 60_000);
  afterAll(async () => {
    closeAll(sockets);
    await srv?.close();
  });

  it('registers a project with the next code of its year and area, and refuses a bad credit code, a place outside the tree and a staff account', async () => {
    const a = await registerProjectVia(api);
    const b = await registerProjectVia(api, { name: '瓯越科技产业园二期' });
    expect(isProjectCode(a.project.code)).toBe(true);
    expect(a.project.code).toMatch(/^\d{4}-330302-70-03-\d{6}$/);
    expect(Number(b.project.code.slice(-6))).toBe(Number(a.project.code.slice(-6)) + 1);
    expect(a.project).toMatchObject({ state: 'coded', currentStage: null, owner: { name: '温州瓯越置业有限公司', phone: '13957700001' } });
    expect(a.stages.map((s: { state: string }) => s.state)).toEqual(['not_started', 'not_started', 'not_started', 'not_started']);
    expect(a.history.map((e: { type: string }) => e.type)).toEqual(['REGISTER']);
    const badUscc = await api.as(INVESTOR, 'POST', '/api/projects', projectBody({ owner: { name: '某公司', uscc: '91330302MA2AAAAA00', legalRep: '张三', phone: '13957700001' } }));
    expect([badUscc.status, badUscc.body.error.code, badUscc.body.error.details.field]).toEqual([422, 'VALIDATION_FAILED', 'owner.uscc']);
    const outside = await api.as(INVESTOR, 'POST', '/api/projects', projectBody({ jurisdictionCode: '330000000000' }));
    expect([outside.status, outside.body.error.details.field]).toEqual([422, 'jurisdictionCode']);
    const staff = await api.as('clerk.county', 'POST', '/api/projects', projectBody());
    expect([staff.status, staff.body.error.code]).toEqual([403, 'PROJECT_NOT_ALLOWED']);
    await waitUntil('the owner hears of the registration', () => inbox.investor!.some((e) => e.code === a.project.code && e.type === 'REGISTER'));
  });

  it('gives registrations made at the same time in one area distinct serials, one after another', async () => {
    const made = await Promise.all(Array.from({ length: 8 }, (_, i) => registerProjectVia(api, { name: `瑞安并发项目${i}`, jurisdictionCode: '330381001000' })));
    const serials = made.map((m) => Number(m.project.code.slice(-6))).sort((a, b) => a - b);
    expect(made.every((m) => m.project.code.slice(5, 11) === '330381')).toBe(true);
    expect(serials).toEqual(Array.from({ length: 8 }, (_, i) => serials[0]! + i));
  });

  it('answers a malformed code 422 with its problem, an unknown or invisible one 404, and lists each caller its own scope', async () => {
    const { project } = await registerProjectVia(api, { name: '瓯越冷链物流中心' });
    const malformed = await api.as(INVESTOR, 'GET', '/api/projects/2026-330302-70-03-12');
    expect([malformed.status, malformed.body.error.code, malformed.body.error.details.problem]).toEqual([422, 'PROJECT_CODE_MALFORMED', 'length']);
    const industry = await api.as(INVESTOR, 'GET', '/api/projects/2026-330302-99-03-000001');
    expect([industry.status, industry.body.error.details.problem]).toEqual([422, 'industry']);
    expect((await api.as(INVESTOR, 'GET', '/api/projects/2026-330302-70-03-999999')).body.error.code).toBe('PROJECT_NOT_FOUND');
    for (const who of ['applicant', 'clerk.othertown', 'intermediary', 'agent']) expect([who, (await api.as(who, 'GET', `/api/projects/${project.code}`)).status]).toEqual([who, 404]);
    const staffView = await api.as('clerk.county', 'GET', `/api/projects/${project.code}`);
    expect(staffView.status).toBe(200);
    expect(staffView.body.project.owner.phone).not.toBe('13957700001'); // masked for staff
    expect(staffView.body.actions).toEqual([]);
    const mine = await api.as(INVESTOR, 'GET', '/api/projects?pageSize=100');
    expect(mine.body.projects.some((p: { code: string }) => p.code === project.code)).toBe(true);
    expect(mine.body.total).toBeGreaterThanOrEqual(3);
    expect((await api.as('applicant', 'GET', '/api/projects')).body.projects.some((p: { code: string }) => p.code === project.code)).toBe(false);
    expect((await api.as('clerk.othertown', 'GET', '/api/projects')).body.projects.some((p: { code: string }) => p.code === project.code)).toBe(false);
    const search = await api.as('supervisor.city', 'GET', `/api/projects?q=${encodeURIComponent('冷链')}&state=coded`);
    expect(search.body.projects.map((p: { code: string }) => p.code)).toContain(project.code);
    expect((await api.as('supervisor.city', 'GET', '/api/projects?light=purple')).status).toBe(400);
  });

  it('files every item of a stage at once with the one set of materials, completes it when all are approved, and moves live', async () => {
    const { project } = await registerProjectVia(api, { name: '瓯越智造中心' });
    const code = project.code as string;
    const early = await api.as(INVESTOR, 'POST', `/api/projects/${code}/stages/2/start`, { description: '工程建设许可' });
    expect([early.status, early.body.error.code]).toEqual([409, 'PROJECT_STAGE_ORDER']);
    const bytes = pdfBytes('项目申请书');
    for (const material of ['申请书', '营业执照']) expect((await uploadStageFile(api, INVESTOR, code, 1, { material, bytes: material === '申请书' ? bytes : pdfBytes('营业执照'), name: `${material}.pdf` })).status).toBe(201);
    expect((await uploadStageFile(api, 'applicant', code, 1, { material: '申请书', bytes, name: 'x.pdf' })).status).toBe(404);
    const started = await api.as(INVESTOR, 'POST', `/api/projects/${code}/stages/1/start`, { description: '瓯越智造中心立项用地规划许可', delivery: 'pickup' });
    expect(started.status).toBe(201);
    expect(started.body.project).toMatchObject({ state: 'in_stage', currentStage: 1 });
    const filed = started.body.filed as { caseNo: string; itemCode: string; centreCode: string }[];
    expect(filed.map((f) => [f.itemCode, f.centreCode])).toEqual([
      ['330300-GG-0067', '330302000000'],
      ['330300-XK-0310', '330300000000'],
    ]);
    const s1 = started.body.stages[0];
    expect(s1.state).toBe('in_progress');
    expect(s1.cases.map((c: { state: string; level: string }) => [c.state, c.level])).toEqual([
      ['acceptanceReview', 'county'],
      ['acceptanceReview', 'city'],
    ]);
    // Filed once: every case holds the stage's files, the same content under the same hash.
    const files = await srv.ctx.db.knex('case_files').whereIn('case_id', srv.ctx.db.knex('cases').whereIn('case_no', filed.map((f) => f.caseNo)).select('id')).select('sha256', 'material');
    expect(files).toHaveLength(4);
    expect(new Set(files.filter((f: { material: string }) => f.material === '申请书').map((f: { sha256: string }) => f.sha256)).size).toBe(1);
    expect(await srv.ctx.blobs.has(files[0].sha256)).toBe(true);
    // An intermediary service the owner buys for one of the cases: the project waits for it.
    const item = await buildServiceItem(srv.ctx.db.knex, { name: '地质勘察', governmentPaid: false });
    const posted = await api.as(INVESTOR, 'POST', '/api/market/orders', { serviceItemCode: item.code, title: '瓯越智造中心地质勘察', content: '岩土工程勘察', budgetMin: 1000, budgetMax: 5000, method: 'direct', signupDeadline: new Date(Date.now() + 86_400_000).toISOString(), selectionAt: new Date(Date.now() + 90_000_000).toISOString(), serviceDays: 10, caseNo: filed[1]!.caseNo, ownerKind: 'legal_person', ownerName: '温州瓯越置业有限公司' });
    expect(posted.status).toBe(201);
    const services = (await api.as(INVESTOR, 'GET', `/api/projects/${code}`)).body.intermediaryServices;
    expect(services).toEqual([expect.objectContaining({ caseNo: filed[1]!.caseNo, serviceItemName: '地质勘察', governmentPaid: false, state: 'in_review' })]);
    const twice = await api.as(INVESTOR, 'POST', `/api/projects/${code}/stages/1/start`, { description: '再来一次' });
    expect([twice.status, twice.body.error.code]).toEqual([409, 'PROJECT_STAGE_ORDER']);

    await approveToEnd(api, filed[0]!.caseNo, '330302000000', 'drc');
    await waitUntil('the owner and the county supervisors see the county case move', () =>
      ['investor', 'supervisor'].every((k) => inbox[k]!.some((e) => e.code === code && e.type === 'CASE_DECIDED')),
    );
    expect((await api.as(INVESTOR, 'GET', `/api/projects/${code}`)).body.project.state).toBe('in_stage');
    await approveToEnd(api, filed[1]!.caseNo, '330300000000', 'resources');
    await waitUntil('the stage completes live', () => inbox.investor!.some((e) => e.code === code && e.type === 'COMPLETE_STAGE' && e.state === 'coded'));
    const done = (await api.as(INVESTOR, 'GET', `/api/projects/${code}`)).body;
    expect(done.project).toMatchObject({ state: 'coded', currentStage: null, completedStages: [1] });
    expect(done.stages[0].state).toBe('completed');
    expect(done.history.filter((e: { type: string }) => e.type === 'CASE_MOVED').length).toBeGreaterThanOrEqual(6);
    expect(inbox.other!.some((e) => e.code === code)).toBe(false);
  }, 60_000);

  it('holds the stage when a case is denied, naming the item and the case, and goes on once the item is refiled', async () => {
    const { project } = await registerProjectVia(api, { name: '瓯越滨江酒店' });
    const code = project.code as string;
    // Stage 1 done through its cases, then stage 2 with one denial.
    const s1 = (await api.as(INVESTOR, 'POST', `/api/projects/${code}/stages/1/start`, { description: '立项' })).body.filed;
    await approveToEnd(api, s1[0].caseNo, '330302000000', 'drc');
    await approveToEnd(api, s1[1].caseNo, '330300000000', 'resources');
    const s2 = await api.as(INVESTOR, 'POST', `/api/projects/${code}/stages/2/start`, { description: '工程建设许可' });
    expect(s2.status).toBe(201);
    const eia = s2.body.filed.find((f: { itemCode: string }) => f.itemCode === '330300-XK-0463');
    expect((await api.act('clerk.city', eia.caseNo, { type: 'ACCEPT' })).status).toBe(200);
    const denied = await api.act('reviewer-330300000000-environment', eia.caseNo, { type: 'DENY', reasons: '项目选址位于饮用水源保护区', rightsNotice: '可于60日内申请行政复议或6个月内提起行政诉讼' });
    expect(denied.status).toBe(200);
    await waitUntil('the owner sees the stage held', () => inbox.investor!.some((e) => e.code === code && e.type === 'HOLD_STAGE' && e.state === 'held'));
    const held = (await api.as(INVESTOR, 'GET', `/api/projects/${code}`)).body;
    expect(held.project.state).toBe('held');
    expect(held.stages[1].state).toBe('held');
    expect(held.stages[1].holdReason).toContain('330300-XK-0463');
    expect(held.stages[1].holdReason).toContain(eia.caseNo);
    expect(held.stages[1].holdReason).toContain('饮用水源保护区');
    // Refiled: the denied item only, filed anew; the stage runs again and completes on the new case, not the old.
    const early = await api.as(INVESTOR, 'POST', `/api/projects/${code}/stages/3/start`, { description: '施工许可' });
    expect([early.status, early.body.error.code]).toEqual([409, 'PROJECT_STAGE_ORDER']);
    const refiled = await api.as(INVESTOR, 'POST', `/api/projects/${code}/stages/2/refile`);
    expect(refiled.status).toBe(201);
    expect(refiled.body.filed.map((f: { itemCode: string }) => f.itemCode)).toEqual(['330300-XK-0463']);
    expect(refiled.body.project.state).toBe('in_stage');
    expect(refiled.body.stages[1]).toMatchObject({ state: 'in_progress', holdReason: null });
    expect((await api.as(INVESTOR, 'POST', `/api/projects/${code}/stages/2/refile`)).body.error.code).toBe('PROJECT_STAGE_ORDER');
    const other = s2.body.filed.find((f: { itemCode: string }) => f.itemCode === '330300-XK-0300');
    await approveToEnd(api, other.caseNo, '330300000000', 'resources');
    expect((await api.as(INVESTOR, 'GET', `/api/projects/${code}`)).body.project.state).toBe('in_stage');
    await approveToEnd(api, refiled.body.filed[0].caseNo, '330300000000', 'environment');
    const done = (await api.as(INVESTOR, 'GET', `/api/projects/${code}`)).body;
    expect(done.project).toMatchObject({ state: 'coded', completedStages: [1, 2] });
    expect(done.stages[1].cases).toHaveLength(3);
  }, 60_000);

  it('lets the owner declare one wait at a time and end it; staff may not', async () => {
    const { project } = await registerProjectVia(api, { name: '瓯越人才公寓' });
    const code = project.code as string;
    const declared = await api.as(INVESTOR, 'POST', `/api/projects/${code}/waits`, { kind: 'owner_intermediary', note: '业主自行委托地质勘察' });
    expect(declared.status).toBe(201);
    expect(declared.body.waits).toHaveLength(1);
    const again = await api.as(INVESTOR, 'POST', `/api/projects/${code}/waits`, { kind: 'utility', note: '供水接入' });
    expect([again.status, again.body.error.code]).toEqual([409, 'PROJECT_WAIT_OPEN']);
    expect((await api.as('clerk.county', 'POST', `/api/projects/${code}/waits`, { kind: 'utility', note: '供水接入' })).status).toBe(403);
    expect((await api.as(INVESTOR, 'POST', `/api/projects/${code}/waits`, { kind: 'holiday', note: '春节' })).status).toBe(422);
    const id = declared.body.waits[0].id;
    const ended = await api.as(INVESTOR, 'POST', `/api/projects/${code}/waits/${id}/end`);
    expect(ended.status).toBe(200);
    expect(ended.body.waits[0].endedAt).not.toBeNull();
    expect((await api.as(INVESTOR, 'POST', `/api/projects/${code}/waits/${id}/end`)).body.error.code).toBe('PROJECT_WAIT_NOT_FOUND');
    expect(ended.body.history.map((e: { type: string }) => e.type)).toEqual(['REGISTER', 'DECLARE_WAIT', 'END_WAIT']);
  });
});
