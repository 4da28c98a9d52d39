/**
 * The Ed25519 key licences are signed with, in the manner of server/auth/secret.ts: given as a PEM, or
 * (outside production) generated once into `<dataDir>/licence-signing-key.pem` and reused, so a default
 * install never signs with a key anyone can read in the source and its licences still verify after a
 * restart. Production refuses to start without a key it was given.
 */
import crypto, { type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const SIGNING_KEY_FILE_NAME = 'licence-signing-key.pem';

/** A key object, or its PEM. */
export type KeyInput = KeyObject | string;

/** The public half of a key: a private key (object or PEM) gives its public key. */
export function publicKeyOf(key: KeyInput): KeyObject {
  if (typeof key === 'string') return crypto.createPublicKey(key);
  return key.type === 'private' ? crypto.createPublicKey(key) : key;
}

/** A public key's id: the first 16 hex characters of the SHA-256 of its 32 raw bytes. */
export function keyIdOf(key: KeyInput): string {
  const jwk = publicKeyOf(key).export({ format: 'jwk' });
  if (jwk.crv !== 'Ed25519' || !jwk.x) throw new Error('keyIdOf: not an Ed25519 key');
  return crypto.createHash('sha256').update(Buffer.from(jwk.x, 'base64url')).digest('hex').slice(0, 16);
}

/** Public keys by id, for verifySignedPdf. */
export function keyRing(keys: KeyInput[]): Record<string, KeyObject> {
  return Object.fromEntries(keys.map((k) => publicKeyOf(k)).map((k) => [keyIdOf(k), k]));
}

export interface SigningKeyOptions {
  /** A PKCS#8 PEM of the private key: used as it is when given. */
  pem?: string;
  /** Where the key file is; default `<dataDir>/licence-signing-key.pem`. */
  file?: string;
  dataDir: string;
  production: boolean;
  /** The setting that gives the key, named in error messages. */
  name?: string;
  /** Told where a generated key is kept, as the secrets are (pino's warn fits). */
  log?: { warn: (obj: object, msg: string) => void };
}

export interface SigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** keyIdOf(publicKey): written in each signature line. */
  keyId: string;
  /** The file it came from or went to (undefined when given as a PEM). */
  file?: string;
  created: boolean;
}

export function loadSigningKey(opts: SigningKeyOptions): SigningKey {
  const name = opts.name ?? 'LICENCE_SIGNING_KEY';
  if (opts.pem) return described(parsePrivate(opts.pem, name), undefined, false);
  if (opts.production && !opts.file) {
    throw new Error(`Invalid configuration:\n  ${name}: required when NODE_ENV=production (the PEM of an Ed25519 private key, or ${name}_FILE naming a file holding it)`);
  }
  const file = path.resolve(opts.file ?? path.join(opts.dataDir, SIGNING_KEY_FILE_NAME));
  const existing = readKeyFile(file, name);
  if (existing && opts.production) return described(existing, file, false);
  // A key file named in production must be there: generating one would sign with a key nobody distributed.
  if (opts.production) throw new Error(`Invalid configuration:\n  ${name}_FILE: ${file} does not exist`);
  const { key, created } = existing ? { key: existing, created: false } : createKeyFile(file, name);
  opts.log?.warn({ file, created }, `${name} is not set: licences are signed with a generated key kept in ${file}; set ${name} in production`);
  return described(key, file, created);
}

function described(privateKey: KeyObject, file: string | undefined, created: boolean): SigningKey {
  const publicKey = crypto.createPublicKey(privateKey);
  return { privateKey, publicKey, keyId: keyIdOf(publicKey), file, created };
}

function parsePrivate(pem: string, where: string): KeyObject {
  let key: KeyObject;
  try {
    key = crypto.createPrivateKey(pem);
  } catch (err) {
    throw new Error(`${where} holds no readable private key (PKCS#8 PEM expected): ${(err as Error).message}`);
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`${where} holds a ${key.asymmetricKeyType} key; licences are signed with Ed25519`);
  return key;
}

function readKeyFile(file: string, name: string): KeyObject | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  return parsePrivate(text, `${file} (remove it to have a new key generated outside production, or set ${name})`);
}

function createKeyFile(file: string, name: string): { key: KeyObject; created: boolean } {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const { privateKey } = crypto.generateKeyPairSync('ed25519');
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
  // Written whole to a private temporary file, then linked into place (as secret.ts does): two processes
  // starting at once on one data directory end up with the same key, and nobody reads a half-written file.
  const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  fs.writeFileSync(tmp, pem, { mode: 0o600, flag: 'wx' });
  try {
    fs.linkSync(tmp, file);
    return { key: privateKey, created: true };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    return { key: readKeyFile(file, name)!, created: false };
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}
