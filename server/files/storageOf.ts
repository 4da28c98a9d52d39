import path from 'node:path';
import type { Knex } from 'knex';
import type { Dialect } from '../../db/connection';
import { defaultSecretFile } from '../auth/secret';
import type { LoadedConfig } from '../config';
import { databaseBlobStore, diskBlobStore, type BlobStore } from './blobStore';

/** The configured blob store: disk beside the embedded database by default, the database itself on MySQL. */
export function blobStoreFor(config: Pick<LoadedConfig, 'FILE_STORAGE' | 'FILE_STORAGE_DIR' | 'DATABASE_URL'>, knex: Knex, dialect: Dialect): BlobStore {
  const driver = config.FILE_STORAGE ?? (dialect === 'sqlite' ? 'disk' : 'database');
  if (driver === 'database') return databaseBlobStore(knex);
  return diskBlobStore(path.resolve(config.FILE_STORAGE_DIR ?? defaultSecretFile(config.DATABASE_URL, 'files')));
}
