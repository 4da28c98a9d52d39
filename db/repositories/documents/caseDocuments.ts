import type { Knex } from 'knex';
import { parseJson } from '../../connection';

export type DocumentKind = 'receipt' | 'acceptance' | 'materials' | 'refusal' | 'denial' | 'approval' | 'service';

export interface CaseDocumentRow {
  id: number;
  caseId: number;
  kind: DocumentKind;
  eventSeq: number;
  title: string;
  docNo: string;
  issuedOn: string;
  /** The document's content as the renderer takes it (server/documents/pdf OfficialDocumentModel, metadata aside). */
  model: Record<string, unknown>;
  pdfSha256: string | null;
  createdAt: string;
}

const fromDb = (r: Record<string, any>): CaseDocumentRow => ({
  id: Number(r.id),
  caseId: Number(r.case_id),
  kind: r.kind,
  eventSeq: Number(r.event_seq),
  title: r.title,
  docNo: r.doc_no,
  issuedOn: r.issued_on,
  model: parseJson(r.model),
  pdfSha256: r.pdf_sha256 ?? null,
  createdAt: r.created_at,
});

export async function insertCaseDocument(trx: Knex, d: Omit<CaseDocumentRow, 'id' | 'pdfSha256'>): Promise<void> {
  await trx('case_documents').insert({
    case_id: d.caseId,
    kind: d.kind,
    event_seq: d.eventSeq,
    title: d.title,
    doc_no: d.docNo,
    issued_on: d.issuedOn,
    model: JSON.stringify(d.model),
    created_at: d.createdAt,
  });
}

export async function listCaseDocuments(db: Knex, caseId: number): Promise<CaseDocumentRow[]> {
  return (await db('case_documents').where('case_id', caseId).orderBy('id')).map(fromDb);
}

export async function findCaseDocument(db: Knex, caseId: number, id: number): Promise<CaseDocumentRow | undefined> {
  const r = await db('case_documents').where({ case_id: caseId, id }).first();
  return r ? fromDb(r) : undefined;
}

/** The signed PDF, once drawn: the same content always draws the same bytes, so a race writes the same hash. */
export async function setDocumentPdf(db: Knex, id: number, sha256: string): Promise<void> {
  await db('case_documents').where('id', id).update({ pdf_sha256: sha256 });
}
