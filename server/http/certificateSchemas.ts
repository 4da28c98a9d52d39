import { z } from 'zod';
import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';

extendZodWithOpenApi(z);

export const CertificateIdParam = z.coerce.number().int().min(1).max(2_000_000_000);

/** Asking a committee for a certificate. */
export const CertificateRequestBody = z
  .object({
    kindCode: z.string().trim().min(1).max(16).openapi({ description: 'a code from GET /api/certificate-kinds' }),
    villageCode: z.string().regex(/^\d{12}$/, 'a 12-digit area code').openapi({ description: 'the village (community) whose committee is asked' }),
    purpose: z.string().trim().min(1, 'say what the certificate is for').max(500),
    holder: z
      .object({ name: z.string().trim().min(1).max(100).optional(), idNumber: z.string().trim().max(18).optional() })
      .strict()
      .optional()
      .openapi({ description: 'whom it certifies; by default the account’s name and saved ID number' }),
  })
  .strict()
  .openapi('CertificateRequest');

/** What a clerk or the applicant does with a request. */
export const CertificateActionBody = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('FORWARD'), reason: z.string().trim().max(500).optional(), expectedRevision: z.number().int().min(1).optional() }).strict(),
    z.object({ type: z.literal('ISSUE'), reason: z.string().trim().max(500).optional(), expectedRevision: z.number().int().min(1).optional() }).strict(),
    z.object({ type: z.literal('REFUSE'), reason: z.string().trim().min(1, 'a refusal gives its reasons').max(500), expectedRevision: z.number().int().min(1).optional() }).strict(),
    z.object({ type: z.literal('WITHDRAW'), reason: z.string().trim().max(500).optional(), expectedRevision: z.number().int().min(1).optional() }).strict(),
  ])
  .openapi('CertificateAction');

export const CertificateDeskQuery = z
  .object({ all: z.enum(['true', 'false']).default('false').openapi({ description: 'true: every request of the centre, decided ones too; false: what waits for it' }) })
  .strict();
