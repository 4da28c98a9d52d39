import { io } from 'socket.io-client';
import { DEMO_PASSWORD } from '../../db/seed/users';
import type { HandshakeAuth } from '../../workflows/socketContract';
import { Api, buildCase } from '../helpers/api';
import { cleanupServers, sharedDbUrl, spawnServer, type ServerProcess } from '../helpers/serverProcess';
import { closeAll, connect, refused, startLiveServer, subscribe, type ClientSocket } from '../helpers/sockets';
import type { TestServer } from '../helpers/testServer';

/*
 * One guess budget per client address for query codes, whichever way the
 * guesses come (REST's X-Query-Code, the socket handshake, case:subscribe)
 * and whichever server process takes them: the counts live in the database,
 * or in Redis when REDIS_URL is set.
 */

jest.setTimeout(120_000);

const REDIS: Record<string, string> = process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {};
const sockets: ClientSocket[] = [];

/** A socket as a browser behind a proxy would open it: with headers on the upgrade request. */
function openWith(url: string, auth: HandshakeAuth, headers: Record<string, string> = {}): ClientSocket {
  const s: ClientSocket = io(url, { auth, transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: headers });
  sockets.push(s);
  return s;
}

const lookup = (url: string, caseNo: string, code: string, headers: Record<string, string> = {}) =>
  new Api(url).request('GET', `/api/cases/${caseNo}`, { headers: { 'x-query-code': code, ...headers } });

const wrongOf = (code: string) => (code === 'AAAA2222' ? 'BBBB3333' : 'AAAA2222');

afterEach(() => closeAll(sockets));

describe('REST and sockets spend one budget', () => {
  let srv: TestServer;
  let api: Api;
  beforeAll(async () => {
    srv = await startLiveServer('guessbudget', { env: { QUERY_CODE_MAX_FAILURES: '4', ...REDIS } });
    api = new Api(srv.url);
  });
  afterAll(() => srv.close());

  it('refuses on both paths once REST, handshake and subscribe guesses together reach the limit', async () => {
    const filed = await api.file(buildCase());
    const wrong = wrongOf(filed.queryCode);
    // A right code on either path spends nothing.
    for (let i = 0; i < 3; i++) expect((await lookup(srv.url, filed.caseNo, filed.queryCode)).status).toBe(200);
    const applicant = await connect(srv.url, { caseNo: filed.caseNo, queryCode: filed.queryCode });
    sockets.push(applicant);

    expect((await lookup(srv.url, filed.caseNo, wrong)).body.error.code).toBe('CASE_NOT_FOUND');
    expect((await lookup(srv.url, '20000101-999994', filed.queryCode)).body.error.code).toBe('CASE_NOT_FOUND');
    expect((await refused(openWith(srv.url, { caseNo: filed.caseNo, queryCode: wrong }))).data).toEqual({ code: 'CASE_NOT_FOUND', message: expect.any(String) });
    const other = await api.file(buildCase());
    expect(await subscribe(applicant, { caseNo: other.caseNo, queryCode: wrong, sinceSeq: 0 })).toMatchObject({ ok: false, error: { code: 'CASE_NOT_FOUND' } });

    // Four wrong guesses, two each way: the fifth attempt is refused on every path, right code or not.
    expect((await lookup(srv.url, filed.caseNo, filed.queryCode)).body.error.code).toBe('RATE_LIMITED');
    expect((await refused(openWith(srv.url, { caseNo: filed.caseNo, queryCode: filed.queryCode }))).data).toEqual({ code: 'RATE_LIMITED', message: expect.any(String) });
    expect(await subscribe(applicant, { caseNo: other.caseNo, queryCode: other.queryCode, sinceSeq: 0 })).toEqual({ ok: false, error: { code: 'RATE_LIMITED', message: expect.any(String) } });
    // The socket already in follows its own case on, and staff tokens are no guesses.
    expect(await subscribe(applicant, { caseNo: filed.caseNo, sinceSeq: 0 })).toMatchObject({ ok: true, caseNo: filed.caseNo });
    const staff = await connect(srv.url, { token: await api.token('clerk.village') });
    sockets.push(staff);
    expect(staff.connected).toBe(true);
  });
});

describe('a socket’s address follows TRUST_PROXY, as HTTP’s does', () => {
  it('ignores X-Forwarded-For on the handshake by default', async () => {
    const srv = await startLiveServer('guessxff', { env: { QUERY_CODE_MAX_FAILURES: '2' } });
    try {
      const filed = await new Api(srv.url).file(buildCase());
      const wrong = wrongOf(filed.queryCode);
      for (const xff of ['203.0.113.1', '203.0.113.2']) {
        expect((await refused(openWith(srv.url, { caseNo: filed.caseNo, queryCode: wrong }, { 'x-forwarded-for': xff }))).data?.code).toBe('CASE_NOT_FOUND');
      }
      expect((await refused(openWith(srv.url, { caseNo: filed.caseNo, queryCode: wrong }, { 'x-forwarded-for': '203.0.113.3' }))).data?.code).toBe('RATE_LIMITED');
    } finally {
      await srv.close();
    }
  });

  it('with TRUST_PROXY=loopback counts the client the proxy names, shared with HTTP from that client', async () => {
    const srv = await startLiveServer('guesstrust', { env: { QUERY_CODE_MAX_FAILURES: '2', TRUST_PROXY: 'loopback' } });
    try {
      const filed = await new Api(srv.url).file(buildCase());
      const wrong = wrongOf(filed.queryCode);
      const one = { 'x-forwarded-for': '203.0.113.1' };
      expect((await refused(openWith(srv.url, { caseNo: filed.caseNo, queryCode: wrong }, one))).data?.code).toBe('CASE_NOT_FOUND');
      expect((await lookup(srv.url, filed.caseNo, wrong, one)).body.error.code).toBe('CASE_NOT_FOUND');
      expect((await refused(openWith(srv.url, { caseNo: filed.caseNo, queryCode: filed.queryCode }, one))).data?.code).toBe('RATE_LIMITED');
      expect((await lookup(srv.url, filed.caseNo, filed.queryCode, one)).body.error.code).toBe('RATE_LIMITED');
      // Another client behind the same proxy is let in.
      const two = openWith(srv.url, { caseNo: filed.caseNo, queryCode: filed.queryCode }, { 'x-forwarded-for': '203.0.113.2' });
      await new Promise<void>((resolve, reject) => {
        two.once('connect', () => resolve());
        two.once('connect_error', reject);
      });
      expect(two.connected).toBe(true);
    } finally {
      await srv.close();
    }
  });
});

describe('two server processes spend one budget', () => {
  afterAll(() => cleanupServers());

  it(`shares wrong query codes and log-in failures between processes (${process.env.REDIS_URL ? 'Redis' : 'database'} store)`, async () => {
    const dbUrl = await sharedDbUrl();
    const env = { QUERY_CODE_MAX_FAILURES: '4', LOGIN_MAX_FAILURES: '2', PUBLISHER: 'off', SCHEDULER: 'off', ...REDIS };
    const [a, b] = (await Promise.all([spawnServer({ dbUrl, env }), spawnServer({ dbUrl, env })])) as [ServerProcess, ServerProcess];
    expect(a.pid).not.toBe(b.pid);
    const filed = await new Api(a.url).file(buildCase());
    const wrong = wrongOf(filed.queryCode);

    // Two wrong codes over REST on A, two over sockets on B: each process alone is under its limit of 4.
    for (let i = 0; i < 2; i++) expect((await lookup(a.url, filed.caseNo, wrong)).body.error.code).toBe('CASE_NOT_FOUND');
    for (let i = 0; i < 2; i++) {
      expect((await refused(openWith(b.url, { caseNo: filed.caseNo, queryCode: wrong }))).data?.code).toBe('CASE_NOT_FOUND');
    }
    expect((await lookup(a.url, filed.caseNo, filed.queryCode)).body.error.code).toBe('RATE_LIMITED');
    expect((await lookup(b.url, filed.caseNo, filed.queryCode)).body.error.code).toBe('RATE_LIMITED');
    expect((await refused(openWith(a.url, { caseNo: filed.caseNo, queryCode: filed.queryCode }))).data?.code).toBe('RATE_LIMITED');

    // One failed log-in on each process locks the account on both.
    const login = (url: string, password: string) => new Api(url).request('POST', '/api/auth/login', { body: { username: 'clerk.town', password } });
    expect((await login(a.url, 'wrong-password')).status).toBe(401);
    expect((await login(b.url, 'wrong-password')).status).toBe(401);
    expect((await login(a.url, DEMO_PASSWORD)).body.error.code).toBe('RATE_LIMITED');
    expect((await login(b.url, DEMO_PASSWORD)).body.error.code).toBe('RATE_LIMITED');
  });
});
