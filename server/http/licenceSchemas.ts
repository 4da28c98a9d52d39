import { z } from 'zod';
import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { LICENCE_STATES } from '../../workflows/licenceMachine';

extendZodWithOpenApi(z);

const reason = z.string().trim().min(1, 'say why: the holder and the verification page are told').max(500);
const decisionNo = z.string().trim().min(1).max(120).openapi({ description: '文号 of the decision behind the operation' });
const expectedRevision = z.number().int().min(1).optional().openapi({ description: 'the licence’s `revision` the screen showed; 409 VERSION_CONFLICT if it moved' });
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date, YYYY-MM-DD');

export const LicenceIdParam = z.string().trim().min(10).max(100).regex(/^[0-9A-Z.]+$/, 'an e-licence identifier, 1.2.156.3005.2.…');

/** One status operation on an e-licence (MOHURD operation codes in workflows/licenceMachine.ts). */
export const LicenceOperationBody = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('RENEW'), reason, expectedRevision }).strict(),
    z.object({ type: z.literal('AMEND'), reason, holderName: z.string().trim().min(1).max(200), expectedRevision }).strict(),
    z.object({ type: z.literal('SUSPEND'), reason, decisionNo, until: isoDate.optional(), expectedRevision }).strict(),
    z.object({ type: z.literal('RESTORE'), reason, expectedRevision }).strict(),
    z.object({ type: z.literal('CANCEL'), reason, expectedRevision }).strict(),
    z.object({ type: z.literal('REVOKE'), reason, decisionNo, expectedRevision }).strict(),
    z.object({ type: z.literal('WITHDRAW'), reason, decisionNo, expectedRevision }).strict(),
  ])
  .openapi('LicenceOperation');

export const IssuedLicencesQuery = z
  .object({
    q: z.string().trim().max(100).optional().openapi({ description: '证照编号 or holder name (part of), or a whole identifier' }),
    state: z.enum(LICENCE_STATES).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
