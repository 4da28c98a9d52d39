import { Api, buildCase, DEMO, type ApiResponse } from '../helpers/api';
import { isMysql, startTestServer, type TestServer } from '../helpers/testServer';

// Two clerks racing on one case: exactly one wins, the other gets 409; nothing is lost or doubled.

const CONFLICT_CODES = ['VERSION_CONFLICT', 'INVALID_TRANSITION'];

describe('concurrent actions on cases', () => {
  let srv: TestServer;
  let api: Api;

  beforeAll(async () => {
    srv = await startTestServer();
    api = new Api(srv.url);
    // Log everybody in first, so the races below are races of actions, not of log-ins.
    for (const user of ['clerk.village', 'clerk.town', 'reviewer.county', 'reviewer.city', 'supervisor.city']) await api.token(user);
  });
  afterAll(() => srv.close());

  async function eventsOf(caseNo: string) {
    const res = await api.as('supervisor.city', 'GET', `/api/cases/${caseNo}/events`);
    expect(res.status).toBe(200);
    return res.body as { lastSeq: number; events: { seq: number; type: string }[] };
  }

  /** What the database holds for a case: its row, its event seqs, the events that carry their fan-out for the publisher. */
  async function storedOf(caseNo: string) {
    const knex = srv.ctx.db.knex;
    const row = await knex('cases').where({ case_no: caseNo }).first();
    const seqs = (await knex('case_events').where({ case_id: row.id }).orderBy('seq').select('seq')).map((r) => Number(r.seq));
    const outbox = (await knex('case_events').where({ case_id: row.id }).whereNotNull('fanout').select('id')).map((r) => Number(r.id));
    return { version: Number(row.version), lastSeq: Number(row.last_seq), seqs, outbox };
  }

  const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

  function tally(results: ApiResponse[]) {
    const ok = results.filter((r) => r.status === 200);
    const conflicts = results.filter((r) => r.status === 409 && CONFLICT_CODES.includes(r.body?.error?.code));
    const other = results.filter((r) => !ok.includes(r) && !conflicts.includes(r)).map((r) => ({ status: r.status, body: r.body }));
    return { ok: ok.length, conflicts: conflicts.length, other };
  }

  it('lets exactly one of two simultaneous ACCEPTs with the same expectedVersion win; the other gets 409', async () => {
    const filed = await api.file(buildCase());
    expect(filed.version).toBe(1);
    const results = await Promise.all([
      api.act('clerk.village', filed.caseNo, { type: 'ACCEPT', opinion: '窗口一受理', expectedVersion: filed.version }),
      api.act('clerk.village', filed.caseNo, { type: 'ACCEPT', opinion: '窗口二受理', expectedVersion: filed.version }),
    ]);
    expect(tally(results)).toEqual({ ok: 1, conflicts: 1, other: [] });
    const loser = results.find((r) => r.status === 409)!;
    // Both sent version 1; whoever came second finds version 2.
    expect(loser.body.error.code).toBe('VERSION_CONFLICT');
    expect(loser.body.error.details).toEqual({ expectedVersion: 1, actualVersion: 2 });
    const winner = results.find((r) => r.status === 200)!;
    expect(winner.body.case.version).toBe(2);

    const { events, lastSeq } = await eventsOf(filed.caseNo);
    expect(events.map((e) => e.type)).toEqual(['SUBMIT', 'ACCEPT']);
    expect(events.filter((e) => e.type === 'ACCEPT')).toHaveLength(1);
    expect(events.map((e) => e.seq)).toEqual([1, 2]);
    expect(lastSeq).toBe(2);
    const stored = await storedOf(filed.caseNo);
    expect(stored).toMatchObject({ version: 2, lastSeq: 2, seqs: [1, 2] });
    expect(stored.outbox).toHaveLength(2);
  });

  it('lets exactly one of 10 simultaneous ACCEPTs without expectedVersion win; the nine others get 409', async () => {
    const filed = await api.file(buildCase());
    const results = await Promise.all(range(10).map((i) => api.act('clerk.village', filed.caseNo, { type: 'ACCEPT', opinion: `窗口${i}受理` })));
    expect(tally(results)).toEqual({ ok: 1, conflicts: 9, other: [] });
    const winner = results.find((r) => r.status === 200)!;
    const { events } = await eventsOf(filed.caseNo);
    expect(events.map((e) => e.type)).toEqual(['SUBMIT', 'ACCEPT']);
    expect(events.map((e) => e.seq)).toEqual([1, 2]);
    // The one ACCEPT recorded is the winner's, with the winner's opinion.
    expect((events[1] as { opinion?: string }).opinion).toBe(winner.body.event.opinion);
    const stored = await storedOf(filed.caseNo);
    expect(stored).toMatchObject({ version: 2, lastSeq: 2, seqs: [1, 2] });
    expect(stored.outbox).toHaveLength(2);
  });

  it('lets exactly one of three simultaneous moves made on the same version win (ACCEPT, REFUSE, the applicant’s WITHDRAW)', async () => {
    // Each side acts on the version it saw. (Without expectedVersion, ACCEPT then WITHDRAW would both
    // be valid one after the other: an applicant may withdraw an accepted case before the decision.)
    const filed = await api.file(buildCase());
    const v = filed.version;
    const results = await Promise.all([
      api.act('clerk.village', filed.caseNo, { type: 'ACCEPT', expectedVersion: v }),
      api.act('clerk.village', filed.caseNo, { type: 'REFUSE', reasons: '不属于受理范围', rightsNotice: '可在60日内申请行政复议', expectedVersion: v }),
      api.request('POST', `/api/cases/${filed.caseNo}/actions`, { body: { type: 'WITHDRAW', reason: '不办了', expectedVersion: v }, headers: { 'x-query-code': filed.queryCode } }),
    ]);
    expect(tally(results)).toEqual({ ok: 1, conflicts: 2, other: [] });
    const { events } = await eventsOf(filed.caseNo);
    expect(events.map((e) => e.seq)).toEqual([1, 2]);
    expect(['ACCEPT', 'REFUSE', 'WITHDRAW']).toContain(events[1]!.type);
  });

  it('moves 20 cases concurrently through five steps each, every one with seqs 1..n, no gaps, no duplicates', async () => {
    const filed = await Promise.all(range(20).map(() => api.file(buildCase())));
    expect(new Set(filed.map((f) => f.caseNo)).size).toBe(20);
    const steps: [string, Record<string, unknown>][] = [
      ['clerk.village', { type: 'ACCEPT', opinion: '受理' }],
      ['clerk.town', { type: 'FORWARD', opinion: '初审同意' }],
      ['reviewer.county', { type: 'FORWARD', opinion: '复审同意' }],
      ['reviewer.city', { type: 'APPROVE', opinion: '准予许可' }],
      ['reviewer.city', { type: 'ISSUE', licenceNo: 'YP-CONC' }],
    ];
    const outcomes = await Promise.all(
      filed.map(async (f) => {
        const statuses: number[] = [];
        let version = f.version as number;
        for (const [user, action] of steps) {
          const res = await api.act(user, f.caseNo, { ...action, expectedVersion: version });
          statuses.push(res.status);
          if (res.status !== 200) break;
          version = res.body.case.version;
        }
        return { caseNo: f.caseNo, statuses, version };
      }),
    );
    for (const o of outcomes) expect(o).toEqual({ caseNo: o.caseNo, statuses: [200, 200, 200, 200, 200], version: 6 });
    const types = ['SUBMIT', 'ACCEPT', 'FORWARD', 'FORWARD', 'APPROVE', 'ISSUE'];
    for (const f of filed) {
      const { events, lastSeq } = await eventsOf(f.caseNo);
      expect({ caseNo: f.caseNo, seqs: events.map((e) => e.seq), types: events.map((e) => e.type), lastSeq }).toEqual({ caseNo: f.caseNo, seqs: range(6), types, lastSeq: 6 });
      const stored = await storedOf(f.caseNo);
      expect(stored).toMatchObject({ version: 6, lastSeq: 6, seqs: range(6) });
      expect(new Set(stored.outbox).size).toBe(6);
    }
  });

  it('counts exactly the cases filed concurrently in the overview of the centre they were filed at', async () => {
    // A village centre that accepts linked items and that no other test uses (the demo path is in
    // 鹿城区 and the isolation tests use 瑞安市), so that other test files running at the same time on a
    // shared MariaDB cannot move this count.
    const centres = await api.request('GET', '/api/centres');
    expect(centres.status).toBe(200);
    const candidates = centres.body.centres.filter((c: any) => c.level === 'village' && c.acceptsLinked && !c.code.startsWith('330302') && !c.code.startsWith('330381'));
    expect(candidates.length).toBeGreaterThan(0);
    const centre = candidates[candidates.length - 1].code as string;
    const overview = async (scope: string) => {
      const res = await api.as('supervisor.city', 'GET', `/api/stats/overview?scope=${scope}`);
      expect(res.status).toBe(200);
      return res.body as { total: number; byState: Record<string, number>; byLevel: Record<string, number> };
    };
    const before = await overview(centre);
    const beforeCity = await overview(DEMO.cityCode);
    const n = 12;
    const filed = await Promise.all(range(n).map(() => api.file(buildCase({ centreCode: centre }))));
    expect(filed.every((f) => f.centreCode === centre && f.state === 'acceptanceReview')).toBe(true);
    const after = await overview(centre);
    expect(after.total - before.total).toBe(n);
    expect((after.byState.acceptanceReview ?? 0) - (before.byState.acceptanceReview ?? 0)).toBe(n);
    expect((after.byLevel.village ?? 0) - (before.byLevel.village ?? 0)).toBe(n);
    const afterCity = await overview(DEMO.cityCode);
    // On SQLite this server's database is private to this file, so the city-wide count is exact too;
    // on a shared MariaDB other files may be filing at the same time, so it can only have grown by at least n.
    if (isMysql()) expect(afterCity.total - beforeCity.total).toBeGreaterThanOrEqual(n);
    else expect(afterCity.total - beforeCity.total).toBe(n);
  });
});
