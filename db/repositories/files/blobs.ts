import type { Knex } from 'knex';

/** Content in the database (FILE_STORAGE=database): one row per SHA-256, written once. */
export async function insertBlob(trx: Knex, sha256: string, content: Buffer, at: string): Promise<void> {
  // Two cases attaching the same scan at once: the second insert finds the row and is a no-op.
  await trx('file_blobs').insert({ sha256, size: content.length, content, created_at: at }).onConflict('sha256').ignore();
}

export async function readBlob(db: Knex, sha256: string): Promise<Buffer | undefined> {
  const r = await db('file_blobs').where('sha256', sha256).first('content');
  if (!r) return undefined;
  return Buffer.isBuffer(r.content) ? r.content : Buffer.from(r.content);
}

export async function hasBlob(db: Knex, sha256: string): Promise<boolean> {
  return Boolean(await db('file_blobs').where('sha256', sha256).first('sha256'));
}
