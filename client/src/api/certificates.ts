/**
 * Online certificates (网上证明, issue 11 part 4): the catalogue, an applicant's
 * requests, a centre's queue, the actions, the signed PDF. Shapes come from
 * the server's presenters and schemas (type-only imports).
 */
import type { z } from 'zod';
import type { CertificateActionBody } from '../../../server/http/certificateSchemas';
import type { presentCertificateEvent, presentCertificateKind, presentCertificateRequest, presentCertificateVerification } from '../../../server/presenters/certificates';
import type { CertificateActionType, CertificateState } from '../../../workflows/certificateMachine';
import { downloadFile } from './download';
import { api, qs } from './http';

export type { CertificateActionType, CertificateState };
export type CertificateKindView = ReturnType<typeof presentCertificateKind>;
export type CertificateView = ReturnType<typeof presentCertificateRequest>;
export type CertificateEventView = ReturnType<typeof presentCertificateEvent>;
/** An e-certificate as the public check shows it: the holder masked. */
export type CertificateCheck = ReturnType<typeof presentCertificateVerification>;
export type CertificateActionInput = z.infer<typeof CertificateActionBody>;

export interface CertificateDetail {
  certificate: CertificateView;
  actions: CertificateActionType[];
  history: CertificateEventView[];
}

export function listCertificateKinds(): Promise<CertificateKindView[]> {
  return api<{ kinds: CertificateKindView[] }>('GET', '/api/certificate-kinds').then((r) => r.kinds);
}

export function requestCertificate(body: { kindCode: string; villageCode: string; purpose: string }): Promise<{ certificate: CertificateView }> {
  return api('POST', '/api/certificates', { body });
}

export function listMyCertificates(): Promise<CertificateView[]> {
  return api<{ certificates: CertificateView[] }>('GET', '/api/me/certificates').then((r) => r.certificates);
}

export function listCertificateDesk(all: boolean): Promise<(CertificateView & { actions: CertificateActionType[] })[]> {
  return api<{ certificates: (CertificateView & { actions: CertificateActionType[] })[] }>('GET', `/api/desk/certificates${qs({ all })}`).then((r) => r.certificates);
}

export function getCertificate(id: number): Promise<CertificateDetail> {
  return api<CertificateDetail>('GET', `/api/certificates/${id}`);
}

export function actOnCertificate(id: number, body: CertificateActionInput): Promise<{ certificate: CertificateView; event: CertificateEventView }> {
  return api('POST', `/api/certificates/${id}/actions`, { body });
}

export function downloadCertificatePdf(c: CertificateView): Promise<void> {
  return downloadFile(`/api/certificates/${c.id}/pdf`, `e-certificate-${c.id}.pdf`);
}

/** The page of one request (its applicant's, the desks'). */
export const certificatePath = (id: number) => `/certificates/${id}`;
