import type { AuthRevoked } from '../../workflows/socketContract';
import { Api, DEMO } from '../helpers/api';
import { cleanupServers, sharedDbUrl, spawnServer, stopAllServers } from '../helpers/serverProcess';
import { closeAll, connect, openSocket, refused, WAIT_MS, type ClientSocket } from '../helpers/sockets';

/*
 * Two real server processes over one database, joined by the Socket.IO Redis
 * adapter: a user changed through process A loses the socket it holds on
 * process B, and B refuses the old token from then on.
 */

jest.setTimeout(240_000);

const REDIS_URL = process.env.REDIS_URL;
const NO_REDIS = 'REDIS_URL is not set: the test of revocation across two processes joined by the Socket.IO Redis adapter';
if (!REDIS_URL) {
  console.warn(process.env.REQUIRE_REDIS ? `${NO_REDIS} FAILS, because REQUIRE_REDIS is set` : `${NO_REDIS} is SKIPPED (set REDIS_URL=redis://127.0.0.1:6379 to run it)`);
}

/** Runs with REDIS_URL; fails without it when REQUIRE_REDIS is set (CI), else is skipped loudly (as in multiProcess.test.ts). */
function redisIt(name: string, fn: () => Promise<void>): void {
  if (REDIS_URL) it(name, fn);
  else if (process.env.REQUIRE_REDIS) {
    it(name, () => {
      throw new Error(`${NO_REDIS} cannot run, and REQUIRE_REDIS is set: start Redis and set REDIS_URL`);
    });
  } else it.skip(`${name} [skipped: REDIS_URL not set]`, fn);
}

const sockets: ClientSocket[] = [];
afterEach(async () => {
  closeAll(sockets);
  await stopAllServers();
});
afterAll(() => cleanupServers());

describe('revocation across processes', () => {
  redisIt('deactivating a user through process A disconnects their socket on process B; B then refuses the old token', async () => {
    const dbUrl = await sharedDbUrl();
    const env = { REDIS_URL, SCHEDULER: 'off' };
    const [a, b] = await Promise.all([spawnServer({ dbUrl, env }), spawnServer({ dbUrl, env })]);
    const apiA = new Api(a.url);
    const apiB = new Api(b.url);

    const made = await apiA.as('admin', 'POST', '/api/users', { username: 'revoke.remote', displayName: '跨进程', password: 'first-pass-123', role: 'clerk', jurisdictionCode: DEMO.villageCode });
    expect(made.status).toBe(201);
    const login = await apiB.request('POST', '/api/auth/login', { body: { username: 'revoke.remote', password: 'first-pass-123' } });
    expect(login.status).toBe(200);
    const token: string = login.body.token;

    const onB = await connect(b.url, { token });
    // The control: another user's socket on B, which the change must leave alone.
    const bystander = await connect(b.url, { token: await apiB.token('clerk.village') });
    sockets.push(onB, bystander);
    const revoked: AuthRevoked[] = [];
    onB.on('auth:revoked', (e) => revoked.push(e));
    const cut = new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the socket on B was not disconnected within ${WAIT_MS} ms`)), WAIT_MS);
      onB.once('disconnect', (reason) => {
        clearTimeout(timer);
        resolve(reason);
      });
    });

    expect((await apiA.as('admin', 'PATCH', `/api/users/${made.body.id}`, { active: false })).status).toBe(200);
    expect(await cut).toBe('io server disconnect');
    expect(revoked).toEqual([{ code: 'TOKEN_REVOKED', message: expect.any(String) }]);

    const rest = await apiB.request('GET', '/api/auth/me', { token });
    expect({ status: rest.status, code: rest.body?.error?.code }).toEqual({ status: 401, code: 'INVALID_TOKEN' });
    const again = openSocket(b.url, { token });
    sockets.push(again);
    expect((await refused(again)).data).toMatchObject({ code: 'INVALID_TOKEN' });
    expect(bystander.connected).toBe(true);
  });
});
