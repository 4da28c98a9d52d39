import type { presentCertificateFile } from '../../../server/certificates/certificateFiles';
/**
 * The material files of a case (issue 11): list, upload, attach by
 * reference, 合格/不合格 marks, and who opened them. Shapes come from the
 * server's presenters (type-only imports: nothing of the server is bundled).
 */
import type { presentCaseFiles, presentFile, presentFileView } from '../../../server/presenters/files';
import type { MaterialVerdict } from '../../../workflows/caseEvents';
import { api } from './http';

export type { MaterialVerdict };
export type FileView = ReturnType<typeof presentFile>;
export type CaseFiles = ReturnType<typeof presentCaseFiles>;
export type MaterialEntry = CaseFiles['materials'][number];
export type FileOpening = ReturnType<typeof presentFileView>;
/** What the platform holds for the account: its cases' files, and the e-certificates it was issued (`source: 'certificate'`). */
export type MyFile = (FileView & { caseNo: string }) | ReturnType<typeof presentCertificateFile>;

/** Who is asking: an applicant without an account sends the case's query code; everyone else their token (sent by `api`). */
type Who = { queryCode?: string | null };
const opts = (who: Who) => (who.queryCode ? { queryCode: who.queryCode } : {});
const base = (caseNo: string) => `/api/cases/${encodeURIComponent(caseNo)}`;

/** What the file picker offers: the types the server takes (it checks the content, not this). */
export const ACCEPT_FILES = 'application/pdf,image/jpeg,image/png,.ofd';

export function listCaseFiles(caseNo: string, who: Who = {}): Promise<CaseFiles> {
  return api<CaseFiles>('GET', `${base(caseNo)}/files`, opts(who));
}

/** Sends one file for one material (multipart: the fields `material` and `file`). */
export function uploadCaseFile(caseNo: string, material: string, file: File, who: Who = {}) {
  const form = new FormData();
  form.append('material', material);
  form.append('file', file, file.name);
  return api<{ file: FileView; version: number; seq: number }>('POST', `${base(caseNo)}/files`, { ...opts(who), form });
}

/** Attaches a file the platform already holds for this applicant account (GET /api/me/files). */
export function attachByReference(caseNo: string, material: string, fromFile: string) {
  return api<{ file: FileView; version: number; seq: number }>('POST', `${base(caseNo)}/files`, { body: { material, fromFile } });
}

export function markMaterial(caseNo: string, mark: { material: string; verdict: MaterialVerdict; reason?: string; expectedVersion?: number }): Promise<CaseFiles> {
  return api<CaseFiles>('POST', `${base(caseNo)}/materials/marks`, { body: mark });
}

export function listFileOpenings(caseNo: string, who: Who = {}): Promise<FileOpening[]> {
  return api<{ views: FileOpening[] }>('GET', `${base(caseNo)}/file-views`, opts(who)).then((r) => r.views);
}

export function listMyFiles(): Promise<MyFile[]> {
  return api<{ files: MyFile[] }>('GET', '/api/me/files').then((r) => r.files);
}
