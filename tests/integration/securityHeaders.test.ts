import { io } from 'socket.io-client';
import { loadConfig } from '../../server/config';
import { useTestServer } from '../helpers/testServer';

/*
 * Security headers (helmet) on the API and the web app alike, and the CORS
 * policy: same origin only unless CORS_ORIGINS names another, for HTTP and
 * for Socket.IO handshakes. The CSP itself is proved against the real web
 * app by the browser tests, which fail on any violation.
 */

const FOREIGN = 'https://evil.example.com';
const PORTAL = 'https://portal.example.gov.cn';

async function get(url: string, headers: Record<string, string> = {}, method = 'GET') {
  const res = await fetch(url, { method, headers });
  await res.arrayBuffer();
  return res;
}

function expectSecurityHeaders(h: Headers) {
  const csp = h.get('content-security-policy') ?? '';
  const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
  expect(directives['default-src']).toEqual(["'self'"]);
  expect(directives['script-src']).toEqual(["'self'"]);
  expect(directives['object-src']).toEqual(["'none'"]);
  expect(directives['frame-ancestors']).toEqual(["'none'"]);
  expect(directives['base-uri']).toEqual(["'self'"]);
  expect(directives['connect-src']).toEqual(expect.arrayContaining(["'self'", expect.stringMatching(/^ws:\/\/127\.0\.0\.1:\d+$/), expect.stringMatching(/^wss:\/\//)]));
  expect(h.get('x-content-type-options')).toBe('nosniff');
  expect(h.get('x-frame-options')).toBe('DENY');
  expect(h.get('referrer-policy')).toBe('no-referrer');
  expect(h.get('x-powered-by')).toBeNull();
}

/** The Engine.IO handshake a browser's Socket.IO client starts with (long-polling). */
const handshake = (base: string, headers: Record<string, string>) => get(`${base}/socket.io/?EIO=4&transport=polling`, headers);

describe('security headers', () => {
  const api = useTestServer();

  it.each([['/api/items'], ['/api/openapi.json'], ['/health'], ['/api/no-such-route'], ['/api/cases/%E0%A4%A']])('are on the API answer to %s', async (path) => {
    expectSecurityHeaders((await get(`${api.baseUrl}${path}`)).headers);
  });

  it('are on the web app’s pages and assets', async () => {
    const page = await get(`${api.baseUrl}/`, { accept: 'text/html' });
    expectSecurityHeaders(page.headers);
    expectSecurityHeaders((await get(`${api.baseUrl}/track/20261127-000001`, { accept: 'text/html' })).headers);
    expectSecurityHeaders((await get(`${api.baseUrl}/assets/no-such-file.js`)).headers);
  });

  it('keep a forged Host header out of the policy', async () => {
    const http = await import('node:http');
    const { hostname, port } = new URL(api.baseUrl);
    const csp = await new Promise<string>((resolve, reject) => {
      const req = http.request({ hostname, port, path: '/api/items', headers: { host: "x.test; script-src 'unsafe-inline'" }, agent: false }, (res) => {
        res.resume();
        resolve(String(res.headers['content-security-policy']));
      });
      req.on('error', reject);
      req.end();
    });
    expect(csp).toMatch(/script-src 'self';/);
    expect(csp).not.toContain('x.test');
  });
});

describe('CORS by default: same origin only', () => {
  const api = useTestServer();

  it('gives a foreign origin no Access-Control-Allow-Origin, on answers and on preflights', async () => {
    const res = await get(`${api.baseUrl}/api/items`, { origin: FOREIGN });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const pre = await get(`${api.baseUrl}/api/cases`, { origin: FOREIGN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' }, 'OPTIONS');
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();
    expect(pre.headers.get('access-control-allow-methods')).toBeNull();
    expect(pre.headers.get('access-control-allow-headers')).toBeNull();
  });

  it('refuses a Socket.IO handshake from a foreign page, takes one from its own origin or a non-browser client', async () => {
    const host = new URL(api.baseUrl).host;
    expect((await handshake(api.baseUrl, { origin: FOREIGN })).status).toBe(403);
    expect((await handshake(api.baseUrl, { origin: `http://${host}` })).status).toBe(200);
    expect((await handshake(api.baseUrl, {})).status).toBe(200);
    // Over WebSocket too, where CORS does not apply: a real client that says it is a foreign page.
    const socket = io(api.baseUrl, { transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: { origin: FOREIGN }, auth: { token: await api.token('supervisor.city') } });
    const outcome = await new Promise<string>((resolve) => {
      socket.on('connect', () => resolve('connected'));
      socket.on('connect_error', () => resolve('refused'));
    });
    socket.close();
    expect(outcome).toBe('refused');
  });
});

describe('CORS with CORS_ORIGINS', () => {
  const api = useTestServer({ env: { CORS_ORIGINS: `${PORTAL}, https://other.example.gov.cn` } });

  it('allows a configured origin, on answers and on preflights, and still nobody else', async () => {
    const res = await get(`${api.baseUrl}/api/items`, { origin: PORTAL });
    expect(res.headers.get('access-control-allow-origin')).toBe(PORTAL);
    expect(res.headers.get('vary')).toMatch(/Origin/);
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    const pre = await get(`${api.baseUrl}/api/cases/20261127-000001/actions`, { origin: PORTAL, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, x-query-code' }, 'OPTIONS');
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe(PORTAL);
    expect(pre.headers.get('access-control-allow-methods')).toMatch(/POST/);
    expect(pre.headers.get('access-control-allow-headers')?.toLowerCase()).toEqual(expect.stringContaining('x-query-code'));
    expect(pre.headers.get('access-control-allow-headers')?.toLowerCase()).toEqual(expect.stringContaining('authorization'));
    expect((await get(`${api.baseUrl}/api/items`, { origin: FOREIGN })).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('lets the configured origin’s pages open sockets, and not a foreign one', async () => {
    const ok = await handshake(api.baseUrl, { origin: PORTAL });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('access-control-allow-origin')).toBe(PORTAL);
    expect((await handshake(api.baseUrl, { origin: FOREIGN })).status).toBe(403);
  });
});

describe('CORS_ORIGINS configuration', () => {
  it('takes a comma list of origins and refuses anything with a path, a trailing slash or no scheme, naming the variable', () => {
    expect(loadConfig({ CORS_ORIGINS: ` ${PORTAL} ,http://127.0.0.1:5173` }).CORS_ORIGINS).toEqual([PORTAL, 'http://127.0.0.1:5173']);
    expect(loadConfig({}).CORS_ORIGINS).toEqual([]);
    for (const bad of [`${PORTAL}/`, `${PORTAL}/app`, 'portal.example.gov.cn', '*']) expect(() => loadConfig({ CORS_ORIGINS: bad })).toThrow(/CORS_ORIGINS/);
  });
});
