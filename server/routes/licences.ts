import { Router, type Request, type Response } from 'express';
import multer from 'multer';
import { z } from 'zod';
import { findELicenceOfCase, listELicencesOfHolder } from '../../db/repositories/licences/eLicences';
import { chinaDate } from '../../workflows/calendar';
import { isValidLicenceId } from '../../workflows/licenceIdentifier';
import type { AppContext } from '../context';
import { keyRing } from '../documents/signing';
import { verifiableByCode } from '../documents/verifiable';
import { verifyLicenceFile } from '../documents/verifyLicence';
import { AppError, badRequest, notFound } from '../errors';
import { sha256Of } from '../files/blobStore';
import { requireUser } from '../http/auth';
import { parseQuery } from '../http/validate';
import { personalDataView } from '../policies/cases';
import { licencePdf } from '../licences/licencePdf';
import { presentLicence } from '../presenters/licences';
import { resolveCaseAccess } from './cases';

export const VerifyQuery = z.object({ code: z.string().trim().min(1).max(120) }).strict();

const MB = 1024 * 1024;

/** E-licences: the public check (by code, or of a downloaded PDF), the holder's list, the signed PDF, the public keys. */
export function licencesRouter(ctx: AppContext): Router {
  const r = Router();
  const keys = () => keyRing([ctx.signingKey.publicKey]);
  // Genuine: the stored data is what was signed, and the signature holds (e-licences and e-certificates alike).
  const lookUp = (code: string) => verifiableByCode(ctx.db.knex, keys(), code, chinaDate(ctx.now()));
  const readPdf = multer({ storage: multer.memoryStorage(), limits: { fileSize: 20 * MB, files: 1, fields: 0 } }).single('file');

  // What the QR code opens: genuine or not, the status now, the holder masked.
  r.get('/api/licences/verify', async (req, res) => {
    const { code } = parseQuery(VerifyQuery, req.query);
    if (!isValidLicenceId(code)) {
      res.json({ genuine: false, code, reason: 'MALFORMED_CODE', message: 'This is not an e-licence identifier (GB/T 36904: its check character or shape is wrong)' });
      return;
    }
    const found = await lookUp(code);
    if (!found) {
      res.json({ genuine: false, code, reason: 'UNKNOWN_CODE', message: 'No e-licence or e-certificate with this identifier was issued here' });
      return;
    }
    res.json({
      ...found.view,
      ...(found.sound ? {} : { reason: 'SIGNATURE_INVALID', message: 'The record of this licence no longer matches its signature: do not rely on it; ask the issuer' }),
    });
  });

  // A PDF someone was handed: is every byte as the issuer signed it, and which licence does it say it is.
  r.post('/api/licences/verify-file', async (req: Request, res: Response) => {
    await new Promise<void>((resolve, reject) =>
      readPdf(req, res, (err?: unknown) =>
        err instanceof multer.MulterError && err.code === 'LIMIT_FILE_SIZE'
          ? reject(new AppError('FILE_TOO_LARGE', 413, 'A licence PDF is far smaller than 20 MB; this is not one'))
          : err
            ? reject(badRequest('Send the PDF as the multipart field `file`'))
            : resolve(),
      ),
    );
    if (!req.file) throw new AppError('FILE_MISSING', 422, 'No file was sent: attach the PDF as the multipart field `file`', { field: 'file' });
    const check = await verifyLicenceFile(req.file.buffer, keys());
    const found = check.valid && check.licenceId ? await lookUp(check.licenceId) : undefined;
    // A genuine file of a licence whose record was changed behind its signature is not vouched for either.
    const sound = found?.sound ?? false;
    res.json({
      genuine: check.valid && sound,
      signature: { valid: check.valid, code: check.code ?? null, keyId: check.keyId, reason: check.reason ?? null },
      sha256: sha256Of(req.file.buffer),
      licence: found ? { ...found.view, ...(sound ? {} : { reason: 'SIGNATURE_INVALID' }) } : null,
    });
  });

  // The holder's licences in one place.
  r.get('/api/me/licences', async (_req, res) => {
    const user = requireUser(res, ['applicant']);
    res.json({ licences: (await listELicencesOfHolder(ctx.db.knex, user.id)).map((l) => presentLicence(l, true)) });
  });

  r.get('/api/cases/:caseNo/licence', async (req, res) => {
    const { actor, row } = await resolveCaseAccess(ctx, req, res);
    const l = await findELicenceOfCase(ctx.db.knex, row.id);
    if (!l) throw notFound('E-licence');
    res.json(presentLicence(l, personalDataView(actor, row) !== 'masked'));
  });

  r.get('/api/cases/:caseNo/licence.pdf', async (req, res) => {
    const { row } = await resolveCaseAccess(ctx, req, res);
    const l = await findELicenceOfCase(ctx.db.knex, row.id);
    if (!l) throw notFound('E-licence');
    const pdf = await licencePdf(ctx, ctx.db.knex, l);
    res.set({
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="e-licence.pdf"; filename*=UTF-8''${encodeURIComponent(`${l.name}-${l.licenceNo}.pdf`)}`,
      'Cache-Control': 'private, no-store',
    });
    res.end(pdf);
  });

  // The public keys licences are signed with, for anyone's offline check (npm run verify-licence -- --key).
  r.get('/.well-known/licence-signing-keys.json', (_req, res) => {
    const k = ctx.signingKey;
    res.json({ keys: [{ ...(k.publicKey.export({ format: 'jwk' }) as object), kid: k.keyId, alg: 'EdDSA', use: 'sig', pem: k.publicKey.export({ format: 'pem', type: 'spki' }).toString() }] });
  });

  return r;
}
