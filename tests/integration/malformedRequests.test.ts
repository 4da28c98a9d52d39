import http from 'node:http';
import zlib from 'node:zlib';
import { Api, buildCase } from '../helpers/api';
import { useTestServer } from '../helpers/testServer';

/*
 * Requests that break before our code runs: a path that does not
 * percent-decode, bodies that do not decompress or are not UTF-8, bodies cut
 * short. Each answers a 4xx with the error shape and a stable code (README),
 * never 500. And an upload is refused before its body is read.
 */

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: any;
}

/** One request over a plain socket, exactly as given (no client-side encoding or checks). */
function raw(baseUrl: string, method: string, path: string, headers: Record<string, string | number>, body?: Buffer | string): Promise<RawResponse> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = http.request({ hostname, port, method, path, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed: unknown = text;
        try {
          parsed = JSON.parse(text);
        } catch {
          // not JSON: the assertion on the shape says so
        }
        resolve({ status: res.statusCode!, headers: res.headers, body: parsed });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

function expectError(res: { status: number; body: any }, status: number, code: string) {
  expect({ status: res.status, code: res.body?.error?.code }).toEqual({ status, code });
  expect(typeof res.body.error.message).toBe('string');
  expect(Object.keys(res.body)).toEqual(['error']);
}

const json = { 'content-type': 'application/json' };
const garbage = Buffer.from('this is not compressed at all, just bytes pretending');

describe('malformed requests answer 4xx with a stable code, never 500', () => {
  const api = useTestServer();

  it('answers a path that does not percent-decode with 400 MALFORMED_URL', async () => {
    for (const path of ['/api/cases/%E0%A4%A', '/api/items/%FF', '/api/users/%C3%28', '/api/cases/20261127-000001/events%']) {
      const res = await raw(api.baseUrl, 'GET', path, {});
      expect(res.status).toBeLessThan(500);
      if (res.status !== 404) expectError(res, 400, 'MALFORMED_URL');
    }
    expectError(await raw(api.baseUrl, 'GET', '/api/cases/%E0%A4%A', {}), 400, 'MALFORMED_URL');
    expectError(await raw(api.baseUrl, 'POST', '/api/cases/%E0%A4%A/actions', json, '{"type":"ACCEPT"}'), 400, 'MALFORMED_URL');
    // A page path of the web app too: the SPA fallback decodes its wildcard.
    const page = await raw(api.baseUrl, 'GET', '/track/%E0%A4%A', { accept: 'text/html' });
    expectError(page, 400, 'MALFORMED_URL');
  });

  it('answers a gzip, deflate or brotli body that does not decode with 400 MALFORMED_BODY', async () => {
    for (const encoding of ['gzip', 'deflate', 'br']) {
      const res = await raw(api.baseUrl, 'POST', '/api/cases', { ...json, 'content-encoding': encoding }, garbage);
      expectError(res, 400, 'MALFORMED_BODY');
    }
    // A gzip stream cut in the middle.
    const cut = zlib.gzipSync(JSON.stringify(buildCase())).subarray(0, 30);
    expectError(await raw(api.baseUrl, 'POST', '/api/cases', { ...json, 'content-encoding': 'gzip' }, cut), 400, 'MALFORMED_BODY');
  });

  it('still takes a well-compressed body', async () => {
    const body = zlib.gzipSync(JSON.stringify(buildCase()));
    const res = await raw(api.baseUrl, 'POST', '/api/cases', { ...json, 'content-encoding': 'gzip' }, body);
    expect(res.status).toBe(201);
  });

  it('answers an unknown content-encoding and a non-UTF charset with 415 UNSUPPORTED_ENCODING', async () => {
    expectError(await raw(api.baseUrl, 'POST', '/api/cases', { ...json, 'content-encoding': 'x-rot13' }, '{}'), 415, 'UNSUPPORTED_ENCODING');
    expectError(await raw(api.baseUrl, 'POST', '/api/cases', { 'content-type': 'application/json; charset=latin1' }, '{}'), 415, 'UNSUPPORTED_ENCODING');
  });

  it('answers a body shorter than its Content-Length, cut off by the client, with a 4xx and no crash', async () => {
    const { hostname, port } = new URL(api.baseUrl);
    const answered = await new Promise<{ status?: number; closed: boolean }>((resolve) => {
      const req = http.request({ hostname, port, method: 'POST', path: '/api/cases', headers: { ...json, 'content-length': 1000 }, agent: false });
      req.on('response', (res) => resolve({ status: res.statusCode, closed: false }));
      req.on('error', () => resolve({ closed: true }));
      req.write('{"itemCode":');
      // The client gives up half-way: the server sees request.aborted.
      setImmediate(() => req.destroy());
    });
    expect(answered.status === undefined || answered.status < 500).toBe(true);
    // The server is still there and answers the next request normally.
    expect((await api.request('GET', '/health')).status).toBe(200);
  });

  it('answers broken JSON with 400 MALFORMED_JSON and a too-large body with 413 PAYLOAD_TOO_LARGE', async () => {
    expectError(await raw(api.baseUrl, 'POST', '/api/cases', json, '{"itemCode":'), 400, 'MALFORMED_JSON');
    const big = JSON.stringify({ ...buildCase(), materials: ['x'.repeat(200_000)] });
    expectError(await raw(api.baseUrl, 'POST', '/api/cases', json, big), 413, 'PAYLOAD_TOO_LARGE');
  });
});

describe('uploads are authorised before their body is read', () => {
  const api = useTestServer();

  /**
   * Sends the headers and the first chunk of a 5 MB CSV upload and waits for
   * the answer without sending the rest: only a server that decides before
   * reading the body can answer at all.
   */
  function answerBeforeBody(headers: Record<string, string>): Promise<RawResponse> {
    const { hostname, port } = new URL(api.baseUrl);
    return new Promise((resolve, reject) => {
      const size = 5 * 1024 * 1024 - 1;
      const req = http.request({ hostname, port, method: 'POST', path: '/api/items/import', headers: { 'content-type': 'text/csv', 'content-length': size, ...headers }, agent: false }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          req.destroy();
          resolve({ status: res.statusCode!, headers: res.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
        });
      });
      req.on('error', reject);
      req.write('code,name\n');
      // The remaining bytes are never sent.
    });
  }

  it('refuses an anonymous 5 MB import with 401 before reading it', async () => {
    expectError(await answerBeforeBody({}), 401, 'UNAUTHENTICATED');
  });

  it('refuses a non-admin import with 403 before reading it', async () => {
    expectError(await answerBeforeBody({ authorization: `Bearer ${await api.token('clerk.village')}` }), 403, 'FORBIDDEN');
  });

  it('refuses a bad token before reading any JSON body', async () => {
    const { hostname, port } = new URL(api.baseUrl);
    const res = await new Promise<number>((resolve, reject) => {
      const req = http.request({ hostname, port, method: 'POST', path: '/api/cases', headers: { ...json, 'content-length': 90_000, authorization: 'Bearer not-a-token' }, agent: false }, (r) => {
        r.resume();
        req.destroy();
        resolve(r.statusCode!);
      });
      req.on('error', reject);
      req.write('{"itemCode":');
    });
    expect(res).toBe(401);
  });

  it('still imports for an administrator (the body is read once the role is checked)', async () => {
    const res = await new Api(api.baseUrl).request('POST', '/api/items/import', { raw: 'not,a,catalogue\n', token: await api.token('admin'), headers: { 'content-type': 'text/csv' } });
    // A CSV without the catalogue's columns: read, parsed and refused line by line, not refused unread.
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('IMPORT_FAILED');
  });
});
