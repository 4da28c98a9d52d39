import net from 'node:net';
import { useTestServer } from '../helpers/testServer';

/*
 * Requests Node's own HTTP parser refuses (a URL or headers past its 16 KB
 * limit, a request line that is not HTTP) never reach Express; they still
 * answer with the API's error shape and a stable code.
 */

interface Parsed {
  status: number;
  body: { error?: { code?: unknown; message?: unknown } } | undefined;
}

/** Writes bytes to the server and reads the whole answer (the server closes the connection). */
function rawExchange(baseUrl: string, request: string): Promise<Parsed> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => socket.write(request));
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', body = ''] = text.split('\r\n\r\n');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0);
      let parsed: Parsed['body'];
      try {
        parsed = JSON.parse(body);
      } catch {
        parsed = undefined;
      }
      resolve({ status, body: parsed });
    });
  });
}

describe('requests the HTTP parser refuses', () => {
  const api = useTestServer();

  it('a URL longer than the header limit answers 431 HEADERS_TOO_LARGE with the error shape', async () => {
    const res = await rawExchange(api.baseUrl, `GET /api/items?q=${'x'.repeat(20_000)} HTTP/1.1\r\nHost: localhost\r\n\r\n`);
    expect(res.status).toBe(431);
    expect(res.body?.error?.code).toBe('HEADERS_TOO_LARGE');
    expect(typeof res.body?.error?.message).toBe('string');
  });

  it('a request line that is not HTTP answers 400 MALFORMED_REQUEST with the error shape', async () => {
    const res = await rawExchange(api.baseUrl, 'HELLO THERE\r\n\r\n');
    expect(res.status).toBe(400);
    expect(res.body?.error?.code).toBe('MALFORMED_REQUEST');
  });

  it('the server still answers normally afterwards', async () => {
    const res = await api.request('GET', '/api/items?pageSize=1');
    expect(res.status).toBe(200);
  });
});
