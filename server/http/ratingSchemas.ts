import { z } from 'zod';
import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { RATING_STAGES } from '../../workflows/ratingDesk';
import { RECTIFICATION_STATES } from '../../workflows/rectificationMachine';

extendZodWithOpenApi(z);

const score = (what: string) => z.number().int().min(1).max(5).openapi({ description: `${what}: 1 非常不满意, 2 不满意, 3 基本满意, 4 满意, 5 非常满意` });
const stage = z.enum(RATING_STAGES as [string, ...string[]]).openapi({ description: 'accept (once the case is accepted) or final (once it is closed)' });
const reason = z.string().trim().min(1, 'say what was done: the applicant and the supervisors read it').max(1000);
const expectedRevision = z.number().int().min(1).optional().openapi({ description: 'the task’s `revision` the screen showed; 409 VERSION_CONFLICT if it moved' });

export const NumericId = z.coerce.number().int().min(1).max(2_147_483_647);

/** 好差评: the online channel's indicators (国办发〔2019〕51号); 整体满意度 (`overall`) is the rating. */
export const RateCaseBody = z
  .object({
    stage,
    overall: score('整体满意度'),
    efficiency: score('办事效率'),
    guideAccuracy: score('办事指南精确度'),
    convenience: score('办事便捷度'),
    usability: score('平台操作性'),
    comment: z.string().trim().max(500).optional(),
    anonymous: z.boolean().optional().openapi({ description: 'hide who rated from the desk: a bad anonymous rating is rectified without a call back' }),
  })
  .strict()
  .openapi('RateCase');

/** The applicant's rating of a rectification's outcome. */
export const RateRectificationBody = z.object({ stage, score: score('对整改结果的评价'), comment: z.string().trim().max(500).optional() }).strict().openapi('RateRectification');

export const RectificationActionBody = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('VERIFY'), reason, expectedRevision }).strict(),
    z.object({ type: z.literal('CALL_BACK'), reason, reached: z.boolean().openapi({ description: 'whether the applicant was reached (回访)' }), expectedRevision }).strict(),
    z.object({ type: z.literal('FIX'), reason, expectedRevision }).strict(),
    z.object({ type: z.literal('EXPLAIN'), reason, expectedRevision }).strict(),
    z.object({ type: z.literal('APPEAL'), reason, expectedRevision }).strict(),
    z.object({ type: z.literal('UPHOLD_APPEAL'), reason, expectedRevision }).strict(),
    z.object({ type: z.literal('REJECT_APPEAL'), reason, expectedRevision }).strict(),
  ])
  .openapi('RectificationAction');

export const RectificationsQuery = z
  .object({
    state: z.enum(RECTIFICATION_STATES).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();

export const RatingSupervisionQuery = z.object({ scope: z.string().regex(/^\d{12}$/).optional() }).strict();

export const MonthlyQuery = z
  .object({
    month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM').optional(),
    department: z.string().trim().min(1).max(64).optional(),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();
