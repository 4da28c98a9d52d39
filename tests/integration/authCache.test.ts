import { Api, DEMO } from '../helpers/api';
import { startTestServer, type TestServer } from '../helpers/testServer';

// Token checks reuse the user row they read (AUTH_CACHE_MS); every save of the user drops it at once.

const RUN = Math.random().toString(36).slice(2, 8);
const PASSWORD = 'secret-pass-1';

describe('the token check user cache', () => {
  let srv: TestServer;
  let api: Api;

  // Long enough that nothing in this test expires it: what is shown is the cache and its invalidation, not time.
  beforeAll(async () => {
    srv = await startTestServer({ env: { AUTH_CACHE_MS: '10000' } });
    api = new Api(srv.url);
  });
  afterAll(() => srv.close());

  it('serves repeated requests from the cached row, and a save through the API drops it at once', async () => {
    const username = `cache.${RUN}`;
    const made = await api.as('admin', 'POST', '/api/users', { username, displayName: '缓存', password: PASSWORD, role: 'clerk', jurisdictionCode: DEMO.villageCode });
    expect(made.status).toBe(201);
    const token = (await api.request('POST', '/api/auth/login', { body: { username, password: PASSWORD } })).body.token as string;
    expect((await api.request('GET', '/api/auth/me', { token })).status).toBe(200);

    // Behind the server's back (as the CLI on another machine would): the cached row still answers.
    await srv.ctx.db.knex('users').where({ id: made.body.id }).update({ token_version: 99 });
    expect((await api.request('GET', '/api/auth/me', { token })).status).toBe(200);

    // Through the command path: the save drops the row, and the next request reads the truth.
    expect((await api.as('admin', 'PATCH', `/api/users/${made.body.id}`, { displayName: '缓存二' })).status).toBe(200);
    const after = await api.request('GET', '/api/auth/me', { token });
    expect({ status: after.status, code: after.body?.error?.code }).toEqual({ status: 401, code: 'INVALID_TOKEN' });
  });

  it('refuses a deactivated account on the very next request', async () => {
    const username = `cache2.${RUN}`;
    const made = await api.as('admin', 'POST', '/api/users', { username, displayName: '缓存', password: PASSWORD, role: 'clerk', jurisdictionCode: DEMO.villageCode });
    const token = (await api.request('POST', '/api/auth/login', { body: { username, password: PASSWORD } })).body.token as string;
    expect((await api.request('GET', '/api/auth/me', { token })).status).toBe(200);
    expect((await api.as('admin', 'PATCH', `/api/users/${made.body.id}`, { active: false })).status).toBe(200);
    expect((await api.request('GET', '/api/auth/me', { token })).status).toBe(401);
  });
});
