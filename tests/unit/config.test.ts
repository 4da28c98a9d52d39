import { loadConfig } from '../../server/config';

describe('configuration', () => {
  it('has working defaults: the embedded database and port 3000', () => {
    const cfg = loadConfig({});
    expect(cfg).toMatchObject({ PORT: 3000, DATABASE_URL: 'sqlite:data/approval.sqlite', YELLOW_AT: 0.8, SEED_ON_START: true });
  });

  it('has no built-in signing secret: unset JWT_SECRET stays unset (one is generated at start, server/auth/secret.ts)', () => {
    expect(loadConfig({}).JWT_SECRET).toBeUndefined();
    expect(loadConfig({ JWT_SECRET_FILE: '/tmp/x/jwt-secret' }).JWT_SECRET_FILE).toBe('/tmp/x/jwt-secret');
  });

  it('names every bad variable in one message', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'postgres://x', YELLOW_AT: '1.5' })).toThrow(
      /PORT[\s\S]*DATABASE_URL: must start with sqlite: or mysql:\/\/[\s\S]*YELLOW_AT/,
    );
  });

  it('requires a real JWT_SECRET in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET: required when NODE_ENV=production/);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'short' })).toThrow(/JWT_SECRET: must be at least 16/);
  });

  it('accepts CLOCK_START for demos and refuses it in production', () => {
    expect(loadConfig({ CLOCK_START: '2024-09-27T10:00:00+08:00' }).CLOCK_START).toBe('2024-09-27T10:00:00+08:00');
    expect(() => loadConfig({ CLOCK_START: 'yesterday' })).toThrow(/CLOCK_START/);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(20), CLOCK_START: '2024-09-27T10:00:00+08:00' })).toThrow(/CLOCK_START: not allowed/);
  });
});
