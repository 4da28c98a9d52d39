import { z } from 'zod';
import * as C from './certificateSchemas';
import type { Operation } from './openapi';

const id = z.object({ id: C.CertificateIdParam });
const json = (schema: z.ZodType) => ({ content: { 'application/json': { schema } } });

/** Online certificates (网上证明, issue 11 part 4). */
export const CERTIFICATE_OPERATIONS: Operation[] = [
  { operationId: 'listCertificateKinds', method: 'get', path: '/api/certificate-kinds', summary: 'The certificates village committees and towns issue online: code, name, whether the town reviews too, legal basis, materials, days valid', access: 'public', ok: [200, '{ kinds }'] },
  {
    operationId: 'requestCertificate',
    method: 'post',
    path: '/api/certificates',
    summary: 'An applicant account asks its village (community) committee for a certificate; the request and its first event are written in one transaction and pushed (`certificate:updated`) to the applicant and the village centre',
    access: 'staff',
    request: { body: json(C.CertificateRequestBody) },
    ok: [201, '{ certificate, event }'],
    errors: [403, 413, 415, 422, 429],
    more: { 422: 'VALIDATION_FAILED, CERTIFICATE_KIND_UNKNOWN or NOT_ACCEPTED_HERE (not a village)' },
  },
  { operationId: 'listMyCertificates', method: 'get', path: '/api/me/certificates', summary: 'The applicant account’s certificate requests, newest first, each with its state and (once issued) its identifier and PDF link', access: 'staff', ok: [200, '{ certificates }'], errors: [403] },
  {
    operationId: 'getCertificate',
    method: 'get',
    path: '/api/certificates/{id}',
    summary: 'One request with its history and the actions the caller may take now: the applicant, the village centre’s clerks, the town centre’s once forwarded, supervisors above. The ID number in full only for the applicant and the desk handling it',
    access: 'staff',
    request: { params: id },
    ok: [200, '{ certificate, actions, history }'],
    errors: [404],
  },
  {
    operationId: 'actOnCertificate',
    method: 'post',
    path: '/api/certificates/{id}/actions',
    summary: 'FORWARD (village clerk, to the town, for a kind it reviews), ISSUE (the reviewing clerk: the signed e-certificate is written in the same transaction), REFUSE (with reasons), WITHDRAW (the applicant, before a decision)',
    access: 'staff',
    request: { params: id, body: json(C.CertificateActionBody) },
    ok: [200, '{ certificate, event }'],
    errors: [403, 404, 413, 415, 422, 429],
    more: { 409: 'INVALID_TRANSITION or VERSION_CONFLICT' },
  },
  { operationId: 'listCertificateDesk', method: 'get', path: '/api/desk/certificates', summary: 'A village or town centre clerk’s certificate queue: what waits for them (or `all=true`: every request of the centre)', access: 'staff', request: { query: C.CertificateDeskQuery }, ok: [200, '{ certificates }'], errors: [403] },
  {
    operationId: 'getCertificatePdf',
    method: 'get',
    path: '/api/certificates/{id}/pdf',
    summary: 'The signed PDF of an issued e-certificate (QR code to /verify; checked offline by `npm run verify-licence`), for the applicant and the desks that see it',
    access: 'staff',
    request: { params: id },
    ok: [200, 'the PDF'],
    errors: [404],
    more: { 409: 'CERTIFICATE_NOT_ISSUED' },
  },
];
