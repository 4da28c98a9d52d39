import { Api, buildCase, DEMO, type ApiResponse } from '../helpers/api';
import { startTestServer, type TestServer } from '../helpers/testServer';

/*
 * A case in a final state (withdrawn, refused, denied, completed) takes no
 * event at all: every action answers 409 CASE_CLOSED, and the case row, its
 * delivery record and its history stay exactly as they were. Before, the
 * applicant's CHOOSE_DELIVERY was still taken (version bump, an event
 * withdrawn → withdrawn, a completed case's tracking number lost).
 */

const RIGHTS = '可于60日内申请行政复议或6个月内提起行政诉讼';
const ADDRESS = '浙江省温州市鹿城区五马街道解放街 88 号';

/** DEMO.cityItemCode: village accept → town review → county review → city decide → city issue → village deliver. */
const TO_ISSUED: [string, Record<string, unknown>][] = [
  ['clerk.village', { type: 'ACCEPT' }],
  ['clerk.town', { type: 'FORWARD', opinion: '同意' }],
  ['reviewer.county', { type: 'FORWARD', opinion: '同意' }],
  ['reviewer.city', { type: 'APPROVE', opinion: '准予许可' }],
  ['reviewer.city', { type: 'ISSUE', licenceNo: 'YP-2026-0042' }],
];

type Filed = { caseNo: string; queryCode: string };

describe('closed cases take no event at all', () => {
  let srv: TestServer;
  let api: Api;
  beforeAll(async () => {
    srv = await startTestServer();
    api = new Api(srv.url);
  });
  afterAll(() => srv.close());

  const asApplicant = (f: Filed, body: Record<string, unknown>) =>
    api.request('POST', `/api/cases/${f.caseNo}/actions`, { body, headers: { 'x-query-code': f.queryCode } });
  const ok = async (res: Promise<ApiResponse>) => {
    const r = await res;
    expect({ status: r.status, error: r.body?.error }).toEqual({ status: 200, error: undefined });
    return r.body;
  };

  /** The case row as stored, and its history, straight from the database. */
  async function stored(caseNo: string) {
    const knex = srv.ctx.db.knex;
    const row = await knex('cases').where({ case_no: caseNo }).first();
    const events = await knex('case_events').where({ case_id: row.id }).orderBy('seq').select('seq', 'type', 'from_state', 'to_state');
    // Every event carries what its publisher sends (the event table is the outbox).
    const outbox = await knex('case_events').where({ case_id: row.id }).whereNotNull('fanout').count({ n: '*' }).first();
    const { updated_at: _u, ...rest } = row;
    return { row: rest, events, outbox: Number(outbox?.n) };
  }

  /** Files a case with post delivery (so an address is on record) and brings it to a final state. */
  const finals: [string, string, (f: Filed) => Promise<void>][] = [
    ['withdrawn', 'withdrawn', async (f) => void (await ok(asApplicant(f, { type: 'WITHDRAW', reason: '不再需要' })))],
    ['refused', 'refused', async (f) => void (await ok(api.act('clerk.village', f.caseNo, { type: 'REFUSE', reasons: '不属于本中心受理范围', rightsNotice: RIGHTS })))],
    [
      'denied',
      'denied',
      async (f) => {
        for (const [user, action] of TO_ISSUED.slice(0, 3)) await ok(api.act(user, f.caseNo, action));
        await ok(api.act('reviewer.city', f.caseNo, { type: 'DENY', reasons: '不符合法定条件', rightsNotice: RIGHTS }));
      },
    ],
    [
      'completed (picked up)',
      'completed',
      async (f) => {
        for (const [user, action] of TO_ISSUED) await ok(api.act(user, f.caseNo, action));
        await ok(api.act('clerk.village', f.caseNo, { type: 'DELIVER', mode: 'pickup', signedBy: '张小明' }));
      },
    ],
    [
      'completed (posted, tracking number on record)',
      'completed',
      async (f) => {
        for (const [user, action] of TO_ISSUED) await ok(api.act(user, f.caseNo, action));
        await ok(api.act('clerk.village', f.caseNo, { type: 'DELIVER', mode: 'post', trackingNo: '9988776655123', address: ADDRESS }));
        await ok(asApplicant(f, { type: 'COMPLETE' }));
      },
    ],
  ];

  describe.each(finals)('a %s case', (_name, state, close) => {
    let f: Filed;
    let before: Awaited<ReturnType<typeof stored>>;
    beforeAll(async () => {
      f = await api.file(buildCase({ delivery: { mode: 'post', address: ADDRESS } }));
      await close(f);
      before = await stored(f.caseNo);
      expect(before.row.state).toBe(state);
    });

    /** The refusal is 409 CASE_CLOSED, and nothing of the case changed. */
    async function expectClosed(res: ApiResponse) {
      expect({ status: res.status, code: res.body?.error?.code }).toEqual({ status: 409, code: 'CASE_CLOSED' });
      expect(await stored(f.caseNo)).toEqual(before);
    }

    it('refuses the applicant’s change of delivery (pickup, electronic, post), whatever the version sent', async () => {
      await expectClosed(await asApplicant(f, { type: 'CHOOSE_DELIVERY', mode: 'pickup' }));
      await expectClosed(await asApplicant(f, { type: 'CHOOSE_DELIVERY', mode: 'electronic', expectedVersion: before.row.version }));
      await expectClosed(await asApplicant(f, { type: 'CHOOSE_DELIVERY', mode: 'post', address: '温州市瓯海区新桥街道 1 号' }));
      // From an old screen: told to reload (the case changed), and still nothing changes.
      const stale = await asApplicant(f, { type: 'CHOOSE_DELIVERY', mode: 'pickup', expectedVersion: 1 });
      expect({ status: stale.status, code: stale.body?.error?.code }).toEqual({ status: 409, code: 'VERSION_CONFLICT' });
      expect(await stored(f.caseNo)).toEqual(before);
    });

    it('refuses the applicant’s other actions', async () => {
      await expectClosed(await asApplicant(f, { type: 'WITHDRAW', reason: '再撤一次' }));
      await expectClosed(await asApplicant(f, { type: 'COMPLETE' }));
      await expectClosed(await asApplicant(f, { type: 'SUPPLY_MATERIALS', materials: ['补充材料'] }));
    });

    it('refuses every desk of the route, the one the case closed at included', async () => {
      const tries: [string, Record<string, unknown>][] = [
        ['clerk.village', { type: 'ACCEPT' }],
        ['clerk.village', { type: 'DELIVER', mode: 'post', trackingNo: 'EA000000005CN', address: ADDRESS }],
        ['clerk.village', { type: 'COMPLETE' }],
        ['clerk.town', { type: 'FORWARD', opinion: '同意' }],
        ['reviewer.county', { type: 'RETURN', reason: '重审' }],
        ['reviewer.city', { type: 'APPROVE', opinion: '准予许可' }],
        ['reviewer.city', { type: 'ISSUE', licenceNo: 'YP-2026-0043' }],
      ];
      for (const [user, action] of tries) await expectClosed(await api.act(user, f.caseNo, action));
    });

    it('offers nobody an action', async () => {
      const applicant = await api.request('GET', `/api/cases/${f.caseNo}`, { headers: { 'x-query-code': f.queryCode } });
      expect(applicant.body.actions).toEqual([]);
      for (const user of ['clerk.village', 'clerk.town', 'reviewer.county', 'reviewer.city']) {
        expect({ user, actions: (await api.as(user, 'GET', `/api/cases/${f.caseNo}`)).body.actions }).toEqual({ user, actions: [] });
      }
    });

    it('still answers a user who may not see it as if it did not exist (404), not with CASE_CLOSED', async () => {
      const res = await api.act('clerk.othertown', f.caseNo, { type: 'ACCEPT' });
      expect({ status: res.status, code: res.body?.error?.code }).toEqual({ status: 404, code: 'CASE_NOT_FOUND' });
      expect(await stored(f.caseNo)).toEqual(before);
    });
  });

  it('keeps a completed case’s tracking number and address when the applicant tries to change delivery', async () => {
    const f = await api.file(buildCase({ delivery: { mode: 'post', address: ADDRESS } }));
    for (const [user, action] of TO_ISSUED) await ok(api.act(user, f.caseNo, action));
    await ok(api.act('clerk.village', f.caseNo, { type: 'DELIVER', mode: 'post', trackingNo: '1122334455667' }));
    await ok(asApplicant(f, { type: 'COMPLETE' }));
    const res = await asApplicant(f, { type: 'CHOOSE_DELIVERY', mode: 'pickup' });
    expect(res.status).toBe(409);
    const mine = await api.request('GET', `/api/cases/${f.caseNo}`, { headers: { 'x-query-code': f.queryCode } });
    expect(mine.body.delivery).toEqual({ mode: 'post', address: ADDRESS, trackingNo: '1122334455667' });
    expect(mine.body.state).toBe('completed');
    const history = await api.request('GET', `/api/cases/${f.caseNo}/events`, { headers: { 'x-query-code': f.queryCode } });
    expect(history.body.events.map((e: { type: string }) => e.type).slice(-2)).toEqual(['DELIVER', 'COMPLETE']);
    expect(mine.body.centreCode).toBe(DEMO.villageCode);
  });
});
