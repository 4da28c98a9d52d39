import { areaDrill, counterDrill, drillQuery, levelDrill, linkedDrill, type DrillFilter } from '../../client/src/pages/supervisor/drillDown';
import type { Dashboard } from '../../db/repositories/statsQueries';
import { LEVELS } from '../../workflows/levels';
import { Api, buildCase, DEMO } from '../helpers/api';
import { startLiveServer } from '../helpers/sockets';
import type { TestServer } from '../helpers/testServer';

/*
 * Every number of the supervisor's dashboard opens the list of the cases
 * behind it (client/src/pages/supervisor/drillDown.ts builds the filters):
 * the list's total is the number, for the city, a county and a town.
 *
 *   01-05  file O at the demo village and accept it (its promise runs out long before "now")
 *   03-02  file A, B, D at the village, U at the county centre (not linked), F in 瑞安市;
 *          accept A, B, D; the town forwards A and D; the county decides D
 *   04-20  now: O, A, B past their promised dates
 */
const UNLINKED_COUNTY_ITEM = '330300-XK-0007';
const at = (utc: string) => new Date(`2026-${utc.replace(' ', 'T')}:00Z`);

describe('drill-down: the cases behind each dashboard number', () => {
  let srv: TestServer;
  let api: Api;
  let now = at('01-05 02:00');
  let old: any;

  const act = async (user: string, caseNo: string, action: Record<string, unknown>) => {
    const res = await api.act(user, caseNo, action);
    if (res.status !== 200) throw new Error(`${user} ${action.type}: ${res.status} ${JSON.stringify(res.body)}`);
  };

  beforeAll(async () => {
    // Exact counts: on MariaDB this file needs a database no other test file writes to.
    srv = await startLiveServer('drilldown', { now: () => now });
    api = new Api(srv.url);
    old = await api.file(buildCase());
    await act('clerk.village', old.caseNo, { type: 'ACCEPT' });
    now = at('03-02 02:00');
    const [a, b] = [await api.file(buildCase()), await api.file(buildCase())];
    const d = await api.file(buildCase({ itemCode: DEMO.countyItemCode }));
    await api.file(buildCase({ itemCode: UNLINKED_COUNTY_ITEM, centreCode: DEMO.countyCode }));
    await api.file(buildCase({ centreCode: DEMO.otherTownCode }));
    for (const c of [a, b, d]) await act('clerk.village', c.caseNo, { type: 'ACCEPT' });
    await act('clerk.town', a.caseNo, { type: 'FORWARD', opinion: '初审同意' });
    await act('clerk.town', d.caseNo, { type: 'FORWARD', opinion: '初审同意' });
    await act('reviewer.county', d.caseNo, { type: 'APPROVE', opinion: '准予许可' });
    now = at('04-20 02:00');
  });
  afterAll(() => srv.close());

  const total = async (user: string, f: DrillFilter) => {
    const res = await api.as(user, 'GET', `/api/cases?${drillQuery(f)}&pageSize=1`);
    if (res.status !== 200) throw new Error(`${drillQuery(f)}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.total as number;
  };

  /** Every drillable number of one dashboard, paired with the total of the list it opens. */
  async function compare(user: string, scope: string) {
    const res = await api.as<Dashboard>(user, 'GET', `/api/stats/dashboard?scope=${scope}&days=30`);
    expect(res.status).toBe(200);
    const d = res.body;
    const shown: Record<string, number> = {};
    const listed: Record<string, number> = {};
    const pair = async (name: string, number: number, f: DrillFilter) => {
      shown[name] = number;
      listed[name] = await total(user, f);
    };
    for (const k of ['filed', 'accepted', 'decided', 'open', 'overdue'] as const) await pair(`counter.${k}`, d.counters[k], counterDrill(d, k));
    for (const l of d.byLevel) await pair(`level.${l.level}.open`, l.open, levelDrill(d, l.level));
    for (const a of d.areas) {
      for (const k of ['open', 'green', 'yellow', 'red', 'overdue', 'filed'] as const) await pair(`area.${a.self ? 'self' : a.code}.${k}`, a[k], areaDrill(d, a, k));
    }
    for (const kind of ['linked', 'unlinked'] as const) {
      for (const k of ['open', 'total', 'filed'] as const) await pair(`${kind}.${k}`, d.linked[kind][k], linkedDrill(d, kind, k));
    }
    expect(listed).toEqual(shown);
    return d;
  }

  it('the city: every number equals the count of its list', async () => {
    const d = await compare('supervisor.city', DEMO.cityCode);
    expect(d.counters.filed).toBe(6);
    expect(d.byLevel.map((l) => l.level)).toEqual([...LEVELS]);
  });

  it('a county: every number equals the count of its list, overdue included', async () => {
    const d = await compare('supervisor.county', DEMO.countyCode);
    expect(d.counters).toMatchObject({ filed: 5, decided: 1 });
    expect(d.counters.overdue).toBeGreaterThan(0);
    // The scope's own centre has a row of its own (the county-centre filing), drilled by centre.
    expect(d.areas.some((a) => a.self)).toBe(true);
  });

  it('a town: every number equals the count of its list', async () => {
    await compare('supervisor.county', DEMO.townCode);
  });

  it('the overdue list holds the case past its promised date, and each row opens', async () => {
    const res = await api.as('supervisor.county', 'GET', `/api/cases?${drillQuery(counterDrill({ scope: DEMO.countyCode, from: '' }, 'overdue'))}`);
    const nos = res.body.cases.map((c: any) => c.caseNo);
    expect(nos).toContain(old.caseNo);
    for (const no of nos) expect((await api.as('supervisor.county', 'GET', `/api/cases/${no}`)).status).toBe(200);
  });

  it('keeps the drill-down inside the supervisor’s jurisdiction', async () => {
    const res = await api.as('supervisor.county', 'GET', `/api/cases?${drillQuery({ scope: DEMO.otherTownCode, overdue: true })}`);
    expect(res.status).toBe(403);
  });

  it('refuses a filter that means nothing, naming it', async () => {
    for (const bad of ['filedFrom=2026-02-30', 'overdue=yes', 'stepLight=blue', 'level=galaxy']) {
      const res = await api.as('supervisor.county', 'GET', `/api/cases?${bad}`);
      expect([bad, res.status, res.body.error.code, JSON.stringify(res.body.error)]).toEqual([bad, 400, 'BAD_REQUEST', expect.stringContaining(bad.split('=')[0]!)]);
    }
  });
});
