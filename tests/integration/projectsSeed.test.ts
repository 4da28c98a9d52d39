import { seedDemoProjects } from '../../server/projects/demoProjects';
import { startLiveServer } from '../helpers/sockets';
import type { TestServer } from '../helpers/testServer';

/*
 * The demo projects (npm start and npm run seed, after the demo data): made through the commands on a simulated
 * clock, across the 12 counties of Wenzhou, stages in flight, some near their 100 days, one held; once. On MariaDB
 * in a database of its own: the shared test database holds other files' projects, and the seed runs only on none.
 */
describe('demo investment projects', () => {
  let srv: TestServer;
  beforeAll(async () => {
    srv = await startLiveServer('projects_seed');
  });
  afterAll(() => srv?.close());

  it('registers 36 projects in the 12 counties through the commands, stages in flight, one held, and only once', async () => {
    const report = await seedDemoProjects(srv.ctx);
    expect(report).toMatchObject({ projects: 36, counties: 12, held: 1 });
    const db = srv.ctx.db.knex;
    const projects = await db('projects').select('code', 'state', 'current_stage', 'coded_on', 'last_seq');
    expect(projects).toHaveLength(36);
    expect(new Set(projects.map((p: { code: string }) => p.code.slice(5, 11))).size).toBe(12);
    const states = projects.map((p: { state: string }) => p.state);
    expect(states.filter((s: string) => s === 'held')).toHaveLength(1);
    expect(states.filter((s: string) => s === 'in_stage').length).toBe(35);
    expect(new Set(projects.map((p: { current_stage: number }) => p.current_stage))).toEqual(new Set([1, 2, 3]));
    // Registered up to 98 days ago: some near their 100 days.
    const today = Date.parse(new Date(srv.ctx.now()).toISOString().slice(0, 10));
    expect(projects.filter((p: { coded_on: string }) => (today - Date.parse(p.coded_on)) / 86_400_000 >= 90).length).toBeGreaterThanOrEqual(3);
    // Every project's history is events of the command path; its cases were filed and moved by their desks.
    const events = await db('aggregate_events').where({ aggregate: 'project' }).count({ n: '*' });
    expect(Number(events[0]!.n)).toBeGreaterThan(36 * 4);
    const levels = await db('project_stage_cases as p').join('cases as c', 'c.id', 'p.case_id').distinct('c.current_level');
    expect(levels.map((l: { current_level: string }) => l.current_level).sort()).toEqual(['city', 'county']);
    expect(await seedDemoProjects(srv.ctx)).toBeNull();
  }, 60_000);
});
