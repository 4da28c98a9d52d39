import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { buildDepartments } from '../../db/seed/departments';
import { buildJurisdictions } from '../../db/seed/jurisdictions';
import { clerkUsername, reviewerUsername } from '../../db/seed/users';
import { Api, buildCase, DEMO } from '../helpers/api';
import { startTestServer, type TestServer } from '../helpers/testServer';

/*
 * Every town and village centre has a clerk (clerk-<area code>) and every county and the city a reviewer of
 * every department (reviewer-<area code>-<department>), so a case filed at any centre can be worked to the end
 * with the seeded accounts alone; the admin finds them by place and role, over HTTP and from the CLI.
 */

const tree = buildJurisdictions();
const centres = tree.filter((j) => j.level === 'town' || j.level === 'village');
const departments = buildDepartments().map((d) => d.code);

/** A fixed-seed generator (mulberry32), so the centres picked are the same on every run. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The desk of a step: a centre's clerk, a department's reviewer at a county or the city, or the province's named reviewer. */
function deskOf(step: { level: string; jurisdictionCode: string; department: string | null }): string {
  if (step.level === 'village' || step.level === 'town') return clerkUsername(step.jurisdictionCode);
  if (step.level === 'province') return `reviewer.${step.department}.province`;
  return reviewerUsername(step.jurisdictionCode, step.department!);
}

const ACTION: Record<string, Record<string, unknown>> = {
  accept: { type: 'ACCEPT', opinion: '材料齐全，予以受理' },
  review: { type: 'FORWARD', opinion: '审查同意' },
  decide: { type: 'APPROVE', opinion: '符合条件，准予许可' },
  issue: { type: 'ISSUE', licenceNo: 'DEMO-STAFF-0001' },
  deliver: { type: 'DELIVER', mode: 'pickup', signedBy: '张小明' },
};

describe('demo staffing of every centre, county and the city', () => {
  let srv: TestServer;
  const api = new Api('');
  beforeAll(async () => {
    srv = await startTestServer();
    api.baseUrl = srv.url;
  });
  afterAll(() => srv?.close());

  it('has one active clerk at each of the 237 town and village centres and a reviewer of each department at each county and the city', async () => {
    expect(centres).toHaveLength(237);
    const knex = srv.ctx.db.knex;
    const clerks = await knex('users').where('username', 'like', 'clerk-%').select('username', 'role', 'jurisdiction_code as code', 'active');
    const byName = new Map(clerks.map((u) => [u.username as string, u]));
    for (const c of centres) {
      const u = byName.get(clerkUsername(c.code));
      expect({ centre: c.code, role: u?.role, code: u?.code }).toEqual({ centre: c.code, role: 'clerk', code: c.code });
    }
    const places = tree.filter((j) => j.level === 'county' || j.level === 'city');
    expect(places).toHaveLength(13);
    const reviewers = await knex('users').where('username', 'like', 'reviewer-%').select('username', 'role', 'jurisdiction_code as code', 'department');
    const rByName = new Map(reviewers.map((u) => [u.username as string, u]));
    for (const p of places) {
      for (const d of departments) {
        expect(rByName.get(reviewerUsername(p.code, d))).toMatchObject({ role: 'reviewer', code: p.code, department: d });
      }
    }
    // The named demo accounts the other tests use are still there.
    for (const name of ['clerk.village', 'clerk.town', 'reviewer.county', 'reviewer.city', 'reviewer.health.county', 'supervisor.city', 'admin']) {
      expect((await api.request('POST', '/api/auth/login', { body: { username: name, password: 'demo1234' } })).status).toBe(200);
    }
  });

  it('lists them for the admin by place (with everything under it), role and department, a page at a time', async () => {
    const county = '330381000000'; // 瑞安市
    const under = centres.filter((c) => c.code.startsWith(county.slice(0, 6)));
    const clerks = await api.as('admin', 'GET', `/api/users?jurisdiction=${county}&role=clerk&pageSize=100`);
    expect(clerks.status).toBe(200);
    const names: string[] = clerks.body.users.map((u: any) => u.username);
    for (const c of under) expect(names).toContain(clerkUsername(c.code));
    expect(names.every((n) => n === 'clerk.othertown' || n.startsWith(`clerk-${county.slice(0, 6)}`))).toBe(true);
    expect(clerks.body.total).toBe(under.length + 1); // + clerk.othertown (安阳街道)

    const health = await api.as('admin', 'GET', `/api/users?jurisdiction=${county}&role=reviewer&department=health`);
    expect(health.body.users.map((u: any) => u.username)).toEqual([reviewerUsername(county, 'health')]);

    const page2 = await api.as('admin', 'GET', '/api/users?role=clerk&page=2&pageSize=50');
    expect(page2.body.users).toHaveLength(50);
    expect(page2.body.total).toBeGreaterThanOrEqual(237);
    expect((await api.as('admin', 'GET', '/api/users?jurisdiction=330381')).status).toBe(400);
    expect((await api.as('admin', 'GET', '/api/users?jurisdiction=330399000000')).body).toMatchObject({ total: 0, users: [] });
  });

  it('lists them from the command line: npm run users -- list --jurisdiction X --role clerk', async () => {
    const town = '330302006000'; // 五马街道
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'server/cli.ts', 'users', 'list', '--jurisdiction', town, '--role', 'clerk'], {
      cwd: path.resolve(__dirname, '../..'),
      env: { ...process.env, DATABASE_URL: srv.ctx.config.DATABASE_URL, LOG_LEVEL: 'silent' },
    });
    const rows = stdout.trim().split('\n').map((l) => l.split('\t'));
    const expected = centres.filter((c) => c.code === town || c.parentCode === town).map((c) => clerkUsername(c.code));
    expect(rows.map((r) => r[0]).sort()).toEqual([...expected, 'clerk.town', 'clerk.village'].sort());
    expect(rows.every((r) => r[1] === 'clerk')).toBe(true);
  }, 60_000);

  it('works a case filed at any village or town centre to the end with the seeded accounts', async () => {
    const random = seeded(20261202);
    const villages = centres.filter((c) => c.level === 'village');
    const towns = centres.filter((c) => c.level === 'town');
    const picked = new Set<string>();
    while (picked.size < 4) picked.add(villages[Math.floor(random() * villages.length)]!.code);
    while (picked.size < 7) picked.add(towns[Math.floor(random() * towns.length)]!.code);
    picked.add(centres[centres.length - 1]!.code); // the last centre of the tree
    const runs: { code: string; itemCode: string }[] = [...picked].map((code) => ({ code, itemCode: DEMO.cityItemCode }));
    runs.push({ code: villages[Math.floor(random() * villages.length)]!.code, itemCode: DEMO.otherItemCode }); // another department

    for (const run of runs) {
      const filed = await api.file(buildCase({ itemCode: run.itemCode, centreCode: run.code }));
      let c = filed;
      const desks: string[] = [];
      const done = () => c.state === 'delivered' || c.state === 'completed';
      for (let i = 0; i < 10 && !done(); i++) {
        const desk = deskOf(c.step);
        desks.push(desk);
        const res = await api.act(desk, c.caseNo, { ...ACTION[c.step.kind as string], expectedVersion: c.version });
        expect({ centre: run.code, desk, status: res.status, error: res.body.error }).toEqual({ centre: run.code, desk, status: 200, error: undefined });
        c = res.body.case;
      }
      expect({ centre: run.code, closed: done(), kind: c.step.kind }).toEqual({ centre: run.code, closed: true, kind: 'deliver' });
      expect(desks[0]).toBe(clerkUsername(run.code));
      expect(desks[desks.length - 1]).toBe(clerkUsername(run.code));
      // A county's (and for the city item, the city's) department steps were worked by the pattern-named reviewers.
      expect(desks.some((d) => /^reviewer-\d{12}-[a-z]+$/.test(d))).toBe(true);
    }
  }, 120_000);
});
