import { findJurisdiction } from '../../db/repositories/jurisdictions';
import { publishBatch, unpublishedCount } from '../../db/repositories/outbox';
import { bumpClosedDayRevision, durationsSince, type DurationRow } from '../../db/repositories/stepDurations';
import type { Dashboard } from '../../db/repositories/statsQueries';
import { Api, buildCase, DEMO } from '../helpers/api';
import { chinaDate } from '../../workflows/calendar';
import { startLiveServer } from '../helpers/sockets';
import type { TestServer } from '../helpers/testServer';

/*
 * The dashboard's step times come from per-day digests of closed days
 * (db/repositories/durationDigests.ts) plus today's rows and the unpublished
 * tail. They must equal what sorting every recorded step gives, asked once
 * (digests built) and again (digests reused); a digest is really reused, and
 * a step landing late on a closed day (published after midnight) drops the
 * digests, so it is counted once, neither lost nor twice.
 */
const at = (utc: string) => new Date(`2026-${utc.replace(' ', 'T')}:00Z`);
const DAY_MS = 86_400_000;
const SCOPES = [DEMO.cityCode, DEMO.countyCode, DEMO.townCode];
type Stat = { count: number; avgDays: number; p90Days: number };

/** Count, mean and nearest-rank p90 in days to 2 places, by sorting every value. */
function byHand(rows: DurationRow[], today: string): Record<string, Stat> {
  const groups: Record<string, number[]> = {};
  for (const r of rows) if (r.day <= today) (groups[r.kind === 'step' ? `${r.level}|${r.state}` : r.level] ??= []).push(r.ms);
  const round2 = (x: number) => Math.round(x * 100) / 100;
  return Object.fromEntries(
    Object.entries(groups).map(([k, ms]) => {
      const sorted = [...ms].sort((a, b) => a - b);
      const n = sorted.length;
      return [k, { count: n, avgDays: round2(sorted.reduce((a, b) => a + b, 0) / DAY_MS / n), p90Days: round2(sorted[Math.ceil(0.9 * n) - 1]! / DAY_MS) }];
    }),
  );
}

const shown = (d: Dashboard['durations']): Record<string, Stat> =>
  Object.fromEntries([...d.byStep.map((s) => [`${s.level}|${s.state}`, s] as const), ...d.byLevel.map((s) => [s.level, s] as const)].map(([k, s]) => [k, { count: s.count, avgDays: s.avgDays, p90Days: s.p90Days }]));

describe('step times from digests of closed days', () => {
  let srv: TestServer;
  let api: Api;
  let now = at('03-02 01:00');
  const today = '2026-03-05';

  const dashboard = async (scope: string, days: number) => {
    const res = await api.as<Dashboard>('supervisor.city', 'GET', `/api/stats/dashboard?scope=${scope}&days=${days}`);
    expect(res.status).toBe(200);
    return shown(res.body.durations);
  };
  const expected = async (scope: string, days: number) => {
    const root = (await findJurisdiction(srv.ctx.db.knex, scope))!;
    const from = new Date(`${today}T00:00:00Z`);
    from.setUTCDate(from.getUTCDate() - (days - 1));
    return byHand(await durationsSince(srv.ctx.db.knex, root.path, from.toISOString().slice(0, 10)), today);
  };
  const publishAll = async () => {
    while ((await publishBatch(srv.ctx.db.knex, srv.ctx.db.dialect, { limit: 500, today: chinaDate(now) }, () => undefined)) > 0);
  };
  const allAgree = async () => {
    for (const scope of SCOPES)
      for (const days of [1, 2, 4, 30]) expect({ scope, days, durations: await dashboard(scope, days) }).toEqual({ scope, days, durations: await expected(scope, days) });
  };

  beforeAll(async () => {
    // No publisher of its own: the test publishes (the publisher's own batch) when the story needs it.
    srv = await startLiveServer('digests', { now: () => now, env: { PUBLISHER: 'off' } });
    api = new Api(srv.url);
    const ok = async (when: string, user: string, caseNo: string, action: Record<string, unknown>) => {
      now = at(when);
      const res = await api.act(user, caseNo, action);
      if (res.status !== 200) throw new Error(`${user} ${action.type}: ${res.status} ${JSON.stringify(res.body)}`);
    };
    const cases = [];
    for (let i = 0; i < 6; i++) cases.push((await api.file(buildCase())).caseNo as string);
    // Accepted over three China days at different hours, then forwarded: steps end on 03-02, 03-03 and 03-04.
    for (const [i, no] of cases.entries()) await ok(`03-0${2 + (i % 3)} 0${1 + i}:00`, 'clerk.village', no, { type: 'ACCEPT' });
    for (const [i, no] of cases.slice(0, 4).entries()) await ok(`03-04 0${3 + i}:30`, 'clerk.town', no, { type: 'FORWARD', opinion: '初审同意' });
    await ok('03-05 01:00', 'reviewer.county', cases[0]!, { type: 'FORWARD', opinion: '审查同意' });
    now = at('03-05 02:00');
    await publishAll();
  });
  afterAll(() => srv.close());

  it('equal the step times sorted from every record, asked twice, for each scope and window', async () => {
    expect(Object.keys(await expected(DEMO.cityCode, 30)).length).toBeGreaterThan(2);
    await allAgree();
    await allAgree();
  });

  it('are reused for closed days, and dropped when the closed-day revision moves', async () => {
    const knex = srv.ctx.db.knex;
    const before = await dashboard(DEMO.cityCode, 30);
    // Taken out behind the digests' back (nothing in the engine deletes a record): the digest of 03-03 still holds it.
    const gone = await knex('step_durations').where({ day: '2026-03-03', kind: 'step' }).first('event_id', 'level', 'state');
    await knex('step_durations').where({ event_id: gone.event_id, kind: 'step' }).delete();
    expect(await dashboard(DEMO.cityCode, 30)).toEqual(before);
    // A rebuild (or a late record) bumps the revision: the digests are read afresh.
    await bumpClosedDayRevision(knex);
    const after = await dashboard(DEMO.cityCode, 30);
    expect(after).toEqual(await expected(DEMO.cityCode, 30));
    expect(after[`${gone.level}|${gone.state}`]?.count ?? 0).toBe(before[`${gone.level}|${gone.state}`]!.count - 1);
  });

  it('count a step published late on a closed day once, while it waits and after', async () => {
    const knex = srv.ctx.db.knex;
    // An event of 03-03 not yet published (its publisher was down over midnight): no record yet.
    const late = await knex('case_events').where('created_at', '>=', '2026-03-02 16:00:00').where('created_at', '<', '2026-03-03 16:00:00').whereNotNull('from_state').orderBy('id', 'desc').first('id');
    await knex.transaction(async (trx) => {
      await trx('step_durations').where({ event_id: late.id }).delete();
      await trx('case_events').where({ id: late.id }).update({ unpublished: true });
      await bumpClosedDayRevision(trx);
    });
    // Digests of closed days are built without it; the tail adds it.
    await allAgree();
    await allAgree();
    // Published now (03-05): recorded on 03-03, a closed day. The digests must let it in once.
    expect(await unpublishedCount(knex)).toBe(1);
    await publishAll();
    expect(Number((await knex('step_durations').where({ event_id: late.id }).count({ n: '*' }).first())?.n)).toBeGreaterThan(0);
    await allAgree();
  });
});
