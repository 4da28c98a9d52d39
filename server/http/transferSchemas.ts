import { z } from 'zod';
import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { FUNCTION_CATEGORIES, ORG_KINDS, SERVICE_CATEGORIES, TRANSFER_MODES } from '../../workflows/transferKinds';
import { ORG_STATES } from '../../workflows/transferEvaluation';

extendZodWithOpenApi(z);

const page = z.coerce.number().int().min(1).default(1);
const pageSize = z.coerce.number().int().min(1).max(100).default(20);
const q = z.string().trim().min(1).max(100).optional().openapi({ description: 'words in the name (and the unit’s or organisation’s name)' });
const unit = z.string().regex(/^ZY\d{3}$/).optional().openapi({ description: 'a transferring unit’s code (GET /api/transfers/units)' });
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');

export const FunctionListQuery = z.object({ unit, category: z.enum(FUNCTION_CATEGORIES).optional(), mode: z.enum(TRANSFER_MODES).optional(), q, page, pageSize });
export const ServiceListQuery = z.object({ unit, category: z.enum(SERVICE_CATEGORIES).optional(), q, page, pageSize });
export const AgreementListQuery = z.object({ unit, organisation: z.coerce.number().int().min(1).optional(), q, page, pageSize });
export const OrgListQuery = z.object({ kind: z.enum(ORG_KINDS).optional(), state: z.enum(ORG_STATES).optional(), q, page, pageSize });
export const OrgIdParam = z.coerce.number().int().min(1).max(2_147_483_647);

export const AgreementBody = z
  .object({
    agreementNo: z.string().trim().min(3).max(32).openapi({ description: 'the number on the signed agreement (协议编号)' }),
    unitCode: z.string().regex(/^ZY\d{3}$/).openapi({ description: 'the transferring unit (甲方)' }),
    functionCode: z.string().trim().min(1).max(16).openapi({ description: 'the function transferred, one of the unit’s' }),
    organisationId: z.number().int().min(1).openapi({ description: 'the receiving organisation (乙方), in the qualified directory' }),
    signedOn: date,
    termFrom: date,
    termTo: date,
    amountYuan: z.number().int().min(0).max(100_000_000).openapi({ description: 'the money of the agreement, in yuan' }),
    deliverables: z.array(z.string().trim().min(1).max(200)).min(1).max(20).openapi({ description: 'what the organisation delivers' }),
  })
  .strict()
  .refine((b) => b.termFrom <= b.termTo, { message: 'the term ends after it starts', path: ['termTo'] })
  .openapi('TransferAgreement');

export const EvaluationBody = z
  .object({
    year: z.number().int().min(2013).max(2100),
    score: z.number().int().min(0).max(100).openapi({ description: 'the year’s score, 0–100; the grade and consequence follow from it (docs/transfers.md)' }),
    notes: z.string().trim().max(1000).default(''),
    expectedVersion: z.number().int().min(1).optional(),
  })
  .strict()
  .openapi('TransferEvaluation');
