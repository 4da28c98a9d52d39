import { rooms } from '../../workflows/socketContract';
import { Api, buildCase, DEMO } from '../helpers/api';
import { POSTAL, ROUTE } from '../helpers/linkedRoute';
import { closeAll, connect, Inbox, startLiveServer, subscribe, type ClientSocket } from '../helpers/sockets';
import type { TestServer } from '../helpers/testServer';

/*
 * A case followed live over Socket.IO while clerks and reviewers at the
 * village, town, county and city move it: whoever may see it gets every
 * transition once and in order; nobody else gets anything of it.
 */

/** A case number that was never given out. */
const NO_SUCH_CASE = '20000101-999999';

/** The linked route's staff steps (tests/helpers/linkedRoute.ts); the applicant's COMPLETE is sent on its own. */
const STEPS = ROUTE.slice(0, -1);

/** [type, state after, level after, jurisdiction after] for SUBMIT, the six steps, and the applicant's COMPLETE. */
const EXPECTED: [string, string, string, string][] = [
  ['SUBMIT', 'acceptanceReview', 'village', DEMO.villageCode],
  ['ACCEPT', 'review', 'town', DEMO.townCode],
  ['FORWARD', 'review', 'county', DEMO.countyCode],
  ['FORWARD', 'decision', 'city', DEMO.cityCode],
  ['APPROVE', 'approved', 'city', DEMO.cityCode],
  ['ISSUE', 'issued', 'village', DEMO.villageCode],
  ['DELIVER', 'delivered', 'village', DEMO.villageCode],
  ['COMPLETE', 'completed', 'village', DEMO.villageCode],
];

describe('case:updated reaches everyone who may see a case, and nobody else', () => {
  let srv: TestServer;
  let api: Api;
  const sockets: ClientSocket[] = [];
  const open = async (auth: Parameters<typeof connect>[1]) => {
    const s = await connect(srv.url, auth);
    sockets.push(s);
    return s;
  };
  const act = async (user: string, caseNo: string, action: Record<string, unknown>) => {
    const res = await api.act(user, caseNo, action);
    expect({ user, type: action.type, status: res.status }).toEqual({ user, type: action.type, status: 200 });
    return res.body;
  };
  const complete = async (caseNo: string, queryCode: string) => {
    const res = await api.request('POST', `/api/cases/${caseNo}/actions`, { body: { type: 'COMPLETE' }, headers: { 'x-query-code': queryCode } });
    expect(res.status).toBe(200);
  };

  beforeAll(async () => {
    srv = await startLiveServer('updates');
    api = new Api(srv.url);
  });
  afterEach(() => closeAll(sockets));
  afterAll(() => srv.close());

  it('gives an applicant with a query code every transition of the case in order, through to delivery, without ID numbers', async () => {
    const body = buildCase(POSTAL);
    const idNumber = (body.applicant as { idNumber: string }).idNumber;
    const filed = await api.file(body);
    const no: string = filed.caseNo;
    const applicant = new Inbox(await open({ caseNo: no, queryCode: filed.queryCode }));

    expect(await subscribe(applicant.socket, { caseNo: no, sinceSeq: 0 })).toEqual({ ok: true, caseNo: no, lastSeq: 1, replayed: 1 });
    for (const [user, action] of STEPS) await act(user, no, action);
    // The applicant closes the case: anything doubled would have come before this last event.
    await complete(no, filed.queryCode);
    await applicant.untilSeq(no, 8);

    const got = applicant.updatesOf(no);
    expect(got.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(got.map((e) => [e.type, e.state, e.level, e.jurisdictionCode])).toEqual(EXPECTED);
    expect(got.map((e) => e.version)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    // At the county and the city the case waits at the market department's desk.
    expect(got.filter((e) => e.level === 'county' || e.level === 'city').map((e) => e.department)).toEqual(['market', 'market', 'market']);
    // The filing was replayed on subscription; everything after it came live.
    expect(got.map((e) => e.replay ?? false)).toEqual([true, false, false, false, false, false, false, false]);
    for (const e of got) expect(e.caseNo).toBe(no);

    // What the socket was sent is what the case's history says, event by event.
    const history = await api.request('GET', `/api/cases/${no}/events`, { headers: { 'x-query-code': filed.queryCode } });
    expect(history.status).toBe(200);
    expect(got.map((e) => [e.seq, e.type, e.state, e.at])).toEqual(history.body.events.map((e: any) => [e.seq, e.type, e.toState, e.at]));

    // No full ID number, and not its middle digits either, anywhere in what was pushed.
    const pushed = JSON.stringify(applicant.all());
    expect(pushed).not.toContain(idNumber);
    expect(pushed).not.toContain(idNumber.slice(3, 14));
    expect(pushed).not.toContain(idNumber.slice(6, 14));
  });

  it('lets an applicant account and a supervisor of the county subscribe to a case they may see, and both get its transitions live', async () => {
    const filed = await api.file(buildCase(), 'applicant');
    const no: string = filed.caseNo;
    const account = new Inbox(await open({ token: await api.token('applicant') }));
    const supervisor = new Inbox(await open({ token: await api.token('supervisor.county') }));

    expect(await subscribe(account.socket, { caseNo: no, sinceSeq: 0 })).toEqual({ ok: true, caseNo: no, lastSeq: 1, replayed: 1 });
    expect(await subscribe(supervisor.socket, { caseNo: no, sinceSeq: 1 })).toEqual({ ok: true, caseNo: no, lastSeq: 1, replayed: 0 });
    await act('clerk.village', no, STEPS[0]![1]);
    await act('clerk.town', no, STEPS[1]![1]);
    await Promise.all([account.untilSeq(no, 3), supervisor.untilSeq(no, 3)]);

    expect(account.updatesOf(no).map((e) => [e.seq, e.type, e.replay ?? false])).toEqual([
      [1, 'SUBMIT', true],
      [2, 'ACCEPT', false],
      [3, 'FORWARD', false],
    ]);
    expect(supervisor.updatesOf(no).map((e) => [e.seq, e.type, e.state, e.level])).toEqual([
      [2, 'ACCEPT', 'review', 'town'],
      [3, 'FORWARD', 'review', 'county'],
    ]);
  });

  it('refuses a clerk of another town (CASE_NOT_FOUND, as for no case) and sends it nothing of the case while the case moves through its levels', async () => {
    const filed = await api.file(buildCase());
    const no: string = filed.caseNo;
    const applicant = new Inbox(await open({ caseNo: no, queryCode: filed.queryCode }));
    const stranger = new Inbox(await open({ token: await api.token('clerk.othertown') }));
    expect(await subscribe(applicant.socket, { caseNo: no, sinceSeq: 0 })).toMatchObject({ ok: true });

    const ack = await subscribe(stranger.socket, { caseNo: no, sinceSeq: 0 });
    expect(ack).toMatchObject({ ok: false, error: { code: 'CASE_NOT_FOUND' } });
    // Word for word what a case number never given out gets: the stranger cannot tell the case exists.
    expect(ack).toEqual(await subscribe(stranger.socket, { caseNo: NO_SUCH_CASE, sinceSeq: 0 }));

    for (const [user, action] of STEPS) await act(user, no, action);
    await applicant.untilSeq(no, 7);

    // A marker after everything above: a case filed at the stranger's own centre. Its
    // socket gets messages in the order they were published, so once the marker is
    // here, anything of the watched case it was (wrongly) sent would be here too.
    const marker = await api.file(buildCase({ centreCode: DEMO.otherTownCode }));
    await stranger.until('the marker case arriving at 瑞安 安阳街道', (i) => i.queueOf(marker.caseNo).some((q) => q.change === 'arrived'));
    expect(stranger.queueOf(marker.caseNo)).toEqual([
      expect.objectContaining({ desk: rooms.desk(DEMO.otherTownCode, null), change: 'arrived', seq: 1 }),
    ]);

    expect(stranger.updatesOf(no)).toEqual([]);
    expect(stranger.queueOf(no)).toEqual([]);
    expect(JSON.stringify(stranger.all())).not.toContain(no);
    // Meanwhile the applicant did get all seven.
    expect(applicant.updatesOf(no).map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('refuses a reviewer of another department (CASE_NOT_FOUND, as for no case) and sends it nothing of the case, though the case passes its county', async () => {
    const filed = await api.file(buildCase());
    const no: string = filed.caseNo;
    // A health-department case through the same village and town: the health reviewer may see it.
    const healthCase = await api.file(buildCase({ itemCode: DEMO.otherItemCode }));
    const health = new Inbox(await open({ token: await api.token('reviewer.health.county') }));
    const market = new Inbox(await open({ token: await api.token('reviewer.county') }));

    const refusedAck = await subscribe(health.socket, { caseNo: no, sinceSeq: 0 });
    expect(refusedAck).toMatchObject({ ok: false, error: { code: 'CASE_NOT_FOUND' } });
    expect(refusedAck).toEqual(await subscribe(health.socket, { caseNo: NO_SUCH_CASE, sinceSeq: 0 }));
    expect(await subscribe(health.socket, { caseNo: healthCase.caseNo, sinceSeq: 0 })).toMatchObject({ ok: true, replayed: 1 });

    for (const [user, action] of STEPS.slice(0, 3)) await act(user, no, action);
    // The market reviewer's desk saw the case arrive and leave: it was published.
    await market.until('the case arriving at and leaving the county market desk', (i) => i.queueOf(no).some((q) => q.change === 'left'));

    // Marker: the health case moves up to the county health desk after all of the above.
    await act('clerk.village', healthCase.caseNo, { type: 'ACCEPT' });
    await act('clerk.town', healthCase.caseNo, { type: 'FORWARD', opinion: '同意' });
    await health.until('the health case arriving at the county health desk', (i) => i.queueOf(healthCase.caseNo).some((q) => q.change === 'arrived'));
    await health.untilSeq(healthCase.caseNo, 3);
    expect(health.queueOf(healthCase.caseNo)).toEqual([
      expect.objectContaining({ desk: rooms.desk(DEMO.countyCode, 'health'), change: 'arrived', seq: 3 }),
    ]);
    expect(health.updatesOf(healthCase.caseNo).map((e) => e.seq)).toEqual([1, 2, 3]);

    expect(health.updatesOf(no)).toEqual([]);
    expect(health.queueOf(no)).toEqual([]);
    expect(JSON.stringify(health.all())).not.toContain(no);
  });

  it('refuses an applicant account a case it did not file (CASE_NOT_FOUND, as for no case)', async () => {
    const filed = await api.file(buildCase());
    const account = await open({ token: await api.token('applicant') });
    const ack = await subscribe(account, { caseNo: filed.caseNo, sinceSeq: 0 });
    expect(ack).toMatchObject({ ok: false, error: { code: 'CASE_NOT_FOUND' } });
    expect(ack).toEqual(await subscribe(account, { caseNo: NO_SUCH_CASE, sinceSeq: 0 }));
  });
});
