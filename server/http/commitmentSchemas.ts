import { z } from 'zod';
import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { POST_CHECK_STATES } from '../../workflows/postCheckMachine';

extendZodWithOpenApi(z);

const reason = z.string().trim().min(1, 'say what was checked: the applicant is told').max(1000);
const expectedRevision = z.number().int().min(1).optional().openapi({ description: 'the task’s `revision` the screen showed; 409 VERSION_CONFLICT if it moved' });

export const NumericId = z.coerce.number().int().min(1).max(2_147_483_647);

/** The outcome of a post-check (核查): the commitment held, or it was false (a decision with its 文号, and a credit record). */
export const PostCheckActionBody = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('CONFIRM'), reason, expectedRevision }).strict(),
    z.object({ type: z.literal('FIND_FALSE'), reason, decisionNo: z.string().trim().min(1).max(120).openapi({ description: '文号 of the decision on the false commitment' }), expectedRevision }).strict(),
  ])
  .openapi('PostCheckAction');

export const PostChecksQuery = z
  .object({
    state: z.enum(POST_CHECK_STATES).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();

export const CreditRecordsQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }).strict();

export const RepairCreditBody = z
  .object({ reason: z.string().trim().min(1, 'say why the record is repaired (信用修复)').max(1000) })
  .strict()
  .openapi('RepairCredit');
