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
