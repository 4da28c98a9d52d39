import { Api, buildCase, DEMO } from '../helpers/api';
import { startLiveServer } from '../helpers/sockets';
import type { TestServer } from '../helpers/testServer';
import type { Dashboard } from '../../db/repositories/statsQueries';

/*
 * The supervisor dashboard over real HTTP, with the server's clock under the
 * test's control (times below are UTC; China is UTC+8):
 *
 *   03-02 01:00  file A, B, C at the demo village (linked item), U at the county centre (not linked)
 *   03-02 07:00  village accepts A and B            → acceptance at the village took 6 h = 0.25 d each
 *   03-03 01:00  town forwards A                    → town review 18 h = 0.75 d
 *   03-03 07:00  county forwards A                  → county review 6 h = 0.25 d
 *   03-03 17:00  city approves A (03-04 in China)   → city decision 10 h = 0.42 d
 */
const UNLINKED_COUNTY_ITEM = '330300-XK-0007';
const at = (utc: string) => new Date(`2026-${utc.replace(' ', 'T')}:00Z`);

describe('GET /api/stats/dashboard', () => {
  let srv: TestServer;
  let api: Api;
  let now = at('03-02 01:00');
  const dash = (user: string, query: string) => api.as<Dashboard>(user, 'GET', `/api/stats/dashboard${query}`);

  beforeAll(async () => {
    // Exact counts: on MariaDB this file needs a database no other test file writes to.
    srv = await startLiveServer('dashboard', { now: () => now });
    api = new Api(srv.url);
    const [a, b] = [await api.file(buildCase()), await api.file(buildCase())];
    await api.file(buildCase());
    await api.file(buildCase({ itemCode: UNLINKED_COUNTY_ITEM, centreCode: DEMO.countyCode }));
    const act = async (when: string, user: string, caseNo: string, action: Record<string, unknown>) => {
      now = at(when);
      const res = await api.act(user, caseNo, action);
      if (res.status !== 200) throw new Error(`${user} ${action.type}: ${res.status} ${JSON.stringify(res.body)}`);
    };
    await act('03-02 07:00', 'clerk.village', a.caseNo, { type: 'ACCEPT' });
    await act('03-02 07:00', 'clerk.village', b.caseNo, { type: 'ACCEPT' });
    await act('03-03 01:00', 'clerk.town', a.caseNo, { type: 'FORWARD', opinion: '初审同意' });
    await act('03-03 07:00', 'reviewer.county', a.caseNo, { type: 'FORWARD', opinion: '审查同意' });
    await act('03-03 17:00', 'reviewer.city', a.caseNo, { type: 'APPROVE', opinion: '准予许可' });
    now = at('03-04 02:00');
  });
  afterAll(() => srv.close());

  it('counts per China day, per level and in all, for the city supervisor', async () => {
    const res = await dash('supervisor.city', '?days=3');
    expect(res.status).toBe(200);
    const d = res.body;
    expect(d).toMatchObject({ scope: DEMO.cityCode, level: 'city', today: '2026-03-04', days: 3, from: '2026-03-02' });
    expect(d.trail.map((p) => p.code)).toEqual([DEMO.provinceCode, DEMO.cityCode]);
    expect(d.counters).toEqual({ filed: 4, accepted: 2, decided: 1, open: 4, overdue: 0 });
    // The approval at 17:00 UTC on 03-03 is 01:00 on 03-04 in China.
    expect(d.daily).toEqual([
      { date: '2026-03-02', filed: 4, accepted: 2, decided: 0 },
      { date: '2026-03-03', filed: 0, accepted: 0, decided: 0 },
      { date: '2026-03-04', filed: 0, accepted: 0, decided: 1 },
    ]);
    const today = await dash('supervisor.city', '?days=1');
    expect(today.body.daily).toEqual([{ date: '2026-03-04', filed: 0, accepted: 0, decided: 1 }]);
    expect(d.byLevel).toEqual([
      { level: 'province', filed: 0, accepted: 0, decided: 0, open: 0 },
      { level: 'city', filed: 0, accepted: 0, decided: 1, open: 1 },
      { level: 'county', filed: 1, accepted: 0, decided: 0, open: 1 },
      { level: 'town', filed: 0, accepted: 0, decided: 0, open: 1 },
      { level: 'village', filed: 3, accepted: 2, decided: 0, open: 1 },
    ]);
    expect(d.linked).toEqual({ linked: { open: 3, total: 3, filed: 3 }, unlinked: { open: 1, total: 1, filed: 1 } });
    const lucheng = d.areas.find((a) => a.code === DEMO.countyCode);
    expect(lucheng).toMatchObject({ level: 'county', self: false, open: 4, green: 4, yellow: 0, red: 0, overdue: 0, filed: 4 });
    expect(d.areas.length).toBe(12);
    expect(d.areas.reduce((n, a) => n + a.open, 0)).toBe(d.counters.open);
  });

  it('measures each step and each stay at a level, slowest first', async () => {
    const { durations } = (await dash('supervisor.county', '')).body;
    expect(durations.unit).toBe('calendarDays');
    expect(durations.byStep).toEqual([
      { level: 'town', state: 'review', count: 1, avgDays: 0.75, p90Days: 0.75 },
      { level: 'city', state: 'decision', count: 1, avgDays: 0.42, p90Days: 0.42 },
      { level: 'village', state: 'acceptanceReview', count: 2, avgDays: 0.25, p90Days: 0.25 },
      { level: 'county', state: 'review', count: 1, avgDays: 0.25, p90Days: 0.25 },
    ]);
    // A still waits at the city (to be issued): its stay there has not ended.
    expect(durations.byLevel).toEqual([
      { level: 'town', count: 1, avgDays: 0.75, p90Days: 0.75 },
      { level: 'village', count: 2, avgDays: 0.25, p90Days: 0.25 },
      { level: 'county', count: 1, avgDays: 0.25, p90Days: 0.25 },
    ]);
    for (const s of [...durations.byStep, ...durations.byLevel]) {
      expect(s.count).toBeGreaterThan(0);
      expect(s.avgDays).toBeLessThanOrEqual(s.p90Days);
    }
  });

  it('splits a county into its towns plus its own centre, and a town into its villages', async () => {
    const county = (await dash('supervisor.county', `?scope=${DEMO.countyCode}`)).body;
    expect(county.areas.find((a) => a.code === DEMO.townCode)).toMatchObject({ level: 'town', open: 3, green: 3, red: 0, filed: 3 });
    expect(county.areas.find((a) => a.self)).toMatchObject({ code: DEMO.countyCode, open: 1, filed: 1 });
    expect(county.areas.filter((a) => a.code !== DEMO.townCode && !a.self).every((a) => a.open === 0 && a.filed === 0)).toBe(true);
    const town = (await dash('supervisor.county', `?scope=${DEMO.townCode}`)).body;
    expect(town.trail.map((p) => p.code)).toEqual([DEMO.provinceCode, DEMO.cityCode, DEMO.countyCode, DEMO.townCode]);
    expect(town.counters).toEqual({ filed: 3, accepted: 2, decided: 1, open: 3, overdue: 0 });
    expect(town.areas.find((a) => a.code === DEMO.villageCode)).toMatchObject({ level: 'village', open: 3, filed: 3 });
    expect(town.areas.some((a) => a.self)).toBe(false);
  });

  /*
   * What the office owes (db/repositories/promiseLight.ts): C and U, never accepted, by their 5-day
   * acceptance period from Mon 03-02 (03-03..03-06, 03-09 → due 03-09); A and B by their promise,
   * the item's 5 working days from their acceptance on 03-02 → also due 03-09. On Thu 03-12 all four
   * are past it; the day before each date (Fri 03-06, 80 %) they were yellow.
   */
  it('turns the acceptance backlog red once its five working days are over', async () => {
    now = at('03-06 02:00');
    const y = (await dash('supervisor.county', '')).body;
    expect(y.counters).toEqual({ filed: 4, accepted: 2, decided: 1, open: 4, overdue: 0 });
    expect(y.areas.find((a) => a.code === DEMO.townCode)).toMatchObject({ open: 3, green: 0, yellow: 3, red: 0, overdue: 0 });
    expect(y.areas.find((a) => a.self)).toMatchObject({ open: 1, yellow: 1, red: 0, overdue: 0 });
    now = at('03-12 02:00');
    const d = (await dash('supervisor.county', '')).body;
    expect(d.counters).toEqual({ filed: 4, accepted: 2, decided: 1, open: 4, overdue: 4 });
    expect(d.areas.find((a) => a.code === DEMO.townCode)).toMatchObject({ open: 3, green: 0, red: 3, overdue: 3 });
    expect(d.areas.find((a) => a.self)).toMatchObject({ open: 1, red: 1, overdue: 1 });
    // The never-accepted file counts by its acceptance period: C, filed at the village, is in it.
    const c = await api.as('supervisor.county', 'GET', `/api/cases?scope=${DEMO.townCode}&overdue=true&pageSize=50`);
    expect(c.status).toBe(200);
    expect(c.body.total).toBe(3);
    expect(c.body.cases.map((x: any) => x.state).sort()).toEqual(['acceptanceReview', 'approved', 'review']);
    expect(d.daily).toHaveLength(30);
    expect(d.daily.reduce((n, x) => n + x.filed, 0)).toBe(4);
    now = at('03-04 02:00');
  });

  it('refuses areas outside the jurisdiction, bad parameters, other roles and anonymous callers', async () => {
    expect((await dash('supervisor.county', `?scope=${DEMO.cityCode}`)).status).toBe(403);
    expect((await dash('supervisor.county', '?scope=330381000000')).status).toBe(403);
    expect((await dash('clerk.village', '')).status).toBe(403);
    expect((await dash('supervisor.county', '?scope=330302999000')).status).toBe(404);
    // Query strings are 400 BAD_REQUEST across this API (422 is for bodies); the field is named.
    for (const q of ['?scope=abc', '?days=0', '?days=91', '?days=x', '?foo=1']) {
      const res = await dash('supervisor.county', q);
      expect({ q, status: res.status, code: (res.body as any).error?.code }).toEqual({ q, status: 400, code: 'BAD_REQUEST' });
    }
    expect((await api.request('GET', '/api/stats/dashboard')).status).toBe(401);
  });

  it('is described in the OpenAPI document', async () => {
    const doc = await api.request('GET', '/api/openapi.json');
    expect(doc.body.paths['/api/stats/dashboard'].get.parameters.map((p: any) => p.name)).toEqual(['scope', 'days']);
  });
});
