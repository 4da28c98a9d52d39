import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import type { LoadedConfig } from '../config';

/** A secret the server needs: taken from its variable, or (outside production) generated once into a file. */
export interface SecretSpec {
  /** The variable that names it, e.g. JWT_SECRET; said in every message. */
  name: string;
  value: string | undefined;
  /** Where a generated one is kept when `value` is unset: the variable's *_FILE, else `fileName` beside the data. */
  file: string | undefined;
  fileName: string;
  what: string;
}

/**
 * A secret from configuration, or a random one made on first start and kept
 * in a file beside the data, so a default install never uses a secret anyone
 * can read in the source, and what it protects survives a restart.
 * Production refuses to start without the variable.
 */
export function resolveSecret(spec: SecretSpec, config: Pick<LoadedConfig, 'NODE_ENV' | 'DATABASE_URL'>, log: Logger): string {
  if (spec.value) return spec.value;
  if (config.NODE_ENV === 'production') throw new Error(`Invalid configuration:\n  ${spec.name}: required when NODE_ENV=production`);
  const file = path.resolve(spec.file ?? defaultSecretFile(config.DATABASE_URL, spec.fileName));
  const { secret, created } = readOrCreate(file, spec.name);
  log.warn({ file, created }, `${spec.name} is not set: ${spec.what} a generated secret kept in ${file}; set ${spec.name} in production`);
  return secret;
}

/** The token signing secret: JWT_SECRET, or data/jwt-secret. */
export function resolveJwtSecret(config: LoadedConfig, log: Logger): string {
  return resolveSecret({ name: 'JWT_SECRET', value: config.JWT_SECRET, file: config.JWT_SECRET_FILE, fileName: 'jwt-secret', what: 'tokens are signed with' }, config, log);
}

/**
 * The key of the search hashes (HMAC of ID numbers, USCCs and phones):
 * SEARCH_HASH_KEY, or data/search-key. Every process on one database must
 * share it, and changing it makes the stored hashes unfindable.
 */
export function resolveSearchKey(config: LoadedConfig, log: Logger): string {
  return resolveSecret({ name: 'SEARCH_HASH_KEY', value: config.SEARCH_HASH_KEY, file: config.SEARCH_HASH_KEY_FILE, fileName: 'search-key', what: 'personal numbers are hashed for search with' }, config, log);
}

/** `sqlite:data/approval.sqlite` → `data/jwt-secret`; MySQL (or an in-memory SQLite) → `data/jwt-secret` under the working directory. */
export function defaultSecretFile(databaseUrl: string, fileName = 'jwt-secret'): string {
  const m = /^sqlite:(.+)$/.exec(databaseUrl);
  if (m && m[1] !== ':memory:') return path.join(path.dirname(m[1]!), fileName);
  return path.join('data', fileName);
}

function readOrCreate(file: string, name: string): { secret: string; created: boolean } {
  const existing = readSecret(file, name);
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
    return { secret: readSecret(file, name)!, created: false };
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

function readSecret(file: string, name: string): string | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  const secret = text.trim();
  // Hand-edited to something weak: refuse to start on it rather than sign with it.
  if (secret.length < 16) throw new Error(`${file} holds no usable secret (at least 16 characters): remove it to have a new one generated, or set ${name}`);
  return secret;
}
