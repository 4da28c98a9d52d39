import type { Knex } from 'knex';
import { setDocumentPdf, type CaseDocumentRow } from '../../../db/repositories/documents/caseDocuments';
import type { AppContext } from '../../context';
import { sha256Of } from '../../files/blobStore';
import { renderOfficialDocument, type OfficialDocumentModel } from '../pdf';
import { signPdf } from '../signing';

async function draw(ctx: AppContext, doc: CaseDocumentRow, caseNo: string, extraFields: Array<[string, string]>): Promise<Buffer> {
  const model = doc.model as unknown as Omit<OfficialDocumentModel, 'metadata'>;
  const pdf = await renderOfficialDocument({
    ...model,
    fields: [...(model.fields ?? []), ...extraFields],
    metadata: { DocNo: doc.docNo, CaseNo: caseNo, DocumentKind: doc.kind },
  });
  return Buffer.from(signPdf(pdf, ctx.signingKey.privateKey, ctx.signingKey.keyId));
}

/**
 * The signed PDF of a case document: drawn from its stored content the first
 * time it is asked for and kept by SHA-256; the same content and key always
 * draw the same bytes. `extraFields` (the query code on the applicant's own
 * receipt) make a copy for that reader only, never stored.
 */
export async function documentPdf(ctx: AppContext, db: Knex, doc: CaseDocumentRow, caseNo: string, extraFields: Array<[string, string]> = []): Promise<Buffer> {
  if (extraFields.length) return draw(ctx, doc, caseNo, extraFields);
  if (doc.pdfSha256) {
    const kept = await ctx.blobs.get(doc.pdfSha256);
    if (kept && sha256Of(kept) === doc.pdfSha256) return kept;
  }
  const pdf = await draw(ctx, doc, caseNo, []);
  const sha = sha256Of(pdf);
  await db.transaction(async (trx) => {
    await ctx.blobs.put(trx, sha, pdf, doc.createdAt);
    await setDocumentPdf(trx, doc.id, sha);
  });
  return pdf;
}
