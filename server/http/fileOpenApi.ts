import { z } from 'zod';
import * as F from './fileSchemas';
import type { Operation } from './openapi';
import * as S from './schemas';

const caseNo = z.object({ caseNo: S.CaseNoParam });
const FILES_BODY = 'materials with their verdicts and files: { caseNo, version, state, linksExpireInSeconds, materials: [{ name, required, verdict, reason, files: [{ id, material, name, size, mediaType, sha256, source, referencedFrom, uploadedBy, uploadedAt, seq, previewUrl, downloadUrl }] }] }';

/** The operations of material files (issue 11, part 1). */
export const FILE_OPERATIONS: Operation[] = [
  {
    operationId: 'attachCaseFile',
    method: 'post',
    path: '/api/cases/{caseNo}/files',
    summary:
      'Add a material file to a case: multipart `material` + `file` (PDF, JPEG, PNG or OFD, judged by content), or JSON `{ material, fromFile }` to attach by reference a file the platform holds for this applicant account. The applicant while the case awaits acceptance or 补正; the desk at the current step (counter scans). Policy and state are checked before the upload is read',
    access: 'case',
    request: {
      params: caseNo,
      body: {
        content: {
          'multipart/form-data': { schema: F.UploadFields.extend({ file: z.string().openapi({ format: 'binary' }) }) },
          'application/json': { schema: F.ReferenceBody },
        },
      },
    },
    ok: [201, '{ file, version, seq }'],
    errors: [403, 404, 422, 429],
    more: {
      409: 'INVALID_TRANSITION (the case takes no files now) or VERSION_CONFLICT',
      413: 'FILE_TOO_LARGE (over FILE_MAX_MB) or CASE_FILES_LIMIT (over CASE_FILES_MAX_MB or CASE_FILES_MAX_COUNT)',
      415: 'FILE_TYPE_NOT_ALLOWED: details.detected says what the file is',
    },
  },
  { operationId: 'listCaseFiles', method: 'get', path: '/api/cases/{caseNo}/files', summary: 'A case’s materials, each with the accepting desk’s verdict and its files; each file has short-lived `previewUrl` (PDF and images, inline) and `downloadUrl` (attachment) links', access: 'case', request: { params: caseNo }, ok: [200, FILES_BODY], errors: [403, 404, 429] },
  {
    operationId: 'markMaterial',
    method: 'post',
    path: '/api/cases/{caseNo}/materials/marks',
    summary: '合格 / 不合格 for one material, by the desk at the acceptance step; REQUEST_MATERIALS then lists every 不合格 material with its reason (一次性告知)',
    access: 'case',
    request: { params: caseNo, body: { content: { 'application/json': { schema: F.MarkBody } } } },
    ok: [200, FILES_BODY],
    errors: [403, 404, 413, 415, 422, 429],
    more: { 409: 'INVALID_TRANSITION or VERSION_CONFLICT' },
  },
  { operationId: 'listFileViews', method: 'get', path: '/api/cases/{caseNo}/file-views', summary: '谁看过我的材料: every opening of the case’s files, newest first (viewer role, name, level, department, jurisdiction; inline preview or download; time)', access: 'case', request: { params: caseNo }, ok: [200, '{ caseNo, views }'], errors: [403, 404, 429] },
  { operationId: 'listMyFiles', method: 'get', path: '/api/me/files', summary: 'The files the platform holds for this applicant account (from its cases), to attach by reference instead of uploading again (716号令 Art. 7)', access: 'staff', ok: [200, '{ files }'], errors: [403] },
  {
    operationId: 'getFileContent',
    method: 'get',
    path: '/api/files/{fileId}/content',
    summary: 'A file’s bytes through a short-lived link from the files list (no header needed: the link names file and viewer); logged as a view. `disposition=inline` previews PDF and images; everything else is an attachment with nosniff',
    access: 'public',
    request: { params: z.object({ fileId: F.FileIdParam }), query: F.FileContentQuery },
    ok: [200, 'the file'],
    more: { 410: 'FILE_LINK_EXPIRED: expired, tampered with, for another file, or the viewer may no longer see the case', 500: 'FILE_CONTENT_UNAVAILABLE' },
  },
];

const LICENCE_BODY = 'the e-licence: { id (GB/T 36904), licenceNo, name, type, version, status { code, zh, en }, holder { name, code, codeType }, issuer, definer, issuedOn, validity, jurisdictionCode, item, previousLicenceId, pdf { sha256, size }, verifyUrl }';

/** The operations of e-licences (issue 11, part 3) and official documents (part 2). */
export const LICENCE_OPERATIONS: Operation[] = [
  { operationId: 'listCaseDocuments', method: 'get', path: '/api/cases/{caseNo}/documents', summary: 'The official documents of a case, each written in the transaction of the step that requires it: 收件回执 (filing), 受理通知书, 补正材料通知书, 不予受理通知书, 不予许可决定书, 准予许可决定书, 送达回证: `{ caseNo, documents: [{ id, kind, title, docNo, issuedOn, seq, pdfUrl }] }`', access: 'case', request: { params: caseNo }, ok: [200, '{ caseNo, documents }'], errors: [403, 404, 429] },
  { operationId: 'getCaseDocumentPdf', method: 'get', path: '/api/cases/{caseNo}/documents/{docId}/pdf', summary: 'One document as a signed PDF (Noto Serif SC embedded, the issuing body’s seal, 文号, date); the applicant’s own receipt, opened with the query code, carries that code', access: 'case', request: { params: caseNo.extend({ docId: z.string() }) }, ok: [200, 'application/pdf'], errors: [403, 404, 429] },
  { operationId: 'verifyLicence', method: 'get', path: '/api/licences/verify', summary: 'Is this e-licence genuine, and what is its status now? What a licence’s QR code opens. `{ genuine, code, status, name, licenceNo, holder (a person’s name and ID masked), issuer, issuedOn, validity, item }`, or `{ genuine: false, reason: MALFORMED_CODE | UNKNOWN_CODE | SIGNATURE_INVALID }`', access: 'public', request: { query: z.object({ code: z.string().openapi({ description: 'the identifier, 1.2.156.3005.2.…' }) }) }, ok: [200, 'the verdict'] },
  { operationId: 'verifyLicenceFile', method: 'post', path: '/api/licences/verify-file', summary: 'Is this PDF, every byte of it, an e-licence as issued? `{ genuine, signature { valid, keyId, reason }, sha256, licence }`', access: 'public', request: { body: { content: { 'multipart/form-data': { schema: z.object({ file: z.string().openapi({ format: 'binary' }) }) } } } }, ok: [200, 'the verdict'], errors: [413, 422] },
  { operationId: 'getLicenceSigningKeys', method: 'get', path: '/.well-known/licence-signing-keys.json', summary: 'The Ed25519 public keys e-licences are signed with (JWK with `kid`, and PEM), for offline checks: `npm run verify-licence -- FILE.pdf --key KEY.pem`', access: 'public', ok: [200, '{ keys }'], bare: true, errors: [400] },
  { operationId: 'listMyLicences', method: 'get', path: '/api/me/licences', summary: 'The e-licences issued to this applicant account, newest first', access: 'staff', ok: [200, '{ licences }'], errors: [403] },
  { operationId: 'getCaseLicence', method: 'get', path: '/api/cases/{caseNo}/licence', summary: 'The e-licence of an issued case (404 NOT_FOUND before ISSUE)', access: 'case', request: { params: caseNo }, ok: [200, LICENCE_BODY], errors: [403, 404, 429] },
  { operationId: 'getCaseLicencePdf', method: 'get', path: '/api/cases/{caseNo}/licence.pdf', summary: 'The signed PDF of the case’s e-licence (Noto Serif SC embedded, the issuer’s seal, a QR code to the verification page; the last line is an Ed25519 signature over every byte before it)', access: 'case', request: { params: caseNo }, ok: [200, 'application/pdf'], errors: [403, 404, 429], more: { 500: 'FILE_CONTENT_UNAVAILABLE' } },
];
