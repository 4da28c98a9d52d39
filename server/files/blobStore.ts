import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Knex } from 'knex';
import { hasBlob, insertBlob, readBlob } from '../../db/repositories/files/blobs';

/**
 * Where file content lives, addressed by its SHA-256: the same bytes are
 * stored once however many cases attach them, and a name can never point at
 * other bytes. Two drivers: the disk under data/ (the embedded default) and
 * the database (several processes on one MySQL share files with nothing
 * else to run).
 */
export interface BlobStore {
  readonly driver: 'disk' | 'database';
  /** Stores the content; `trx` is the transaction that records its use (the database driver writes in it). */
  put(trx: Knex, sha256: string, content: Buffer, at: string): Promise<void>;
  get(sha256: string): Promise<Buffer | undefined>;
  has(sha256: string): Promise<boolean>;
}

export const sha256Of = (content: Buffer): string => createHash('sha256').update(content).digest('hex');

const SHA = /^[0-9a-f]{64}$/;

/** Content as files under `dir`, fanned out by the hash's first two bytes. */
export function diskBlobStore(dir: string): BlobStore {
  const fileOf = (sha: string) => {
    if (!SHA.test(sha)) throw new Error('not a SHA-256');
    return path.join(dir, sha.slice(0, 2), sha.slice(2, 4), sha);
  };
  return {
    driver: 'disk',
    async put(_trx, sha, content) {
      const file = fileOf(sha);
      try {
        await fs.access(file);
        return; // already there: the same bytes
      } catch {
        /* not stored yet */
      }
      await fs.mkdir(path.dirname(file), { recursive: true });
      // Written aside and renamed: a reader never sees half a file, a crash leaves no torn one.
      const tmp = `${file}.${randomBytes(6).toString('hex')}.part`;
      await fs.writeFile(tmp, content, { mode: 0o640 });
      await fs.rename(tmp, file);
    },
    async get(sha) {
      try {
        return await fs.readFile(fileOf(sha));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw e;
      }
    },
    async has(sha) {
      try {
        await fs.access(fileOf(sha));
        return true;
      } catch {
        return false;
      }
    },
  };
}

export function databaseBlobStore(knex: Knex): BlobStore {
  return {
    driver: 'database',
    put: (trx, sha, content, at) => insertBlob(trx, sha, content, at),
    get: (sha) => readBlob(knex, sha),
    has: (sha) => hasBlob(knex, sha),
  };
}
