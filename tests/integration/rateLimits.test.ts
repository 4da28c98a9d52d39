import { DEMO_PASSWORD } from '../../db/seed/users';
import { Api, buildCase } from '../helpers/api';
import { startTestServer, type TestServer } from '../helpers/testServer';

/*
 * Rate limits that punish the right people: log-in failures per account (a
 * whole centre behind one address is not locked out by one person), only
 * wrong query codes count, the client address is what TRUST_PROXY says, and
 * the public's filings and actions are throttled per address while staff are
 * not. Every refusal is 429 RATE_LIMITED with Retry-After. Small limits come
 * from each test server's environment.
 */

interface Answer {
  status: number;
  retryAfter: string | null;
  body: any;
}

async function call(url: string, method: string, path: string, opts: { body?: unknown; headers?: Record<string, string>; token?: string } = {}): Promise<Answer> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  const res = await fetch(`${url}${path}`, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) });
  const text = await res.text();
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: text ? JSON.parse(text) : undefined };
}

/** 429 RATE_LIMITED in the error shape, with Retry-After (whole seconds, within the window) equal to details.retryAfterSeconds. */
function expectLimited(a: Answer, windowSeconds: number): void {
  expect({ status: a.status, code: a.body?.error?.code }).toEqual({ status: 429, code: 'RATE_LIMITED' });
  expect(Object.keys(a.body)).toEqual(['error']);
  expect(typeof a.body.error.message).toBe('string');
  expect(a.retryAfter).toMatch(/^\d+$/);
  const seconds = Number(a.retryAfter);
  expect(seconds).toBeGreaterThan(0);
  expect(seconds).toBeLessThanOrEqual(windowSeconds);
  expect(a.body.error.details).toEqual({ retryAfterSeconds: seconds });
}

function expectCode(a: Answer, status: number, code: string): void {
  expect({ status: a.status, code: a.body?.error?.code }).toEqual({ status, code });
  expect(a.retryAfter).toBeNull();
}

/** A real server for one describe block, with these limits. */
function serverWith(env: Record<string, string>): { url: () => string; api: Api } {
  let srv: TestServer | undefined;
  const api = new Api('');
  beforeAll(async () => {
    srv = await startTestServer({ env });
    api.baseUrl = srv.url;
  });
  afterAll(() => srv?.close());
  return { url: () => srv!.url, api };
}

const login = (url: string, username: string, password: string, headers?: Record<string, string>) =>
  call(url, 'POST', '/api/auth/login', { body: { username, password }, headers });

describe('log-in failures are limited per account, with a far larger budget per address', () => {
  const s = serverWith({ LOGIN_MAX_FAILURES: '3', LOGIN_MAX_FAILURES_PER_ADDRESS: '8', LOGIN_WINDOW_MINUTES: '15' });

  it('locks only the account guessed at: another account behind the same address still logs in', async () => {
    for (let i = 0; i < 3; i++) expectCode(await login(s.url(), 'clerk.village', 'wrong-password'), 401, 'INVALID_CREDENTIALS');
    // The right password now waits too, and is told how long.
    expectLimited(await login(s.url(), 'clerk.village', DEMO_PASSWORD), 15 * 60);
    // Spelt differently, it is the same account.
    expectLimited(await login(s.url(), ' CLERK.Village', DEMO_PASSWORD), 15 * 60);
    // A colleague at the same centre (same address) is not locked out.
    const colleague = await login(s.url(), 'clerk.town', DEMO_PASSWORD);
    expect(colleague.status).toBe(200);
    expect(colleague.body.user.username).toBe('clerk.town');
  });

  it('starts an account over after a successful log-in', async () => {
    // 2 + 2 failures with a success between: never 3 in a row, never locked.
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 2; i++) expectCode(await login(s.url(), 'reviewer.county', 'wrong-password'), 401, 'INVALID_CREDENTIALS');
      expect((await login(s.url(), 'reviewer.county', DEMO_PASSWORD)).status).toBe(200);
    }
  });

  it('refuses every account from an address that used up its own budget', async () => {
    // The address has 3 + 4 failures so far (the two tests above); its budget is 8, which the first of these fills.
    expectCode(await login(s.url(), 'nobody.1', 'x'), 401, 'INVALID_CREDENTIALS');
    expectLimited(await login(s.url(), 'nobody.2', 'x'), 15 * 60);
    expectLimited(await login(s.url(), 'supervisor.city', DEMO_PASSWORD), 15 * 60);
  });
});

describe('only wrong query codes count', () => {
  const s = serverWith({ QUERY_CODE_MAX_FAILURES: '3', QUERY_CODE_WINDOW_MINUTES: '15' });
  const byCode = (caseNo: string, code: string) => call(s.url(), 'GET', `/api/cases/${caseNo}`, { headers: { 'x-query-code': code } });

  it('gives an applicant with the right code their case after ten 409s, then limits wrong codes with Retry-After', async () => {
    const filed = await s.api.file(buildCase());
    const headers = { 'x-query-code': filed.queryCode };
    for (let i = 0; i < 10; i++) {
      const res = await call(s.url(), 'POST', `/api/cases/${filed.caseNo}/actions`, { headers, body: { type: 'WITHDRAW', expectedVersion: 99 } });
      expectCode(res, 409, 'VERSION_CONFLICT');
    }
    // Nor do other errors without a code count: no code at all, a malformed case number.
    for (let i = 0; i < 5; i++) expectCode(await call(s.url(), 'GET', `/api/cases/${filed.caseNo}`), 401, 'UNAUTHENTICATED');
    const mine = await byCode(filed.caseNo, filed.queryCode);
    expect(mine.status).toBe(200);
    expect(mine.body.caseNo).toBe(filed.caseNo);

    const wrong = filed.queryCode === 'AAAA2222' ? 'BBBB3333' : 'AAAA2222';
    for (const caseNo of [filed.caseNo, filed.caseNo, '20000101-999995']) expectCode(await byCode(caseNo, wrong), 404, 'CASE_NOT_FOUND');
    expectLimited(await byCode(filed.caseNo, wrong), 15 * 60);
    // Now even the right code waits out the window, on every X-Query-Code route.
    expectLimited(await byCode(filed.caseNo, filed.queryCode), 15 * 60);
    expectLimited(await call(s.url(), 'GET', `/api/cases/${filed.caseNo}/events`, { headers }), 15 * 60);
    expectLimited(await call(s.url(), 'POST', `/api/cases/${filed.caseNo}/actions`, { headers, body: { type: 'WITHDRAW' } }), 15 * 60);
    // Staff never present a code and are never limited by it.
    expect((await s.api.as('clerk.village', 'GET', `/api/cases/${filed.caseNo}`)).status).toBe(200);
  });
});

describe('many applicants behind one address follow their cases at once', () => {
  const s = serverWith({ QUERY_CODE_MAX_FAILURES: '3', QUERY_CODE_WINDOW_MINUTES: '15' });

  it('answers every right code, however many arrive together, and still limits wrong ones', async () => {
    const filed = await Promise.all(Array.from({ length: 4 }, () => s.api.file(buildCase())));
    // Twenty lookups in flight together, far more than the budget of three: right codes never spend it.
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => filed[i % filed.length]!).map((f) => call(s.url(), 'GET', `/api/cases/${f.caseNo}`, { headers: { 'x-query-code': f.queryCode } })),
    );
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
    const wrong = (f: { caseNo: string; queryCode: string }) => (f.queryCode === 'AAAA2222' ? 'BBBB3333' : 'AAAA2222');
    for (let i = 0; i < 3; i++) expectCode(await call(s.url(), 'GET', `/api/cases/${filed[0]!.caseNo}`, { headers: { 'x-query-code': wrong(filed[0]!) } }), 404, 'CASE_NOT_FOUND');
    expectLimited(await call(s.url(), 'GET', `/api/cases/${filed[1]!.caseNo}`, { headers: { 'x-query-code': filed[1]!.queryCode } }), 15 * 60);
  });
});

describe('the client address: X-Forwarded-For is ignored unless TRUST_PROXY names the proxy', () => {
  const wrongFrom = (url: string, caseNo: string, xff?: string) =>
    call(url, 'GET', `/api/cases/${caseNo}`, { headers: { 'x-query-code': 'ZZZZ9999', ...(xff ? { 'x-forwarded-for': xff } : {}) } });

  describe('by default', () => {
    const s = serverWith({ QUERY_CODE_MAX_FAILURES: '2' });

    it('counts a loopback caller under its own address, whatever X-Forwarded-For it sends', async () => {
      const filed = await s.api.file(buildCase());
      expectCode(await wrongFrom(s.url(), filed.caseNo, '203.0.113.1'), 404, 'CASE_NOT_FOUND');
      expectCode(await wrongFrom(s.url(), filed.caseNo, '203.0.113.2'), 404, 'CASE_NOT_FOUND');
      // A third invented address buys no fresh budget.
      expectLimited(await wrongFrom(s.url(), filed.caseNo, '203.0.113.3'), 15 * 60);
      expectLimited(await wrongFrom(s.url(), filed.caseNo), 15 * 60);
    });
  });

  describe('with TRUST_PROXY=loopback (a proxy on this host)', () => {
    const s = serverWith({ QUERY_CODE_MAX_FAILURES: '2', TRUST_PROXY: 'loopback' });

    it('counts each client the proxy names apart, and a forged entry before the proxy’s changes nothing', async () => {
      const filed = await s.api.file(buildCase());
      for (let i = 0; i < 2; i++) expectCode(await wrongFrom(s.url(), filed.caseNo, '203.0.113.1'), 404, 'CASE_NOT_FOUND');
      expectLimited(await wrongFrom(s.url(), filed.caseNo, '203.0.113.1'), 15 * 60);
      // The client names an address itself; the proxy appends the real one, which is what counts.
      expectLimited(await wrongFrom(s.url(), filed.caseNo, '198.51.100.7, 203.0.113.1'), 15 * 60);
      // Another client behind the proxy has a budget of its own.
      expectCode(await wrongFrom(s.url(), filed.caseNo, '203.0.113.2'), 404, 'CASE_NOT_FOUND');
      const right = await call(s.url(), 'GET', `/api/cases/${filed.caseNo}`, { headers: { 'x-query-code': filed.queryCode, 'x-forwarded-for': '203.0.113.2' } });
      expect(right.status).toBe(200);
    });

    it('keys IPv6 clients by their /64, so rotating addresses within it buys nothing', async () => {
      const filed = await s.api.file(buildCase());
      expectCode(await wrongFrom(s.url(), filed.caseNo, '2001:db8:1:2::a'), 404, 'CASE_NOT_FOUND');
      expectCode(await wrongFrom(s.url(), filed.caseNo, '2001:db8:1:2:ffff::b'), 404, 'CASE_NOT_FOUND');
      expectLimited(await wrongFrom(s.url(), filed.caseNo, '2001:0db8:0001:0002:1234:5678:9abc:def0'), 15 * 60);
      expectCode(await wrongFrom(s.url(), filed.caseNo, '2001:db8:1:3::a'), 404, 'CASE_NOT_FOUND');
    });
  });
});

describe('the public’s filings and actions are throttled per address; staff are not', () => {
  const s = serverWith({ FILING_LIMIT: '3', FILING_WINDOW_MINUTES: '60', APPLICANT_ACTION_LIMIT: '3', APPLICANT_ACTION_WINDOW_MINUTES: '10' });

  it('answers the filing after the budget with 429 and Retry-After, and lets a logged-in clerk file on', async () => {
    const casesBefore = Number((await s.api.as('supervisor.city', 'GET', '/api/cases?pageSize=1')).body.total);
    for (let i = 0; i < 3; i++) expect((await call(s.url(), 'POST', '/api/cases', { body: buildCase() })).status).toBe(201);
    const fourth = await call(s.url(), 'POST', '/api/cases', { body: buildCase() });
    expectLimited(fourth, 60 * 60);
    expect(Number((await s.api.as('supervisor.city', 'GET', '/api/cases?pageSize=1')).body.total)).toBe(casesBefore + 3);
    // A clerk filing at the counter for one applicant after another, from the same address.
    const token = await s.api.token('clerk.village');
    for (let i = 0; i < 5; i++) expect((await call(s.url(), 'POST', '/api/cases', { body: buildCase(), token })).status).toBe(201);
  });

  it('answers anonymous actions after the budget with 429, whatever their outcome, and not the clerk’s', async () => {
    const filed = await s.api.file(buildCase(), 'clerk.village');
    const headers = { 'x-query-code': filed.queryCode };
    for (let i = 0; i < 3; i++) {
      expectCode(await call(s.url(), 'POST', `/api/cases/${filed.caseNo}/actions`, { headers, body: { type: 'WITHDRAW', expectedVersion: 99 } }), 409, 'VERSION_CONFLICT');
    }
    expectLimited(await call(s.url(), 'POST', `/api/cases/${filed.caseNo}/actions`, { headers, body: { type: 'WITHDRAW' } }), 10 * 60);
    // Reading the case is not an action: the applicant still follows it.
    expect((await call(s.url(), 'GET', `/api/cases/${filed.caseNo}`, { headers })).status).toBe(200);
    expect((await s.api.act('clerk.village', filed.caseNo, { type: 'ACCEPT' })).status).toBe(200);
  });
});
