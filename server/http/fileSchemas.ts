import { z } from 'zod';
import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { MATERIAL_VERDICTS } from '../../workflows/caseEvents';

extendZodWithOpenApi(z);

const material = z.string().trim().min(1).max(100).openapi({ description: 'the material’s name, as the item’s guide or the 补正 notice names it' });
const expectedVersion = z.coerce.number().int().min(1).optional();

/** The text fields of a multipart upload (the file itself is the part `file`). */
export const UploadFields = z.object({ material, expectedVersion }).strict().openapi('UploadFields');

/** Attach by reference: a file the platform already holds for this applicant account (716号令 Art. 7). */
export const ReferenceBody = z
  .object({ material, fromFile: z.string().regex(/^[A-Za-z0-9_-]{8,32}$/, 'a file id from GET /api/me/files'), expectedVersion })
  .strict()
  .openapi('AttachByReference');

export const MarkBody = z
  .object({
    material,
    verdict: z.enum(MATERIAL_VERDICTS).openapi({ description: 'ok = 合格; bad = 不合格 (give the reason: it goes into the 补正 notice)' }),
    reason: z.string().trim().max(500).optional(),
    expectedVersion: z.number().int().min(1).optional(),
  })
  .strict()
  .refine((b) => b.verdict === 'ok' || !!b.reason, { message: 'say why the material is 不合格', path: ['reason'] })
  .openapi('MaterialMark');

export const FileIdParam = z.string().regex(/^[A-Za-z0-9_-]{8,32}$/, 'a file id');

export const FileContentQuery = z
  .object({
    t: z.string().min(10).max(2000).openapi({ description: 'the short-lived link token from the files list' }),
    disposition: z.enum(['inline', 'attachment']).default('attachment'),
  })
  .strict();
