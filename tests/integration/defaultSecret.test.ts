import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import jwt from 'jsonwebtoken';
import { Api } from '../helpers/api';
import { cleanupServers, isMysqlUrl, sharedDbUrl, spawnServer, stopAllServers } from '../helpers/serverProcess';
import { openSocket, refused } from '../helpers/sockets';

/*
 * A default install (`npm start` with nothing set: no JWT_SECRET, not
 * production) must not sign with a secret anyone can read in the source. It
 * generates one on first start, keeps it beside the data and says so, and
 * the next start reuses it. Real server processes, as `npm start` runs them.
 */

jest.setTimeout(180_000);

/** The fixed string the server once signed with when JWT_SECRET was unset. */
const OLD_FIXED_SECRET = 'development-only-secret-change-me';

const tmpDirs: string[] = [];
afterEach(() => stopAllServers());
afterAll(async () => {
  await cleanupServers();
  for (const d of tmpDirs) fs.rmSync(d, { recursive: true, force: true });
});

/** The environment of `npm start` with nothing set, except a database of the test's own. */
const NOTHING_SET = { NODE_ENV: undefined, JWT_SECRET: undefined, SEED_ON_START: undefined, LOG_LEVEL: undefined };

describe('a default install without JWT_SECRET', () => {
  it('refuses tokens forged with the old fixed secret, generates its own beside the data, says so, and reuses it on the next start', async () => {
    const dbUrl = await sharedDbUrl();
    // SQLite: the data directory is the database file's (a temporary one); MySQL has none, so the file is named.
    let secretFile: string;
    const env: Record<string, string | undefined> = { ...NOTHING_SET };
    if (isMysqlUrl(dbUrl)) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'approval-secret-'));
      tmpDirs.push(dir);
      secretFile = path.join(dir, 'jwt-secret');
      env.JWT_SECRET_FILE = secretFile;
    } else {
      secretFile = path.join(path.dirname(dbUrl.slice('sqlite:'.length)), 'jwt-secret');
    }
    expect(fs.existsSync(secretFile)).toBe(false);

    const first = await spawnServer({ dbUrl, env });
    const api = new Api(first.url);
    expect(first.logs.filter((l) => l.level === 40 && l.file === secretFile)).toEqual([expect.objectContaining({ created: true, msg: expect.stringMatching(/JWT_SECRET is not set/) })]);
    const secret = fs.readFileSync(secretFile, 'utf8').trim();
    expect(secret.length).toBeGreaterThanOrEqual(32);
    expect(fs.statSync(secretFile).mode & 0o777).toBe(0o600);

    const login = await api.request('POST', '/api/auth/login', { body: { username: 'admin', password: 'demo1234' } });
    expect(login.status).toBe(200);
    const adminId: number = login.body.user.id;
    const real: string = login.body.token;
    expect((await api.request('GET', '/api/users', { token: real })).status).toBe(200);

    // Forged for the admin's id with the old fixed string, in the old shape and in the new one (with a token version).
    const forged = [
      jwt.sign({ role: 'admin' }, OLD_FIXED_SECRET, { subject: String(adminId), expiresIn: 3600 }),
      jwt.sign({ role: 'admin', tv: 0 }, OLD_FIXED_SECRET, { subject: String(adminId), expiresIn: 3600 }),
    ];
    for (const token of forged) {
      const res = await api.request('GET', '/api/users', { token });
      expect({ status: res.status, code: res.body?.error?.code }).toEqual({ status: 401, code: 'INVALID_TOKEN' });
      const socket = openSocket(first.url, { token });
      try {
        expect((await refused(socket)).data).toMatchObject({ code: 'INVALID_TOKEN' });
      } finally {
        socket.close();
      }
    }
    await first.stop();

    // The next start finds the file and signs with the same secret: a token from before the restart still works.
    const second = await spawnServer({ dbUrl, env });
    expect(second.logs.filter((l) => l.level === 40 && l.file === secretFile)).toEqual([expect.objectContaining({ created: false })]);
    expect(fs.readFileSync(secretFile, 'utf8').trim()).toBe(secret);
    expect((await new Api(second.url).request('GET', '/api/users', { token: real })).status).toBe(200);
    expect((await new Api(second.url).request('GET', '/api/users', { token: forged[1] })).status).toBe(401);
  });

  it('still refuses to start in production without JWT_SECRET', async () => {
    const dbUrl = await sharedDbUrl();
    await expect(spawnServer({ dbUrl, env: { ...NOTHING_SET, NODE_ENV: 'production' } })).rejects.toThrow(/JWT_SECRET: required when NODE_ENV=production/);
  });
});
