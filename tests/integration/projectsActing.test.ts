import type { ProjectUpdated } from '../../workflows/socketContract';
import { pdfBytes } from '../helpers/files';
import { actAsAgentFor, INVESTOR, registerProjectVia, uploadStageFile } from '../helpers/projectFactories';
import { Api } from '../helpers/api';
import { closeAll, connect, startLiveServer, waitUntil, type ClientSocket } from '../helpers/sockets';
import type { TestServer } from '../helpers/testServer';

/*
 * The agent acting for a project's owner (代办), under a proxy order in
 * service: it sees the project, starts a stage, uploads its materials,
 * declares waits and withdraws one of its cases; every such event records
 * whom it acted for and under which proxy order; it hears the project live.
 * Without the order it sees nothing.
 */
describe('the agent acting for a project’s owner (代办)', () => {
  const api = new Api('');
  let srv: TestServer;
  const sockets: ClientSocket[] = [];
  const heard: ProjectUpdated[] = [];

  beforeAll(async () => {
    srv = await startLiveServer('projects_acting');
    api.baseUrl = srv.url;
    const s = await connect(srv.url, { token: await api.token('agent') });
    s.on('project:updated', (e) => heard.push(e));
    sockets.push(s);
  }, 60_000);
  afterAll(async () => {
    closeAll(sockets);
    await srv?.close();
  });

  it('acts for the owner only under a proxy order in service, and every act records it', async () => {
    const { project } = await registerProjectVia(api, { name: '瓯越代办示范项目' });
    const code = project.code as string;
    expect((await api.as('agent', 'GET', `/api/projects/${code}`)).status).toBe(404);
    expect((await api.as('agent', 'POST', `/api/projects/${code}/waits`, { kind: 'utility', note: '供电接入' })).status).toBe(404);
    const { orderNo } = await actAsAgentFor(srv.ctx.db.knex, code);
    const behalf = { ownerName: '温州瓯越置业有限公司', proxyOrderNo: orderNo };

    const seen = await api.as('agent', 'GET', `/api/projects/${code}`);
    expect(seen.status).toBe(200);
    expect(seen.body.project.owner.phone).toBe('13957700001');
    expect(seen.body.actions).toContain('START_STAGE');
    expect((await api.as('agent', 'GET', '/api/projects')).body.projects.map((p: { code: string }) => p.code)).toContain(code);

    expect((await uploadStageFile(api, 'agent', code, 1, { material: '申请书', bytes: pdfBytes('代办申请书'), name: '申请书.pdf' })).status).toBe(201);
    const started = await api.as('agent', 'POST', `/api/projects/${code}/stages/1/start`, { description: '代办启动立项阶段' });
    expect(started.status).toBe(201);
    await waitUntil('the agent hears the stage start', () => heard.some((e) => e.code === code && e.type === 'START_STAGE'));
    const declared = await api.as('agent', 'POST', `/api/projects/${code}/waits`, { kind: 'owner_preparation', note: '业主准备补充材料' });
    expect(declared.status).toBe(201);

    const county = started.body.filed.find((f: { centreCode: string }) => f.centreCode === '330302000000');
    const withdrawn = await api.as('agent', 'POST', `/api/projects/${code}/cases/${county.caseNo}/actions`, { type: 'WITHDRAW', reason: '业主调整建设方案' });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.state).toBe('withdrawn');
    expect(withdrawn.body.project.state).toBe('held');
    expect(withdrawn.body.stages[0].holdReason).toContain(county.caseNo);
    // The case's own event records it too: the owner's withdrawal, sent by the agent under the order.
    const caseEvents = await srv.ctx.db.knex('case_events as e').join('cases as c', 'c.id', 'e.case_id').where({ 'c.case_no': county.caseNo, 'e.type': 'WITHDRAW' }).select('e.payload', 'e.actor_role');
    expect(caseEvents).toHaveLength(1);
    const payload = typeof caseEvents[0].payload === 'string' ? JSON.parse(caseEvents[0].payload) : caseEvents[0].payload;
    expect([caseEvents[0].actor_role, payload.onBehalfOf]).toEqual(['applicant', { ...behalf, agentName: '叶志成（鹿城区代办员）' }]);
    // The project's events the agent caused name whom it acted for.
    const byAgent = withdrawn.body.history.filter((e: { type: string }) => ['START_STAGE', 'DECLARE_WAIT', 'HOLD_STAGE'].includes(e.type));
    expect(byAgent.map((e: { type: string }) => e.type)).toEqual(['START_STAGE', 'DECLARE_WAIT', 'HOLD_STAGE']);
    for (const e of byAgent) expect([e.type, e.payload.onBehalfOf]).toEqual([e.type, behalf]);
    // The owner's own acts record nobody.
    const ended = await api.as(INVESTOR, 'POST', `/api/projects/${code}/waits/${declared.body.waits[0].id}/end`);
    expect(ended.body.history.at(-1)).toMatchObject({ type: 'END_WAIT' });
    expect(ended.body.history.at(-1).payload.onBehalfOf).toBeUndefined();
    // Another project's case is not reached through this one.
    const other = await registerProjectVia(api, { name: '瓯越另一个项目' });
    expect((await api.as(INVESTOR, 'POST', `/api/projects/${other.project.code}/cases/${county.caseNo}/actions`, { type: 'WITHDRAW' })).status).toBe(404);
  }, 60_000);
});
