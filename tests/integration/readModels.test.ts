import { unpublishedCount } from '../../db/repositories/outbox';
import { rebuildReadModels } from '../../db/repositories/readModels';
import { readModelDifferences } from '../../db/repositories/statsScans';
import { findJurisdiction } from '../../db/repositories/jurisdictions';
import { Api, buildCase, DEMO } from '../helpers/api';
import { startLiveServer, waitUntil } from '../helpers/sockets';
import type { TestServer } from '../helpers/testServer';

/*
 * The supervisors' read models (db/repositories/readModels.ts) give the same
 * numbers as the scans of cases and events they replaced (statsScans.ts), for
 * the city, a county, a town and a village: while events wait to be published
 * (the reader adds them), once they are all published (the publisher counted
 * them), and with no publisher at all. The cases take every kind of turn over
 * several days: counter filing, 补正, returns, denial, withdrawal, delivery.
 */
const UNLINKED_COUNTY_ITEM = '330300-XK-0007';
const at = (utc: string) => new Date(`2026-${utc.replace(' ', 'T')}:00Z`);
const SCOPES = [DEMO.cityCode, DEMO.countyCode, DEMO.townCode, DEMO.villageCode, DEMO.otherTownCode];

async function driveMix(api: Api, setNow: (d: Date) => void) {
  const ok = async (when: string, user: string | { code: string }, caseNo: string, action: Record<string, unknown>) => {
    setNow(at(when));
    const res = typeof user === 'string' ? await api.act(user, caseNo, action) : await api.request('POST', `/api/cases/${caseNo}/actions`, { body: action, headers: { 'x-query-code': user.code } });
    if (res.status !== 200) throw new Error(`${JSON.stringify(user)} ${action.type}: ${res.status} ${JSON.stringify(res.body)}`);
  };
  setNow(at('03-02 01:00'));
  const [a, b, c, d, e] = [await api.file(buildCase()), await api.file(buildCase()), await api.file(buildCase()), await api.file(buildCase()), await api.file(buildCase())];
  const u = await api.file(buildCase({ itemCode: UNLINKED_COUNTY_ITEM, centreCode: DEMO.countyCode }));
  // Counter filing: filed and accepted in one transaction, at the county and at another county's town.
  await api.file(buildCase({ itemCode: UNLINKED_COUNTY_ITEM, centreCode: DEMO.countyCode, acceptNow: true }), 'clerk.county');
  await api.file(buildCase({ centreCode: DEMO.otherTownCode, acceptNow: true }), 'clerk.othertown');
  await ok('03-02 07:00', 'clerk.village', a.caseNo, { type: 'ACCEPT' });
  await ok('03-02 07:00', 'clerk.village', b.caseNo, { type: 'REQUEST_MATERIALS', missing: ['营业执照复印件'] });
  await ok('03-02 16:30', { code: b.queryCode }, b.caseNo, { type: 'SUPPLY_MATERIALS', materials: ['营业执照复印件'] });
  await ok('03-03 01:00', 'clerk.village', b.caseNo, { type: 'ACCEPT' });
  await ok('03-03 01:00', 'clerk.village', c.caseNo, { type: 'ACCEPT' });
  await ok('03-03 02:00', { code: d.queryCode }, d.caseNo, { type: 'WITHDRAW', reason: '不再需要' });
  await ok('03-03 03:00', 'clerk.town', a.caseNo, { type: 'FORWARD', opinion: '初审同意' });
  await ok('03-03 05:00', 'reviewer.county', a.caseNo, { type: 'RETURN', reason: '请补充初审意见' });
  await ok('03-03 07:00', 'clerk.town', a.caseNo, { type: 'FORWARD', opinion: '已补充' });
  await ok('03-03 09:00', 'reviewer.county', a.caseNo, { type: 'FORWARD', opinion: '审查同意' });
  await ok('03-03 17:00', 'reviewer.city', a.caseNo, { type: 'APPROVE', opinion: '准予许可' });
  await ok('03-04 01:00', 'reviewer.city', a.caseNo, { type: 'ISSUE', licenceNo: 'YP-RM-1' });
  await ok('03-04 02:00', 'clerk.village', a.caseNo, { type: 'DELIVER', mode: 'pickup', signedBy: '张小明' });
  await ok('03-04 03:00', 'clerk.town', c.caseNo, { type: 'FORWARD', opinion: '初审同意' });
  await ok('03-04 04:00', 'reviewer.county', c.caseNo, { type: 'FORWARD', opinion: '审查同意' });
  await ok('03-04 05:00', 'reviewer.city', c.caseNo, { type: 'DENY', reasons: '经营场所不符合规范', rightsNotice: '可依法申请行政复议或者提起行政诉讼' });
  await ok('03-04 06:00', 'clerk.county', u.caseNo, { type: 'ACCEPT' });
  setNow(at('03-05 02:00'));
  return { untouched: e.caseNo as string };
}

async function differences(srv: TestServer, today: string, days: number) {
  const out: string[] = [];
  const from = new Date(`${today}T00:00:00Z`);
  from.setUTCDate(from.getUTCDate() - (days - 1));
  for (const code of SCOPES) {
    const root = (await findJurisdiction(srv.ctx.db.knex, code))!;
    for (const d of await readModelDifferences(srv.ctx.db.knex, root.path, from.toISOString().slice(0, 10))) out.push(`${code}: ${d}`);
  }
  return out;
}

/**
 * The case list's totals that the read model counts (countCases) equal the rows counted: the same
 * query with `filedFrom` long ago matches the same cases, and is always counted row by row.
 */
async function listTotalsDiffer(api: Api) {
  const out: string[] = [];
  const queries = ['', 'open=true', 'state=accepted', 'state=completed', 'open=true&level=town', 'open=true&level=county', 'linked=true', 'linked=false&open=true', `centre=${DEMO.villageCode}`, `centre=${DEMO.countyCode}&open=true`, 'level=village'];
  for (const user of ['supervisor.city', 'supervisor.county', 'clerk.town', 'clerk.village'])
    for (const query of queries) {
      const total = async (extra: string) => {
        const res = await api.as<{ total: number }>(user, 'GET', `/api/cases?${query}${extra}`);
        if (res.status !== 200) throw new Error(`${user} ${query}: ${res.status}`);
        return res.body.total;
      };
      const [counted, rows] = [await total(''), await total('&filedFrom=2000-01-01')];
      if (counted !== rows) out.push(`${user} ?${query}: ${counted} ≠ ${rows} rows`);
    }
  return out;
}

describe('read models equal the scans', () => {
  let srv: TestServer;
  let api: Api;
  let now = at('03-02 01:00');

  beforeAll(async () => {
    srv = await startLiveServer('readmodels', { now: () => now });
    api = new Api(srv.url);
    await driveMix(api, (d) => (now = d));
  });
  afterAll(() => srv.close());

  it('agree once every event is published, for windows of 1, 2 and 30 days, and the counters hold the cases', async () => {
    await waitUntil('every event to be published (and counted)', async () => (await unpublishedCount(srv.ctx.db.knex)) === 0);
    for (const days of [1, 2, 30]) expect({ days, differences: await differences(srv, '2026-03-05', days) }).toEqual({ days, differences: [] });
    expect(await listTotalsDiffer(api)).toEqual([]);
    const before = await srv.ctx.db.knex('daily_counts').orderBy(['day', 'centre_code', 'linked', 'level', 'kind']).select();
    await rebuildReadModels(srv.ctx.db.knex, srv.ctx.db.dialect);
    expect(await srv.ctx.db.knex('daily_counts').orderBy(['day', 'centre_code', 'linked', 'level', 'kind']).select()).toEqual(before);
    // Not a tail standing in for the counters: the read models hold every case and filing.
    const held = await srv.ctx.db.knex('case_counts').sum({ n: 'n' }).first();
    const cases = await srv.ctx.db.knex('cases').count({ n: '*' }).first();
    expect(Number(held?.n)).toBe(Number(cases?.n));
    expect(Number((await srv.ctx.db.knex('daily_counts').where({ kind: 'filed' }).sum({ n: 'n' }).first())?.n)).toBe(Number(cases?.n));
  });

  it('agree while events wait to be published: the reader adds them', async () => {
    // Mark the newest events unpublished again, and take them out of the counters by hand-rolled
    // reversal: that is what the read models held before the publisher counted them.
    const knex = srv.ctx.db.knex;
    const { applyDeltas, countedEvents, deltasOf, negated } = await import('../../db/repositories/readModels');
    const ids = (await knex('case_events').orderBy('id', 'desc').limit(7).pluck('id')).map(Number);
    const d = deltasOf(await countedEvents(knex, ids));
    await knex.transaction(async (trx) => {
      await applyDeltas(trx, srv.ctx.db.dialect, negated(d));
      await trx('step_durations').whereIn('event_id', ids).delete();
      await trx('case_events').whereIn('id', ids).update({ unpublished: true });
    });
    expect(await differences(srv, '2026-03-05', 30)).toEqual([]);
    expect(await listTotalsDiffer(api)).toEqual([]);
    // And once published again (the next poll), still equal.
    srv.ctx.events.emit('committed', { caseId: 0, caseNo: '', seq: 0 });
    await waitUntil('the events to be published again', async () => (await unpublishedCount(knex)) === 0);
    expect(await differences(srv, '2026-03-05', 30)).toEqual([]);
  });
});

describe('read models with no publisher running', () => {
  let srv: TestServer;
  let now = at('03-02 01:00');

  beforeAll(async () => {
    srv = await startLiveServer('readmodels_nopub', { now: () => now, env: { PUBLISHER: 'off' } });
    await driveMix(new Api(srv.url), (d) => (now = d));
  });
  afterAll(() => srv.close());

  it('agree from the unpublished events alone', async () => {
    expect(await unpublishedCount(srv.ctx.db.knex)).toBeGreaterThan(20);
    expect(await differences(srv, '2026-03-05', 30)).toEqual([]);
    expect(await listTotalsDiffer(new Api(srv.url))).toEqual([]);
    // Counted afresh from the stored cases and events (migration 014, a bulk load): still equal.
    await rebuildReadModels(srv.ctx.db.knex, srv.ctx.db.dialect);
    expect(await differences(srv, '2026-03-05', 30)).toEqual([]);
    const dash = await new Api(srv.url).as('supervisor.city', 'GET', '/api/stats/dashboard?days=30');
    expect(dash.body.counters.filed).toBe(Number((await srv.ctx.db.knex('cases').count({ n: '*' }).first())?.n));
  });
});
