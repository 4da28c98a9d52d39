import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { resolveSearchKey } from '../../server/auth/secret';
import { loadConfig } from '../../server/config';
import { searchHash, searchHashColumns } from '../../server/search/searchHash';
import { mayBePersonalNumber, normaliseSearchKey } from '../../workflows/searchKeys';

describe('search keys of personal numbers', () => {
  it('spell an ID number, USCC or phone one way: no spaces or dashes, capitals, no +86', () => {
    expect(normaliseSearchKey(' 110105 19491231 002x ')).toBe('11010519491231002X');
    expect(normaliseSearchKey('91330302ma2abcde1x')).toBe('91330302MA2ABCDE1X');
    expect(normaliseSearchKey('138-1234-5678')).toBe('13812345678');
    expect(normaliseSearchKey('+86 138 1234 5678')).toBe('13812345678');
    expect(normaliseSearchKey('0086 13812345678')).toBe('13812345678');
    expect(normaliseSearchKey('0577-88889999')).toBe('057788889999');
    // Full-width digits (a Chinese input method) are the same digits.
    expect(normaliseSearchKey('１３８１２３４５６７８')).toBe('13812345678');
  });

  it('hash only what could be a whole number, and not names or case-number beginnings alone', () => {
    expect(mayBePersonalNumber('13812345678')).toBe(true);
    expect(mayBePersonalNumber('张小明')).toBe(false);
    expect(mayBePersonalNumber('2026')).toBe(false);
  });

  it('are keyed: another key, another hash; the same number however written, the same hash', () => {
    const k1 = 'k'.repeat(20);
    expect(searchHash(k1, '33030219900101123x')).toBe(searchHash(k1, '330302 19900101123X'));
    expect(searchHash(k1, '11010519491231002X')).not.toBe(searchHash('j'.repeat(20), '11010519491231002X'));
    const cols = searchHashColumns(k1, { applicant: { idNumber: '11010519491231002X', phone: '13812345678' } });
    expect(cols).toMatchObject({ searchUsccHash: null, searchAgentIdHash: null, searchAgentPhoneHash: null, searchHashed: true });
    expect(cols.searchIdHash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('the search hash key', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'approval-search-key-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const log = pino({ level: 'silent' });

  it('is SEARCH_HASH_KEY when set', () => {
    expect(resolveSearchKey(loadConfig({ SEARCH_HASH_KEY: 's'.repeat(20) }), log)).toBe('s'.repeat(20));
  });

  it('is generated once beside the SQLite data when unset, and the same on the next start', () => {
    const config = loadConfig({ DATABASE_URL: `sqlite:${path.join(dir, 'approval.sqlite')}` });
    const key = resolveSearchKey(config, log);
    const file = path.join(dir, 'search-key');
    expect(fs.readFileSync(file, 'utf8').trim()).toBe(key);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(resolveSearchKey(config, log)).toBe(key);
  });

  it('is required in production: the server refuses to start without it', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(20) })).toThrow(/SEARCH_HASH_KEY: required when NODE_ENV=production/);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(20), SEARCH_HASH_KEY: 'short' })).toThrow(/SEARCH_HASH_KEY: must be at least 16/);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(20), SEARCH_HASH_KEY: 'y'.repeat(20), LICENCE_SIGNING_KEY_FILE: '/etc/approval/licence-key.pem' }).SEARCH_HASH_KEY).toBe('y'.repeat(20));
    const config = { ...loadConfig({ SEARCH_HASH_KEY_FILE: path.join(dir, 'k') }), NODE_ENV: 'production' as const };
    expect(() => resolveSearchKey(config, log)).toThrow(/SEARCH_HASH_KEY: required/);
  });
});
