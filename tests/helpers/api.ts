import { DEMO, DEMO_PASSWORD } from '../../db/seed/users';
import { idNumberCheckChar, USCC_CHARSET, usccCheckChar } from '../../workflows/identity';

export interface ApiResponse<T = any> {
  status: number;
  body: T;
}

/**
 * One fetch, sent again once when the server had already closed the idle
 * keep-alive connection it went out on: the server timed that socket out
 * before reading a byte of the request (a busy test process runs overdue
 * timers late), which a browser also answers by sending the request again.
 */
async function fetchOnce(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (err) {
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    if (cause?.code !== 'UND_ERR_SOCKET' || cause.message !== 'other side closed') throw err;
    return fetch(url, init);
  }
}

/** A thin real-HTTP client: every call goes over the socket to the test server. */
export class Api {
  private tokens = new Map<string, string>();
  /** Settable, so a describe block can hold its Api before its server has a port (useTestServer). */
  constructor(public baseUrl: string) {}

  async request<T = any>(method: string, path: string, opts: { body?: unknown; token?: string; headers?: Record<string, string>; raw?: string } = {}): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    let body: string | undefined;
    if (opts.raw !== undefined) body = opts.raw;
    else if (opts.body !== undefined) {
      body = JSON.stringify(opts.body);
      headers['content-type'] ??= 'application/json';
    }
    const res = await fetchOnce(`${this.baseUrl}${path}`, { method, headers, body });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // leave as text: some tests check non-JSON answers
    }
    return { status: res.status, body: parsed as T };
  }

  /** Logs a demo user in once and remembers the token. */
  async token(username: string): Promise<string> {
    const cached = this.tokens.get(username);
    if (cached) return cached;
    const res = await this.request('POST', '/api/auth/login', { body: { username, password: DEMO_PASSWORD } });
    if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
    this.tokens.set(username, res.body.token);
    return res.body.token;
  }

  async as<T = any>(username: string, method: string, path: string, body?: unknown): Promise<ApiResponse<T>> {
    return this.request<T>(method, path, { body, token: await this.token(username) });
  }

  act<T = any>(username: string, caseNo: string, action: Record<string, unknown>): Promise<ApiResponse<T>> {
    return this.as<T>(username, 'POST', `/api/cases/${caseNo}/actions`, action);
  }

  /** Files a case as an applicant online (no account) and returns the 201 body. */
  async file(body: Record<string, unknown>, username?: string): Promise<any> {
    const res = username ? await this.as(username, 'POST', '/api/cases', body) : await this.request('POST', '/api/cases', { body });
    if (res.status !== 201) throw new Error(`filing failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }
}

let idCounter = 0;
// Where this process starts counting birth days, so parallel workers rarely meet.
const dayBase = Date.now() % 20000;

/** A valid 18-character resident ID (real birth date, GB 11643 check character), different on every call. */
export function fakeIdNumber(): string {
  idCounter++;
  const birth = new Date(Date.UTC(1960, 0, 1) + ((dayBase + idCounter) % 20000) * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
  const body = `330302${birth}${String((idCounter * 37) % 1000).padStart(3, '0')}`;
  return body + idNumberCheckChar(body);
}

/** A valid unified social credit code (GB 32100 check character) of a Lucheng company, different on every call. */
export function fakeUscc(): string {
  idCounter++;
  const n = (dayBase * 7919 + idCounter * 104729) % 31 ** 6;
  const tail = Array.from({ length: 6 }, (_, i) => USCC_CHARSET[Math.floor(n / 31 ** i) % 31]).join('');
  const body = `91330302MA${tail}0`;
  return body + usccCheckChar(body)!;
}

/** A filing body for the demo linked item at the demo village; override any part. */
export function buildCase(overrides: Record<string, unknown> = {}) {
  return {
    itemCode: DEMO.cityItemCode,
    centreCode: DEMO.villageCode,
    applicant: { name: '张小明', idNumber: fakeIdNumber(), phone: '13812345678' },
    materials: ['申请书', '营业执照'],
    delivery: { mode: 'pickup' },
    ...overrides,
  };
}

export { DEMO };
