import { buildCase, DEMO } from '../helpers/api';
import { useTestServer } from '../helpers/testServer';

/*
 * A logged-in user must not learn which case numbers exist: a case they may
 * not see answers every read and every action exactly as a number never
 * given out does (404 CASE_NOT_FOUND, the same body). Before, it was 403 for
 * an existing case and 404 for a missing one. What stays: a desk on the
 * case's route acting out of turn gets 409 (it lost a race or reads an old
 * screen), and one who may see the case but not act gets 403.
 */

const NO_SUCH_CASE = '20000101-999999';

/** Users who may not see a case filed at the demo village for DEMO.cityItemCode (market, decided at the city). */
const OUTSIDERS = ['clerk.othertown', 'reviewer.health.county', 'reviewer.health.city', 'reviewer.province', 'applicant'];

const ACTIONS: Record<string, unknown>[] = [
  { type: 'ACCEPT' },
  { type: 'ACCEPT', expectedVersion: 1 },
  { type: 'ACCEPT', expectedVersion: 99 },
  { type: 'FORWARD', opinion: '同意' },
  { type: 'APPROVE', opinion: '准予许可' },
  { type: 'WITHDRAW' },
  { type: 'CHOOSE_DELIVERY', mode: 'pickup' },
];

describe('case numbers do not leak to users who may not see the case', () => {
  const api = useTestServer();

  /** Asks about `caseNo` and about a number never given out; both answers must be the same 404. */
  async function expectSameAsMissing(user: string, method: 'GET' | 'POST', suffix: string, caseNo: string, body?: Record<string, unknown>) {
    const real = await api.as(user, method, `/api/cases/${caseNo}${suffix}`, body);
    const none = await api.as(user, method, `/api/cases/${NO_SUCH_CASE}${suffix}`, body);
    expect({ user, method, suffix, body, status: real.status, answer: real.body }).toEqual({ user, method, suffix, body, status: none.status, answer: none.body });
    expect({ user, status: real.status, code: real.body?.error?.code }).toEqual({ user, status: 404, code: 'CASE_NOT_FOUND' });
  }

  it.each(OUTSIDERS)('%s gets the same 404 for the case, its history and every action as for a missing number, and changes nothing', async (user) => {
    const filed = await api.file(buildCase());
    const before = (await api.as('supervisor.city', 'GET', `/api/cases/${filed.caseNo}`)).body;
    await expectSameAsMissing(user, 'GET', '', filed.caseNo);
    await expectSameAsMissing(user, 'GET', '/events', filed.caseNo);
    await expectSameAsMissing(user, 'GET', '/events?sinceSeq=0', filed.caseNo);
    for (const action of ACTIONS) await expectSameAsMissing(user, 'POST', '/actions', filed.caseNo, action);
    const after = (await api.as('supervisor.city', 'GET', `/api/cases/${filed.caseNo}`)).body;
    expect([after.version, after.lastSeq, after.state]).toEqual([before.version, before.lastSeq, before.state]);
  });

  it('answers alike wherever the case stands (accepted, at the county, closed)', async () => {
    const filed = await api.file(buildCase());
    const check = async () => {
      for (const user of ['clerk.othertown', 'reviewer.health.county']) {
        await expectSameAsMissing(user, 'GET', '', filed.caseNo);
        await expectSameAsMissing(user, 'POST', '/actions', filed.caseNo, { type: 'FORWARD', opinion: '同意' });
      }
    };
    await check();
    expect((await api.act('clerk.village', filed.caseNo, { type: 'ACCEPT' })).status).toBe(200);
    await check();
    expect((await api.act('clerk.town', filed.caseNo, { type: 'FORWARD', opinion: '同意' })).status).toBe(200);
    await check();
    const w = await api.request('POST', `/api/cases/${filed.caseNo}/actions`, { body: { type: 'WITHDRAW' }, headers: { 'x-query-code': filed.queryCode } });
    expect(w.status).toBe(200);
    await check();
  });

  it('keeps 409 for a desk on the route acting out of turn, and 403 for one who may see the case but not act', async () => {
    const filed = await api.file(buildCase());
    const early = await api.act('reviewer.city', filed.caseNo, { type: 'APPROVE', opinion: '准予许可' });
    expect({ status: early.status, code: early.body.error.code }).toEqual({ status: 409, code: 'INVALID_TRANSITION' });
    expect((await api.act('clerk.village', filed.caseNo, { type: 'ACCEPT', expectedVersion: 1 })).status).toBe(200);
    const lost = await api.act('clerk.village', filed.caseNo, { type: 'ACCEPT', expectedVersion: 1 });
    expect({ status: lost.status, code: lost.body.error.code }).toEqual({ status: 409, code: 'VERSION_CONFLICT' });
    for (const user of ['supervisor.city', 'supervisor.county', 'clerk.county']) {
      const res = await api.act(user, filed.caseNo, { type: 'FORWARD', opinion: '同意' });
      expect({ user, status: res.status, code: res.body.error.code }).toEqual({ user, status: 403, code: 'FORBIDDEN' });
    }
    // The same users may read it: they know it exists anyway.
    expect((await api.as('clerk.county', 'GET', `/api/cases/${filed.caseNo}`)).status).toBe(200);
  });

  it('a 瑞安 case is a missing number to every 鹿城 desk', async () => {
    const res = await api.as('clerk.othertown', 'POST', '/api/cases', buildCase({ centreCode: DEMO.otherTownCode }));
    expect(res.status).toBe(201);
    for (const user of ['clerk.village', 'clerk.town', 'clerk.county', 'reviewer.county', 'supervisor.county']) {
      await expectSameAsMissing(user, 'GET', '', res.body.caseNo);
      await expectSameAsMissing(user, 'POST', '/actions', res.body.caseNo, { type: 'ACCEPT' });
    }
  });
});
