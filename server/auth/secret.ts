import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import type { LoadedConfig } from '../config';

/**
 * The token signing secret. JWT_SECRET when set (production requires it);
 * otherwise a random one made on first start and kept in a file beside the
 * data, so a default install never signs with a secret anyone can read in
 * the source, and tokens survive a restart.
 */
export function resolveJwtSecret(config: LoadedConfig, log: Logger): string {
  if (config.JWT_SECRET) return config.JWT_SECRET;
  if (config.NODE_ENV === 'production') throw new Error('Invalid configuration:\n  JWT_SECRET: required when NODE_ENV=production');
  const file = path.resolve(config.JWT_SECRET_FILE ?? defaultSecretFile(config.DATABASE_URL));
  const { secret, created } = readOrCreate(file);
  log.warn({ file, created }, `JWT_SECRET is not set: tokens are signed with a generated secret kept in ${file}; set JWT_SECRET in production`);
  return secret;
}

/** `sqlite:data/approval.sqlite` → `data/jwt-secret`; MySQL (or an in-memory SQLite) → `data/jwt-secret` under the working directory. */
export function defaultSecretFile(databaseUrl: string): string {
  const m = /^sqlite:(.+)$/.exec(databaseUrl);
  if (m && m[1] !== ':memory:') return path.join(path.dirname(m[1]!), 'jwt-secret');
  return path.join('data', 'jwt-secret');
}

function readOrCreate(file: string): { secret: string; created: boolean } {
  const existing = readSecret(file);
  if (existing) return { secret: existing, created: false };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const secret = crypto.randomBytes(32).toString('base64url');
  // Written whole to a private temporary file, then linked into place: two processes starting at once on one
  // data directory end up with the same secret, and nobody ever reads a half-written file.
  const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  fs.writeFileSync(tmp, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  try {
    fs.linkSync(tmp, file);
    return { secret, created: true };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    return { secret: readSecret(file)!, created: false };
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

function readSecret(file: string): string | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  const secret = text.trim();
  // Hand-edited to something weak: refuse to start on it rather than sign with it.
  if (secret.length < 16) throw new Error(`${file} holds no usable secret (at least 16 characters): remove it to have a new one generated, or set JWT_SECRET`);
  return secret;
}
