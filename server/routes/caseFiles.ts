import { Router, type Request, type Response } from 'express';
import multer from 'multer';
import { findCaseById } from '../../db/repositories/cases';
import { findCaseFile, listCaseFiles, listFilesOfApplicant } from '../../db/repositories/files/caseFiles';
import { insertFileView, listFileViews } from '../../db/repositories/files/fileViews';
import { findItemById } from '../../db/repositories/items';
import { findUserById } from '../../db/repositories/users';
import { dbTime } from '../../db/connection';
import type { Actor } from '../auth/actor';
import { attachFile, checkMayAttach } from '../commands/files/attachFile';
import { transitionCase } from '../commands/transitionCase';
import type { AppContext } from '../context';
import { AppError, badRequest, notFound } from '../errors';
import { sha256Of } from '../files/blobStore';
import { linkExpired, signFileLink, verifyFileLink } from '../files/fileLinks';
import { requireUser } from '../http/auth';
import { FileContentQuery, FileIdParam, MarkBody, ReferenceBody, UploadFields } from '../http/fileSchemas';
import { parseBody, parseQuery } from '../http/validate';
import { canViewCase } from '../policies/cases';
import { presentCaseFiles, presentFile, presentFileView, safeFileName, isPreviewable } from '../presenters/files';
import { resolveCaseAccess } from './cases';
import { certificateMaterialsOf, listCertificateFiles } from '../certificates/certificateFiles';

const MB = 1024 * 1024;

/** Reads one multipart part `file` into memory, never more than FILE_MAX_MB: past it the upload is cut off with 413. */
function uploadOf(ctx: AppContext) {
  const parse = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: ctx.config.FILE_MAX_MB * MB, files: 1, fields: 4, fieldSize: 1000, parts: 6 },
    // File names from phones are UTF-8 (张三身份证.jpg), which busboy would read as Latin-1.
    defParamCharset: 'utf8',
  } as multer.Options).single('file');
  return (req: Request, res: Response) =>
    new Promise<void>((resolve, reject) =>
      parse(req, res, (err?: unknown) => {
        if (!err) return resolve();
        if (err instanceof multer.MulterError) {
          if (err.code === 'LIMIT_FILE_SIZE') {
            return reject(new AppError('FILE_TOO_LARGE', 413, `A file may be at most ${ctx.config.FILE_MAX_MB} MB; nothing was stored`, { limitMb: ctx.config.FILE_MAX_MB }));
          }
          return reject(badRequest(`The upload is not one material: ${err.message} (send the fields material and file)`, { reason: err.code }));
        }
        reject(badRequest('The multipart body cannot be read'));
      }),
    );
}

export function caseFilesRouter(ctx: AppContext): Router {
  const r = Router();
  const upload = uploadOf(ctx);
  const ttl = ctx.config.FILE_LINK_TTL_SECONDS;
  const linkFor = (actor: Actor) => (fileId: string) => signFileLink(ctx.config.JWT_SECRET, fileId, actor, ttl);
  const itemOf = async (itemId: number) => {
    const item = await findItemById(ctx.db.knex, itemId);
    if (!item) throw notFound('Item version');
    return item;
  };

  r.post('/cases/:caseNo/files', async (req, res) => {
    const { actor, row } = await resolveCaseAccess(ctx, req, res);
    const item = await itemOf(row.itemId);
    const multipart = req.is('multipart/form-data');
    // Who may add a file here, and whether the case takes one now, before the upload is read.
    checkMayAttach(actor, row, item, multipart ? undefined : (req.body as { expectedVersion?: number } | undefined)?.expectedVersion);
    let props;
    if (multipart) {
      await upload(req, res);
      const fields = parseBody(UploadFields, { ...req.body });
      if (!req.file) throw new AppError('FILE_MISSING', 422, 'No file was sent: attach it as the multipart field `file`', { field: 'file' });
      props = { material: fields.material, expectedVersion: fields.expectedVersion, upload: { bytes: req.file.buffer, originalName: req.file.originalname } };
    } else {
      const body = parseBody(ReferenceBody, req.body);
      props = { material: body.material, expectedVersion: body.expectedVersion, fromFile: body.fromFile };
    }
    const { file, result } = await attachFile(ctx, { row, item, actor, ...props });
    res.status(201).json({ file: presentFile(file, linkFor(actor)), version: result.case.version, seq: result.event.seq });
  });

  r.get('/cases/:caseNo/files', async (req, res) => {
    const { actor, row } = await resolveCaseAccess(ctx, req, res);
    const item = await itemOf(row.itemId);
    res.json(presentCaseFiles(row, item, await listCaseFiles(ctx.db.knex, row.id), linkFor(actor), ttl, await certificateMaterialsOf(ctx.db.knex, item.code)));
  });

  // 合格 / 不合格 per material, by the desk accepting the case: the 补正 notice is built from these.
  r.post('/cases/:caseNo/materials/marks', async (req, res) => {
    const { actor, row } = await resolveCaseAccess(ctx, req, res);
    const { expectedVersion, ...mark } = parseBody(MarkBody, req.body);
    const result = await transitionCase(ctx, { caseNo: row.caseNo, actor, expectedVersion, action: { type: 'MARK_MATERIAL', ...mark } });
    const item = await itemOf(row.itemId);
    res.json(presentCaseFiles(result.case, item, await listCaseFiles(ctx.db.knex, row.id), linkFor(actor), ttl, await certificateMaterialsOf(ctx.db.knex, item.code)));
  });

  // 谁看过我的材料: every opening of the case's files.
  r.get('/cases/:caseNo/file-views', async (req, res) => {
    const { row } = await resolveCaseAccess(ctx, req, res);
    res.json({ caseNo: row.caseNo, views: (await listFileViews(ctx.db.knex, row.id)).map(presentFileView) });
  });

  // What the platform already holds for this applicant account, to attach by reference.
  r.get('/me/files', async (_req, res) => {
    const user = requireUser(res, ['applicant']);
    const actor: Actor = { kind: 'user', user };
    const files = await listFilesOfApplicant(ctx.db.knex, user.id);
    // The e-certificates the platform issued to the account come first: attached by reference, never asked for on paper.
    const certificates = await listCertificateFiles(ctx.db.knex, user.id);
    res.json({ files: [...certificates, ...files.map((f) => ({ ...presentFile(f, linkFor(actor)), caseNo: f.caseNo }))] });
  });

  r.get('/files/:fileId/content', async (req, res) => {
    const fileId = parseQuery(FileIdParam, req.params.fileId);
    const q = parseQuery(FileContentQuery, req.query);
    const claims = verifyFileLink(ctx.config.JWT_SECRET, q.t, fileId);
    const file = await findCaseFile(ctx.db.knex, fileId);
    const caseRow = file ? await findCaseById(ctx.db.knex, file.caseId) : undefined;
    if (!file || !caseRow) throw linkExpired();
    // The link is for whoever it was made for, as long as they may still see the case.
    const user = claims.u ? await findUserById(ctx.db.knex, claims.u) : undefined;
    const viewer: Actor | undefined = user?.active ? { kind: 'user', user } : claims.q ? { kind: 'queryCode', caseNo: claims.q } : undefined;
    if (!viewer || !canViewCase(viewer, caseRow)) throw linkExpired();
    const content = await ctx.blobs.get(file.sha256);
    // Never serve bytes other than those recorded: a damaged store answers 500, not a wrong document.
    if (!content || sha256Of(content) !== file.sha256) {
      ctx.log.error({ fileId, sha256: file.sha256, found: Boolean(content) }, 'file content missing or damaged in the store');
      throw new AppError('FILE_CONTENT_UNAVAILABLE', 500, 'The file’s content cannot be read from the store; the operator has been told');
    }
    const inline = q.disposition === 'inline' && isPreviewable(file.mediaType);
    await insertFileView(ctx.db.knex, {
      caseFileId: file.id,
      caseId: file.caseId,
      viewerUserId: user?.id ?? null,
      viewerRole: user?.role ?? 'applicant',
      viewerName: user?.displayName ?? '申请人',
      viewerLevel: user?.level ?? null,
      viewerDepartment: user?.department ?? null,
      viewerJurisdiction: user?.jurisdictionCode ?? null,
      disposition: inline ? 'inline' : 'attachment',
      viewedAt: dbTime(ctx.now()),
    });
    const name = safeFileName(file);
    res.set({
      'Content-Type': isPreviewable(file.mediaType) ? file.mediaType : 'application/octet-stream',
      'Content-Length': String(content.length),
      'Content-Disposition': `${inline ? 'inline' : 'attachment'}; filename="material.${name.split('.').pop()}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      'Cache-Control': 'private, no-store',
      // The web app previews a PDF in a frame of its own page; the file itself may load nothing and run nothing.
      'Content-Security-Policy': "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'",
      'X-Frame-Options': 'SAMEORIGIN',
      ETag: `"${file.sha256}"`,
    });
    res.end(content);
  });

  return r;
}
