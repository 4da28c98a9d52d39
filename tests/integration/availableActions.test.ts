import { buildCase } from '../helpers/api';
import { useTestServer } from '../helpers/testServer';

/** What GET /api/cases/:no offers each viewer, and the applicant's choice of delivery. */
describe('actions a viewer may take now, and CHOOSE_DELIVERY', () => {
  const api = useTestServer();

  const asApplicant = (filed: { caseNo: string; queryCode: string }, method: string, path: string, body?: unknown) =>
    api.request(method, path, { body, headers: { 'x-query-code': filed.queryCode } });

  it('offers the accepting clerk accept, request materials and refuse; the applicant withdraw and delivery; the town clerk nothing yet', async () => {
    const filed = await api.file(buildCase());
    expect(filed.actions).toEqual(['WITHDRAW', 'CHOOSE_DELIVERY']);
    const clerk = await api.as('clerk.village', 'GET', `/api/cases/${filed.caseNo}`);
    expect(clerk.body.actions).toEqual(['ACCEPT', 'REQUEST_MATERIALS', 'REFUSE']);
    const town = await api.as('clerk.town', 'GET', `/api/cases/${filed.caseNo}`);
    expect(town.body.actions).toEqual([]);
    const sup = await api.as('supervisor.county', 'GET', `/api/cases/${filed.caseNo}`);
    // A supervisor urges (督办) and does nothing else to a case.
    expect(sup.body.actions).toEqual(['URGE']);
  });

  it('after acceptance, the town clerk may forward, return nothing (first review step), or start a special procedure', async () => {
    const filed = await api.file(buildCase());
    await api.act('clerk.village', filed.caseNo, { type: 'ACCEPT' });
    const town = await api.as('clerk.town', 'GET', `/api/cases/${filed.caseNo}`);
    expect(town.body.actions).toEqual(['FORWARD', 'START_SPECIAL', 'AMEND']);
    const applicant = await asApplicant(filed, 'GET', `/api/cases/${filed.caseNo}`);
    expect(applicant.body.actions).toEqual(['WITHDRAW', 'CHOOSE_DELIVERY']);
  });

  it('the applicant changes delivery to post with an address: the case keeps its state and clock, the event is recorded', async () => {
    const filed = await api.file(buildCase());
    await api.act('clerk.village', filed.caseNo, { type: 'ACCEPT' });
    const before = (await asApplicant(filed, 'GET', `/api/cases/${filed.caseNo}`)).body;
    const res = await asApplicant(filed, 'POST', `/api/cases/${filed.caseNo}/actions`, { type: 'CHOOSE_DELIVERY', mode: 'post', address: '温州市鹿城区五马街 1 号', expectedVersion: before.version });
    expect(res.status).toBe(200);
    expect(res.body.case.delivery).toEqual({ mode: 'post', address: '温州市鹿城区五马街 1 号', trackingNo: null });
    expect([res.body.case.state, res.body.case.step.index, res.body.case.clock.deadline]).toEqual([before.state, before.step.index, before.clock.deadline]);
    expect(res.body.event.type).toBe('CHOOSE_DELIVERY');
  });

  it('post without an address is 422 naming the field; the case does not take the choice from a clerk (409)', async () => {
    const filed = await api.file(buildCase());
    const bad = await asApplicant(filed, 'POST', `/api/cases/${filed.caseNo}/actions`, { type: 'CHOOSE_DELIVERY', mode: 'post' });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(bad.body.error.details)).toContain('address');
    const clerk = await api.act('clerk.village', filed.caseNo, { type: 'CHOOSE_DELIVERY', mode: 'electronic' });
    expect([clerk.status, clerk.body.error.code]).toEqual([409, 'INVALID_TRANSITION']);
    const still = await asApplicant(filed, 'GET', `/api/cases/${filed.caseNo}`);
    expect(still.body.delivery.mode).toBe('pickup');
  });

  it('once the result is delivered by post, the choice is refused (409) and no longer offered', async () => {
    const filed = await api.file(buildCase());
    const steps: [string, Record<string, unknown>][] = [
      ['clerk.village', { type: 'ACCEPT' }],
      ['clerk.town', { type: 'FORWARD', opinion: '同意' }],
      ['reviewer.county', { type: 'FORWARD', opinion: '同意' }],
      ['reviewer.city', { type: 'APPROVE', opinion: '准予许可' }],
      ['reviewer.city', { type: 'ISSUE', licenceNo: 'YP-2026-0001' }],
      ['clerk.village', { type: 'DELIVER', mode: 'post', trackingNo: 'EA123456785CN' }],
    ];
    for (const [user, action] of steps) expect((await api.act(user, filed.caseNo, action)).status).toBe(200);
    const now = await asApplicant(filed, 'GET', `/api/cases/${filed.caseNo}`);
    expect(now.body.state).toBe('delivered');
    expect(now.body.actions).toEqual(['COMPLETE']);
    const late = await asApplicant(filed, 'POST', `/api/cases/${filed.caseNo}/actions`, { type: 'CHOOSE_DELIVERY', mode: 'pickup' });
    expect([late.status, late.body.error.code]).toEqual([409, 'INVALID_TRANSITION']);
  });
});

describe('a closed case offers nothing', () => {
  const api = useTestServer();

  it('after withdrawal neither the applicant nor the clerk is offered an action', async () => {
    const filed = await api.file(buildCase());
    const headers = { 'x-query-code': filed.queryCode };
    expect((await api.request('POST', `/api/cases/${filed.caseNo}/actions`, { body: { type: 'WITHDRAW' }, headers })).status).toBe(200);
    expect((await api.request('GET', `/api/cases/${filed.caseNo}`, { headers })).body.actions).toEqual([]);
    expect((await api.as('clerk.village', 'GET', `/api/cases/${filed.caseNo}`)).body.actions).toEqual([]);
  });
});
