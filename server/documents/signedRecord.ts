/**
 * A record the engine vouches for (an e-licence, an e-certificate): its
 * directory data as canonical JSON, signed with the engine's key; genuine
 * while the data recomputed from the row is what was signed and the
 * signature holds for a published key.
 */
import type { Knex } from 'knex';
import type { AppContext } from '../context';
import { sha256Of } from '../files/blobStore';
import { renderOfficialDocument, type OfficialDocumentModel } from './pdf';
import { canonicalJson, signData, signPdf, verifyData, type KeyInput, type SigningKey } from './signing';

export interface SignedRecord {
  canonical: string;
  signature: string;
  keyId: string;
}

export function signRecord(key: SigningKey, data: unknown): SignedRecord {
  const canonical = canonicalJson(data);
  return { canonical, signature: signData(key.privateKey, canonical), keyId: key.keyId };
}

/** Genuine: the stored data is what was signed (recomputed from the row now), and the signature holds. */
export function recordIsSound(keys: Record<string, KeyInput>, data: unknown, stored: SignedRecord): boolean {
  const key = keys[stored.keyId];
  return canonicalJson(data) === stored.canonical && Boolean(key && verifyData(key, stored.canonical, stored.signature));
}

export interface SignedPdfSource {
  /** The SHA-256 of the PDF once drawn. */
  pdfSha256: string | null;
  createdAt: string;
  model: OfficialDocumentModel;
  /** Records the drawn PDF's hash and size on the record's row. */
  save(trx: Knex.Transaction, sha256: string, size: number): Promise<void>;
}

/**
 * The signed PDF of a record: kept by SHA-256 once drawn; drawn from the
 * record's data the first time (deterministic, so a race writes the same bytes).
 */
export async function signedPdfOf(ctx: AppContext, db: Knex, src: SignedPdfSource): Promise<Buffer> {
  if (src.pdfSha256) {
    const kept = await ctx.blobs.get(src.pdfSha256);
    if (kept && sha256Of(kept) === src.pdfSha256) return kept;
  }
  const drawn = await renderOfficialDocument(src.model);
  const pdf = Buffer.from(signPdf(drawn, ctx.signingKey.privateKey, ctx.signingKey.keyId));
  const sha = sha256Of(pdf);
  await db.transaction(async (trx) => {
    await ctx.blobs.put(trx, sha, pdf, src.createdAt);
    await src.save(trx, sha, pdf.length);
  });
  return pdf;
}
