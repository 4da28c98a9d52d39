import { z } from 'zod';
import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';

extendZodWithOpenApi(z);

export const MarketIdParam = z.coerce.number().int().min(1).max(2_000_000_000);

const mark = z.number().int().min(1).max(5);

/** A rating: five marks 1–5 and a comment. Who rates (client, department, centre) follows from the caller. */
export const RateOrderBody = z
  .object({
    quality: mark.openapi({ description: '服务质量 1–5' }),
    timeliness: mark.openapi({ description: '服务时效 1–5' }),
    attitude: mark.openapi({ description: '服务态度 1–5' }),
    fees: mark.openapi({ description: '服务收费 1–5' }),
    conduct: mark.openapi({ description: '服务规范 1–5' }),
    comment: z.string().trim().max(1000).default(''),
  })
  .strict()
  .openapi('MarketRating');

export const ModerateRatingBody = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('APPROVE'), reason: z.string().trim().max(500).optional(), expectedRevision: z.number().int().min(1).optional() }).strict(),
    z.object({ type: z.literal('REJECT'), reason: z.string().trim().min(1, 'a rejection gives its reason').max(500), expectedRevision: z.number().int().min(1).optional() }).strict(),
  ])
  .openapi('MarketRatingModeration');

export const BadActBody = z
  .object({
    kind: z.enum(['late', 'false_result', 'overcharge', 'other']).openapi({ description: 'late: 无正当理由逾期; false_result: 虚假成果; overcharge: 超合同收费; other' }),
    orderId: z.number().int().min(1),
    reason: z.string().trim().min(1, 'say what happened').max(1000),
  })
  .strict()
  .openapi('MarketBadAct');

export const ComplaintBody = z.object({ reason: z.string().trim().min(1, 'say what the complaint is about').max(1000) }).strict().openapi('MarketComplaint');

export const CloseComplaintBody = z.object({ outcome: z.string().trim().min(1, 'the outcome the owner is told').max(1000), expectedRevision: z.number().int().min(1).optional() }).strict().openapi('MarketComplaintClosing');

const page = z.coerce.number().int().min(1).max(10_000).default(1);
const pageSize = z.coerce.number().int().min(1).max(100).default(20);

export const RankingsQuery = z.object({ serviceItem: z.string().trim().min(1).max(16).optional().openapi({ description: 'only agencies offering this service item' }), page, pageSize }).strict();

export const RatingsQuery = z.object({ status: z.enum(['pending', 'approved', 'rejected']).default('pending'), page, pageSize }).strict();

export const ComplaintsQuery = z.object({ state: z.enum(['open', 'closed']).optional() }).strict();

export const CreditRecordsQuery = z.object({ format: z.enum(['csv', 'json']).default('json') }).strict();
