/**
 * E-licences (电子证照, issue 11): a case's licence and its PDF, the holder's
 * list, and the public checks by code and by file. Shapes come from the
 * server's presenters (type-only imports: nothing of the server is bundled).
 */
import type { presentLicence, presentVerification } from '../../../server/presenters/licences';
import type { CertificateCheck } from './certificates';
import { downloadFile } from './download';
import { api, qs } from './http';

export type LicenceView = ReturnType<typeof presentLicence>;
/** A licence as the public check shows it: the holder masked. */
export type LicenceCheck = ReturnType<typeof presentVerification>;
export type LicenceStatus = LicenceView['status'];

/** Why a code could not be verified. */
export type RefusalReason = 'MALFORMED_CODE' | 'UNKNOWN_CODE' | 'SIGNATURE_INVALID';

/** What `GET /api/licences/verify` answers: the licence (genuine or its data no longer signed), or no licence at all. */
export type CodeVerdict =
  | (LicenceCheck & { reason?: 'SIGNATURE_INVALID' })
  | (CertificateCheck & { reason?: 'SIGNATURE_INVALID' })
  | { genuine: false; code: string; reason: 'MALFORMED_CODE' | 'UNKNOWN_CODE'; message: string; kind?: undefined };

/** What `POST /api/licences/verify-file` answers. */
export interface FileVerdict {
  genuine: boolean;
  signature: { valid: boolean; code: 'UNSIGNED' | 'NOT_AFTER_EOF' | 'UNKNOWN_KEY' | 'MISMATCH' | null; keyId: string | null; reason: string | null };
  sha256: string;
  licence: LicenceCheck | CertificateCheck | null;
}

type Who = { queryCode?: string | null };
const opts = (who: Who) => (who.queryCode ? { queryCode: who.queryCode } : {});
const base = (caseNo: string) => `/api/cases/${encodeURIComponent(caseNo)}`;

export function getCaseLicence(caseNo: string, who: Who = {}): Promise<LicenceView> {
  return api<LicenceView>('GET', `${base(caseNo)}/licence`, opts(who));
}

/** Saves the signed PDF of the case's e-licence. */
export function downloadLicencePdf(caseNo: string, who: Who = {}): Promise<void> {
  return downloadFile(`${base(caseNo)}/licence.pdf`, `e-licence-${caseNo}.pdf`, who);
}

export function listMyLicences(): Promise<LicenceView[]> {
  return api<{ licences: LicenceView[] }>('GET', '/api/me/licences').then((r) => r.licences);
}

export function verifyCode(code: string): Promise<CodeVerdict> {
  return api<CodeVerdict>('GET', `/api/licences/verify${qs({ code })}`);
}

export function verifyFile(file: File): Promise<FileVerdict> {
  const form = new FormData();
  form.append('file', file, file.name);
  return api<FileVerdict>('POST', '/api/licences/verify-file', { form });
}

/** The page a licence's QR code opens. */
export const verifyPath = (code: string) => `/verify${qs({ code })}`;
