import type { LicenceUpdated } from '../../workflows/socketContract';
import { isValidLicenceId } from '../../workflows/licenceIdentifier';
import { caseAt } from '../authz/fixtures';
import { Api } from '../helpers/api';
import { closeAll, connect, waitUntil, type ClientSocket } from '../helpers/sockets';
import { startLiveServer } from '../helpers/sockets';
import type { TestServer } from '../helpers/testServer';

/*
 * An e-licence's status operations over real HTTP and a real socket: each is
 * an event of the licence machine through the one command path, refused
 * when the state or the desk cannot take it, pushed live to the holder and
 * the issuing desk, shown by the public verification; 延续 and 变更 issue
 * the next version, which carries the previous identifier.
 */
describe('e-licence status operations', () => {
  const api = new Api('');
  let srv: TestServer;
  let caseNo: string;
  let first: string;
  const holderInbox: LicenceUpdated[] = [];
  const deskInbox: LicenceUpdated[] = [];
  const strangerInbox: LicenceUpdated[] = [];
  const sockets: ClientSocket[] = [];

  const op = (user: string, id: string, body: Record<string, unknown>) => api.as(user, 'POST', `/api/licences/${encodeURIComponent(id)}/operations`, body);
  const verify = async (id: string) => (await api.request('GET', `/api/licences/verify?code=${encodeURIComponent(id)}`)).body;

  beforeAll(async () => {
    srv = await startLiveServer('licenceops');
    api.baseUrl = srv.url;
    const c = await caseAt(api, 'approved');
    const issued = await api.act('reviewer.city', c.caseNo, { type: 'ISSUE' });
    if (issued.status !== 200) throw new Error(`ISSUE: ${issued.status} ${JSON.stringify(issued.body)}`);
    caseNo = c.caseNo;
    first = issued.body.case.eLicence.id;
    for (const [user, inbox] of [['applicant', holderInbox], ['reviewer.city', deskInbox], ['reviewer.county', strangerInbox]] as const) {
      const s = await connect(srv.url, { token: await api.token(user) });
      s.on('licence:updated', (e) => inbox.push(e));
      sockets.push(s);
    }
  }, 60_000);
  afterAll(async () => {
    closeAll(sockets);
    await srv?.close();
  });

  it('suspends (暂扣) with a decision number: the status, the verification and the holder’s screen all say so', async () => {
    const res = await op('reviewer.city', first, { type: 'SUSPEND', reason: '未按规定使用许可证', decisionNo: '温市监罚〔2026〕12号', expectedRevision: 1 });
    expect(res.status).toBe(200);
    expect(res.body.licence).toMatchObject({ id: first, state: 'suspended', status: { code: '02', zh: '暂扣' }, revision: 2 });
    expect(res.body.event).toMatchObject({ type: 'SUSPEND', operationCode: '03', reason: '未按规定使用许可证', details: { decisionNo: '温市监罚〔2026〕12号' } });
    await waitUntil('the holder hears of the suspension', () => holderInbox.some((e) => e.licenceId === first && e.type === 'SUSPEND'));
    await waitUntil('the issuing desk hears of it', () => deskInbox.some((e) => e.licenceId === first && e.status === '02'));
    expect(await verify(first)).toMatchObject({ genuine: true, status: { code: '02' }, statusNote: '未按规定使用许可证' });
  });

  it('refuses what the state cannot take, a stale screen, and a missing reason or decision number', async () => {
    expect((await op('reviewer.city', first, { type: 'SUSPEND', reason: '再次暂扣', decisionNo: 'X' })).body.error.code).toBe('INVALID_TRANSITION');
    expect((await op('reviewer.city', first, { type: 'RENEW', reason: '延续' })).body.error.code).toBe('INVALID_TRANSITION');
    const stale = await op('reviewer.city', first, { type: 'RESTORE', reason: '整改完毕', expectedRevision: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('VERSION_CONFLICT');
    const noReason = await op('reviewer.city', first, { type: 'CANCEL', reason: '  ' });
    expect(noReason.status).toBe(422);
    expect(noReason.body.error.code).toBe("VALIDATION_FAILED");
    const noDecision = await op('reviewer.city', first, { type: 'WITHDRAW', reason: '严重违法' });
    expect(noDecision.status).toBe(422);
    expect((await api.as('reviewer.city', 'GET', `/api/licences/${encodeURIComponent(first)}`)).body.licence.revision).toBe(2);
  });

  it('lets only the issuing desk operate: the holder is forbidden, another desk learns nothing', async () => {
    const holder = await op('applicant', first, { type: 'RESTORE', reason: '我已整改' });
    expect(holder.status).toBe(403);
    const other = await op('reviewer.county', first, { type: 'RESTORE', reason: '整改完毕' });
    expect(other.status).toBe(404);
    expect(other.body.error.code).toBe('LICENCE_NOT_FOUND');
    expect((await api.as('reviewer.county', 'GET', `/api/licences/${encodeURIComponent(first)}`)).status).toBe(404);
    expect((await api.request('POST', `/api/licences/${encodeURIComponent(first)}/operations`, { body: { type: 'RESTORE', reason: 'x' } })).status).toBe(401);
    expect(strangerInbox).toEqual([]);
  });

  it('gives it back (发还), then renews it (延续): a new version runs on after the old validity, carrying the old identifier', async () => {
    expect((await op('reviewer.city', first, { type: 'RESTORE', reason: '整改完毕' })).body.licence.status.code).toBe('01');
    const renewed = await op('reviewer.city', first, { type: 'RENEW', reason: '有效期届满前申请延续' });
    expect(renewed.status).toBe(200);
    const second = renewed.body.next as string;
    expect(isValidLicenceId(second)).toBe(true);
    expect(second.split('.').slice(0, -2)).toEqual(first.split('.').slice(0, -2));
    expect(second.split('.').at(-2)).toBe('002');
    const old = await verify(first);
    expect(old).toMatchObject({ genuine: true, status: { code: '99' }, supersededBy: second });
    const now = await verify(second);
    expect(now).toMatchObject({ genuine: true, status: { code: '01' }, previousLicenceId: first });
    expect(now.validity.from > old.validity.until).toBe(true);
    const ofCase = await api.as('applicant', 'GET', `/api/cases/${caseNo}/licence`);
    expect(ofCase.body).toMatchObject({ id: second, version: '002', previousLicenceId: first });
    await waitUntil('the holder hears of the renewal', () => holderInbox.some((e) => e.type === 'RENEW' && e.supersededBy === second));
    const mine = await api.as('applicant', 'GET', '/api/me/licences');
    expect(mine.body.licences.map((l: { id: string }) => l.id)).toEqual(expect.arrayContaining([first, second]));
  });

  it('changes the holder (变更) on the current version only, and ends it for good (吊销)', async () => {
    const second = (await api.as('applicant', 'GET', `/api/cases/${caseNo}/licence`)).body.id as string;
    expect((await op('reviewer.city', first, { type: 'AMEND', reason: '更名', holderName: '张伟明' })).body.error.code).toBe('INVALID_TRANSITION');
    const amended = await op('reviewer.city', second, { type: 'AMEND', reason: '持证人更名', holderName: '张伟明' });
    expect(amended.status).toBe(200);
    const third = amended.body.next as string;
    expect(third.split('.').at(-2)).toBe('003');
    const shown = await api.as('applicant', 'GET', `/api/licences/${encodeURIComponent(third)}`);
    expect(shown.body.licence).toMatchObject({ holder: { name: '张伟明' }, previousLicenceId: second });
    expect(shown.body.versions.map((v: { version: string }) => v.version)).toEqual(['001', '002', '003']);
    expect(shown.body.history.map((e: { type: string }) => e.type)).toEqual(['SUSPEND', 'RESTORE', 'RENEW', 'AMEND']);
    const ended = await op('reviewer.city', third, { type: 'WITHDRAW', reason: '以欺骗手段取得许可', decisionNo: '温市监罚〔2026〕30号' });
    expect(ended.body.licence.status).toMatchObject({ code: '07', zh: '吊销' });
    expect((await op('reviewer.city', third, { type: 'RESTORE', reason: '发还' })).body.error.code).toBe('INVALID_TRANSITION');
    expect(await verify(third)).toMatchObject({ genuine: true, status: { code: '07' }, statusNote: '以欺骗手段取得许可' });
  });

  it('lists the desk’s issued licences by state for the reviewer and the supervisor, not for the applicant', async () => {
    const desk = await api.as('reviewer.city', 'GET', '/api/desk/licences?state=withdrawn');
    expect(desk.status).toBe(200);
    expect(desk.body.licences.length).toBeGreaterThan(0);
    expect(desk.body.licences.every((l: { state: string; mayOperate: boolean }) => l.state === 'withdrawn' && l.mayOperate)).toBe(true);
    const sup = await api.as('supervisor.city', 'GET', '/api/desk/licences');
    expect(sup.status).toBe(200);
    expect(sup.body.licences.some((l: { mayOperate: boolean }) => l.mayOperate)).toBe(false);
    expect((await api.as('applicant', 'GET', '/api/desk/licences')).status).toBe(403);
    expect((await api.as('reviewer.city', 'GET', '/api/desk/licences?state=lost')).status).toBe(400);
  });
});
