import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { defaultSecretFile, resolveJwtSecret } from '../../server/auth/secret';
import { loadConfig } from '../../server/config';

/** A logger whose lines the test reads. */
function capture() {
  const lines: Array<Record<string, any>> = [];
  const log = pino({ level: 'info' }, { write: (s: string) => void lines.push(JSON.parse(s)) });
  return { log, lines };
}

describe('the token signing secret', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'approval-secret-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('is kept beside the SQLite file by default, and under data/ for MySQL', () => {
    expect(defaultSecretFile('sqlite:data/approval.sqlite')).toBe(path.join('data', 'jwt-secret'));
    expect(defaultSecretFile('sqlite:/var/lib/approval/db.sqlite')).toBe('/var/lib/approval/jwt-secret');
    expect(defaultSecretFile('mysql://u:p@db:3306/approval')).toBe(path.join('data', 'jwt-secret'));
    expect(defaultSecretFile('sqlite::memory:')).toBe(path.join('data', 'jwt-secret'));
  });

  it('without JWT_SECRET: generated once (random, 0600), reused on the next start, and said at start-up', () => {
    const config = loadConfig({ DATABASE_URL: `sqlite:${path.join(dir, 'approval.sqlite')}` });
    const file = path.join(dir, 'jwt-secret');
    const first = capture();
    const secret = resolveJwtSecret(config, first.log);
    expect(secret).not.toBe('development-only-secret-change-me');
    expect(Buffer.from(secret, 'base64url')).toHaveLength(32);
    expect(fs.readFileSync(file, 'utf8').trim()).toBe(secret);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(first.lines).toEqual([expect.objectContaining({ level: 40, file, created: true, msg: expect.stringContaining(file) })]);
    expect(fs.readdirSync(dir).sort()).toEqual(['jwt-secret']);

    const second = capture();
    expect(resolveJwtSecret(config, second.log)).toBe(secret);
    expect(second.lines).toEqual([expect.objectContaining({ level: 40, file, created: false })]);

    // Another data directory, another secret.
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'approval-secret-'));
    try {
      expect(resolveJwtSecret(loadConfig({ JWT_SECRET_FILE: path.join(other, 'nested', 'secret') }), capture().log)).not.toBe(secret);
    } finally {
      fs.rmSync(other, { recursive: true, force: true });
    }
  });

  it('with JWT_SECRET: that one, no file, nothing logged', () => {
    const { log, lines } = capture();
    const config = loadConfig({ JWT_SECRET: 'x'.repeat(20), JWT_SECRET_FILE: path.join(dir, 'jwt-secret') });
    expect(resolveJwtSecret(config, log)).toBe('x'.repeat(20));
    expect(fs.readdirSync(dir)).toEqual([]);
    expect(lines).toEqual([]);
  });

  it('refuses a file holding a weak secret rather than signing with it', () => {
    const file = path.join(dir, 'jwt-secret');
    fs.writeFileSync(file, 'short\n');
    expect(() => resolveJwtSecret(loadConfig({ JWT_SECRET_FILE: file }), capture().log)).toThrow(/no usable secret/);
  });

  it('never generates one in production', () => {
    const config = { ...loadConfig({ JWT_SECRET_FILE: path.join(dir, 'jwt-secret') }), NODE_ENV: 'production' as const };
    expect(() => resolveJwtSecret(config, capture().log)).toThrow(/JWT_SECRET: required/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
