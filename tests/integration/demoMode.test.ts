import { loadConfig } from '../../server/config';
import { TEST_LICENCE_SIGNING_KEY } from '../helpers/testKeys';
import { Api } from '../helpers/api';
import { startTestServer, type TestServer } from '../helpers/testServer';

/*
 * The log-in page lists the demo accounts only in demo mode: DEMO_MODE defaults to on outside production
 * and off in production, where it may not be turned on. Off, GET /api/auth/demo-accounts reveals nothing.
 */

describe('DEMO_MODE', () => {
  it('defaults to on outside production and off in production, where it cannot be turned on', () => {
    const base = { JWT_SECRET: 'test-secret-0123456789', SEARCH_HASH_KEY: 'test-search-key-0123456789', LICENCE_SIGNING_KEY: TEST_LICENCE_SIGNING_KEY };
    expect(loadConfig({ ...base, NODE_ENV: 'development' }).DEMO_MODE).toBe(true);
    expect(loadConfig({ ...base, NODE_ENV: 'test' }).DEMO_MODE).toBe(true);
    expect(loadConfig({ ...base, NODE_ENV: 'development', DEMO_MODE: 'off' }).DEMO_MODE).toBe(false);
    expect(loadConfig({ ...base, NODE_ENV: 'production' }).DEMO_MODE).toBe(false);
    expect(loadConfig({ ...base, NODE_ENV: 'production', DEMO_MODE: 'off' }).DEMO_MODE).toBe(false);
    expect(() => loadConfig({ ...base, NODE_ENV: 'production', DEMO_MODE: 'on' })).toThrow(/DEMO_MODE: not allowed when NODE_ENV=production/);
    expect(() => loadConfig({ ...base, DEMO_MODE: 'yes' })).toThrow(/DEMO_MODE/);
  });

  for (const [name, env, shown] of [
    ['a development server', {}, true],
    ['a production server', { NODE_ENV: 'production' }, false],
    ['a server with DEMO_MODE=off', { DEMO_MODE: 'off' }, false],
  ] as const) {
    describe(name, () => {
      let srv: TestServer;
      const api = new Api('');
      beforeAll(async () => {
        srv = await startTestServer({ env });
        api.baseUrl = srv.url;
      });
      afterAll(() => srv?.close());

      it(shown ? 'lists the demo accounts and their password' : 'reveals no account and no password', async () => {
        const res = await api.request('GET', '/api/auth/demo-accounts');
        expect(res.status).toBe(200);
        if (shown) {
          expect(res.body).toMatchObject({ demoMode: true, password: 'demo1234' });
          const names = res.body.accounts.map((a: any) => a.username);
          expect(names).toEqual(expect.arrayContaining(['clerk.village', 'clerk.town', 'reviewer.county', 'reviewer.city', 'supervisor.city', 'admin', 'applicant']));
          expect(res.body.accounts.find((a: any) => a.username === 'clerk.village')).toMatchObject({ role: 'clerk', jurisdictionCode: '330302006001' });
          expect(res.body.patterns).toEqual({ clerk: 'clerk-<jurisdiction code>', reviewer: 'reviewer-<jurisdiction code>-<department code>' });
        } else {
          expect(res.body).toEqual({ demoMode: false, accounts: [] });
          expect(JSON.stringify(res.body)).not.toMatch(/demo1234|clerk|admin/);
        }
        // The accounts themselves work either way: demo mode only decides whether the page names them.
        expect((await api.request('POST', '/api/auth/login', { body: { username: 'admin', password: 'demo1234' } })).status).toBe(200);
      });
    });
  }
});
