import { Api, buildCase } from '../helpers/api';
import { closeAll, connect, Inbox, openSocket, refused, startLiveServer, subscribe, type ClientSocket } from '../helpers/sockets';
import type { TestServer } from '../helpers/testServer';

/*
 * The handshake decides who a socket is: a token, or a case number with its
 * query code. Anything else is refused before the socket is let in, and
 * guessing query codes is rate limited.
 */
describe('socket handshake and subscription auth', () => {
  let srv: TestServer;
  let api: Api;
  const sockets: ClientSocket[] = [];
  const track = (s: ClientSocket) => {
    sockets.push(s);
    return s;
  };
  beforeAll(async () => {
    srv = await startLiveServer('auth');
    api = new Api(srv.url);
  });
  afterEach(() => closeAll(sockets));
  afterAll(() => srv.close());

  it('refuses a socket without auth with UNAUTHENTICATED', async () => {
    const s = track(openSocket(srv.url));
    const err = await refused(s);
    expect(err.data).toEqual({ code: 'UNAUTHENTICATED', message: expect.any(String) });
    expect(s.connected).toBe(false);
  });

  it('refuses a bad token with INVALID_TOKEN', async () => {
    const good = await api.token('clerk.village');
    for (const token of ['not-a-token', `${good.slice(0, -4)}AAAA`]) {
      const s = track(openSocket(srv.url, { token }));
      const err = await refused(s);
      expect({ token, data: err.data }).toEqual({ token, data: { code: 'INVALID_TOKEN', message: expect.any(String) } });
      expect(s.connected).toBe(false);
    }
  });

  it('lets a good token and a good query code in (the control for the refusals)', async () => {
    const filed = await api.file(buildCase());
    const staff = track(await connect(srv.url, { token: await api.token('clerk.village') }));
    const applicant = track(await connect(srv.url, { caseNo: filed.caseNo, queryCode: filed.queryCode }));
    expect([staff.connected, applicant.connected]).toEqual([true, true]);
  });

  it('refuses a wrong query code with CASE_NOT_FOUND', async () => {
    const filed = await api.file(buildCase());
    const wrong = filed.queryCode === 'AAAAAAAA' ? 'BBBBBBBB' : 'AAAAAAAA';
    const s = track(openSocket(srv.url, { caseNo: filed.caseNo, queryCode: wrong }));
    const err = await refused(s);
    expect(err.data).toEqual({ code: 'CASE_NOT_FOUND', message: expect.any(String) });
    // A case number that does not exist gets the very same answer.
    const none = track(openSocket(srv.url, { caseNo: '20240101-999999', queryCode: filed.queryCode }));
    expect((await refused(none)).data).toEqual({ code: 'CASE_NOT_FOUND', message: expect.any(String) });
  });

  it('answers CASE_NOT_FOUND to a query-code socket subscribing to another case with a wrong query code, and sends it nothing of that case', async () => {
    const mine = await api.file(buildCase());
    const other = await api.file(buildCase());
    const inbox = new Inbox(track(await connect(srv.url, { caseNo: mine.caseNo, queryCode: mine.queryCode })));

    const wrong = other.queryCode === 'AAAAAAAA' ? 'BBBBBBBB' : 'AAAAAAAA';
    expect(await subscribe(inbox.socket, { caseNo: other.caseNo, queryCode: wrong, sinceSeq: 0 })).toEqual({
      ok: false,
      error: { code: 'CASE_NOT_FOUND', message: expect.any(String) },
    });
    // Without any query code for the other case, the same.
    expect(await subscribe(inbox.socket, { caseNo: other.caseNo, sinceSeq: 0 })).toMatchObject({ ok: false, error: { code: 'CASE_NOT_FOUND' } });

    // Its own case it may follow; the other case moving sends it nothing.
    expect(await subscribe(inbox.socket, { caseNo: mine.caseNo, sinceSeq: 0 })).toMatchObject({ ok: true, replayed: 1 });
    expect((await api.act('clerk.village', other.caseNo, { type: 'ACCEPT' })).status).toBe(200);
    expect((await api.act('clerk.village', mine.caseNo, { type: 'ACCEPT' })).status).toBe(200);
    await inbox.untilSeq(mine.caseNo, 2);
    expect(inbox.updatesOf(other.caseNo)).toEqual([]);
    expect(inbox.caseUpdates.map((e) => [e.caseNo, e.seq])).toEqual([
      [mine.caseNo, 1],
      [mine.caseNo, 2],
    ]);

    // With the other case's right query code it may follow that one too.
    expect(await subscribe(inbox.socket, { caseNo: other.caseNo, queryCode: other.queryCode, sinceSeq: 0 })).toEqual({
      ok: true,
      caseNo: other.caseNo,
      lastSeq: 2,
      replayed: 2,
    });
  });
});

describe('guessing query codes over sockets', () => {
  let srv: TestServer;
  let api: Api;
  const sockets: ClientSocket[] = [];
  const track = (s: ClientSocket) => {
    sockets.push(s);
    return s;
  };
  beforeAll(async () => {
    srv = await startLiveServer('ratelimit', { env: { QUERY_CODE_MAX_FAILURES: '3' } });
    api = new Api(srv.url);
  });
  afterEach(() => closeAll(sockets));
  afterAll(() => srv.close());

  it('is refused with RATE_LIMITED after QUERY_CODE_MAX_FAILURES wrong codes, even for the right code then', async () => {
    const filed = await api.file(buildCase());
    const wrong = filed.queryCode === 'AAAAAAAA' ? 'BBBBBBBB' : 'AAAAAAAA';
    const codes: string[] = [];
    for (let i = 0; i < 3; i++) {
      const err = await refused(track(openSocket(srv.url, { caseNo: filed.caseNo, queryCode: wrong })));
      codes.push(err.data!.code);
    }
    expect(codes).toEqual(['CASE_NOT_FOUND', 'CASE_NOT_FOUND', 'CASE_NOT_FOUND']);

    const fourth = await refused(track(openSocket(srv.url, { caseNo: filed.caseNo, queryCode: wrong })));
    expect(fourth.data).toEqual({ code: 'RATE_LIMITED', message: expect.any(String) });
    const right = await refused(track(openSocket(srv.url, { caseNo: filed.caseNo, queryCode: filed.queryCode })));
    expect(right.data).toMatchObject({ code: 'RATE_LIMITED' });

    // Staff tokens are not query-code guesses: they still get in.
    const staff = track(await connect(srv.url, { token: await api.token('clerk.village') }));
    expect(staff.connected).toBe(true);
  });
});
