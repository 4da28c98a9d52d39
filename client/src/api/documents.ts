/**
 * The official documents of a case (办件文书, issue 11): 收件回执, 受理通知书,
 * 补正材料通知书, the decisions, 送达回证, each a signed PDF. The kind comes
 * from the server's repository (a type-only import); the list's shape is the
 * route's own (server/routes/caseDocuments.ts).
 */
import type { DocumentKind } from '../../../db/repositories/documents/caseDocuments';
import { downloadFile } from './download';
import { api } from './http';

export type { DocumentKind };

export interface CaseDocument {
  id: number;
  kind: DocumentKind;
  title: string;
  /** 文号, e.g. 鹿城区市场监管〔2026〕…号. */
  docNo: string;
  issuedOn: string;
  /** The event of the case it belongs to. */
  seq: number;
  pdfUrl: string;
}

type Who = { queryCode?: string | null };

export function listCaseDocuments(caseNo: string, who: Who = {}): Promise<CaseDocument[]> {
  const opts = who.queryCode ? { queryCode: who.queryCode } : {};
  return api<{ caseNo: string; documents: CaseDocument[] }>('GET', `/api/cases/${encodeURIComponent(caseNo)}/documents`, opts).then((r) => r.documents);
}

/** Saves a document's signed PDF (an applicant's own receipt carries the query code it was opened with). */
export function downloadDocument(caseNo: string, doc: CaseDocument, who: Who = {}): Promise<void> {
  return downloadFile(doc.pdfUrl, `${doc.title}-${caseNo}.pdf`, who);
}
