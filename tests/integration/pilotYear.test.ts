import { readModelDifferences } from '../../db/repositories/statsScans';
import { E_LICENCE_PILOT_CODES, PILOT_DEPARTMENTS } from '../../db/seed/eLicencePilot';
import { generatePilotYear } from '../../server/pilot/generatePilotYear';
import type { PilotYearReport } from '../../server/pilot/pilotYearReport';
import { SimulatedClock } from '../../server/pilot/simulatedClock';
import { isValidLicenceId } from '../../workflows/licenceIdentifier';
import { isValidWaybill } from '../../workflows/postalWaybill';
import { Api } from '../helpers/api';
import { isMysql, startTestServer, type TestServer } from '../helpers/testServer';

/*
 * The online licence pilot's year (证照网上办理一条龙), generated small over the
 * test database through the one command path on a simulated clock: every case
 * delivered without a visit, each with one genuine e-licence, only pilot items
 * of the pilot's 4 departments, posted ones under valid S10 waybills; a second
 * run adds only what is missing.
 */
describe('the e-licence pilot year', () => {
  const COUNT = 30;
  const clock = new SimulatedClock(Date.parse('2016-01-01T08:00:00+08:00'));
  const api = new Api('');
  let srv: TestServer;
  let report: PilotYearReport;
  let cases: { id: number; case_no: string; state: string; item_code: string; delivery: string }[];

  beforeAll(async () => {
    srv = await startTestServer({ now: clock.now });
    api.baseUrl = srv.url;
    report = await generatePilotYear(srv.ctx, clock, { count: COUNT, year: 2016 });
    cases = await srv.ctx.db.knex('cases').whereIn('case_no', report.caseNos).select('id', 'case_no', 'state', 'item_code', 'delivery');
  }, 180_000);
  afterAll(() => srv?.close());

  it('files exactly the count and delivers every case, by post or electronically', async () => {
    expect(report).toMatchObject({ year: 2016, count: COUNT, cases: COUNT, delivered: COUNT, licences: COUNT, filed: COUNT, resumed: 0 });
    expect(cases).toHaveLength(COUNT);
    for (const c of cases) expect(['delivered', 'completed']).toContain(c.state);
    const delivers = await srv.ctx.db.knex('case_events').whereIn('case_id', cases.map((c) => c.id)).where({ type: 'DELIVER' }).select('case_id', 'payload');
    expect(delivers).toHaveLength(COUNT);
    for (const d of delivers) expect(['post', 'electronic']).toContain(JSON.parse(d.payload).mode);
    expect(Object.values(report.byMode).reduce((a, b) => a + b, 0)).toBe(COUNT);
  });

  it('posts under valid UPU S10 waybills', async () => {
    const posted = cases.map((c) => JSON.parse(c.delivery)).filter((d) => d.mode === 'post');
    expect(posted.length).toBeGreaterThan(0);
    for (const d of posted) {
      expect(isValidWaybill(d.trackingNo)).toBe(true);
      expect(d.address).toMatch(/^浙江省温州市/);
    }
  });

  it('issues each case exactly one e-licence with a valid GB/T 36904 identifier, genuine when verified', async () => {
    const licences = await srv.ctx.db.knex('e_licences').whereIn('case_id', cases.map((c) => c.id)).select('case_id', 'licence_id', 'issued_on');
    expect(licences).toHaveLength(COUNT);
    expect(new Set(licences.map((l) => l.case_id)).size).toBe(COUNT);
    for (const l of licences) {
      expect(isValidLicenceId(l.licence_id)).toBe(true);
      expect(l.issued_on).toMatch(/^2016-/);
      const v = await api.request('GET', `/api/licences/verify?code=${encodeURIComponent(l.licence_id)}`);
      expect(v.status).toBe(200);
      expect(v.body).toMatchObject({ genuine: true, code: l.licence_id, status: { code: '01' } });
    }
  });

  it('files only pilot items, of the pilot’s 4 departments, and the catalogue says so', async () => {
    for (const c of cases) expect(E_LICENCE_PILOT_CODES).toContain(c.item_code);
    expect(Object.keys(report.byDepartment).sort()).toEqual([...PILOT_DEPARTMENTS].sort());
    const pilot = await api.request('GET', `/api/items/${cases[0]!.item_code}`);
    expect(pilot.body.eLicencePilot).toBe(true);
    const other = await api.request('GET', '/api/items/330300-XK-0001');
    expect(other.body.eLicencePilot).toBe(false);
  });

  it('leaves the supervisors’ read models in step with the cases (the events were published)', async () => {
    // On MySQL the test files share one database, whose other cases move while this scans.
    if (isMysql()) return;
    expect(await readModelDifferences(srv.ctx.db.knex, '330000000000/330300000000/', '2016-01-01')).toEqual([]);
  });

  it('adds only what is missing when run again', async () => {
    const again = await generatePilotYear(srv.ctx, clock, { count: COUNT, year: 2016 });
    expect(again).toMatchObject({ delivered: COUNT, filed: 0, resumed: 0, caseNos: [] });
    const more = await generatePilotYear(srv.ctx, clock, { count: COUNT + 2, year: 2016 });
    expect(more).toMatchObject({ delivered: COUNT + 2, cases: COUNT + 2, filed: 2, alreadyDelivered: COUNT });
  }, 120_000);
});
