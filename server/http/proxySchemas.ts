import { z } from 'zod';
import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { PROJECT_CODE_PATTERN } from '../../workflows/projectCode';

extendZodWithOpenApi(z);

export const ProxyOrderNoParam = z.string().regex(/^PX\d{8}-\d{6}$/);

const projectCode = z.string().regex(PROJECT_CODE_PATTERN, 'a 24-character project code YYYY-AAAAAA-II-TT-NNNNNN');
const phone = z.string().trim().regex(/^[0-9+\-\s]{7,20}$/, 'a phone number');

/** What the entrustment (委托书) is generated from. */
export const EntrustmentQuery = z.object({
  projectCode: projectCode.optional(),
  scope: z.enum(['full', 'stage']).default('full'),
  stage: z.coerce.number().int().min(1).max(4).optional(),
  jurisdictionCode: z.string().regex(/^\d{12}$/).optional(),
  request: z.string().trim().max(1000).default(''),
});

/** Asking for free proxy service and signing the entrustment. */
export const ProxyRequestBody = z
  .object({
    projectCode: projectCode.optional().openapi({ description: 'the project served (one of the owner’s); none for a project not yet registered' }),
    scope: z.enum(['full', 'stage']).openapi({ description: 'full: 全程代办 (every stage); stage: one stage (环节帮办)' }),
    stage: z.number().int().min(1).max(4).optional(),
    jurisdictionCode: z.string().regex(/^\d{12}$/).optional().openapi({ description: 'without a project: where the project is; by default the account’s' }),
    request: z.string().trim().min(2).max(1000).openapi({ description: 'what the owner asks the agent to do' }),
    ownerPhone: phone,
    signature: z
      .object({
        name: z.string().trim().min(2).max(64).openapi({ description: 'the signer types their name (a recorded e-signature)' }),
        consent: z.literal(true).openapi({ description: 'the owner ticked consent to the entrustment shown' }),
        textSha256: z.string().regex(/^[0-9a-f]{64}$/).openapi({ description: 'SHA-256 of the entrustment text shown (GET /api/proxy-orders/entrustment)' }),
      })
      .strict(),
  })
  .strict()
  .refine((b) => b.scope === 'full' || b.stage !== undefined, { message: 'a stage order names its stage', path: ['stage'] })
  .openapi('ProxyRequest');

const reason = z.string().trim().min(1).max(1000);
const version = z.number().int().min(1).optional();

export const DispatchBody = z.object({ agentId: z.number().int().min(1).optional().openapi({ description: 'the agent chosen (a candidate); without it the rule picks' }), expectedVersion: version }).strict();
export const PlainBody = z.object({ expectedVersion: version }).strict();
export const ReasonBody = z.object({ reason, expectedVersion: version }).strict();
export const OptionalReasonBody = z.object({ reason: reason.optional(), expectedVersion: version }).strict();
export const CompleteBody = z.object({ reason: reason.openapi({ description: '办结单: what was done' }), results: z.string().trim().min(1).max(1000).openapi({ description: 'the results handed back to the owner' }), expectedVersion: version }).strict();
export const RenewBody = z.object({ reason: reason.openapi({ description: '续办委托: the new scope' }), days: z.number().int().min(1).max(365).openapi({ description: 'the new term: calendar days from today' }), expectedVersion: version }).strict();
export const RateBody = z.object({ rating: z.number().int().min(1).max(5), comment: z.string().trim().max(500).optional(), expectedVersion: version }).strict();

export const ProxyListQuery = z.object({
  state: z.string().regex(/^[a-z_]+(,[a-z_]+)*$/).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  view: z.enum(['mine', 'pool']).optional().openapi({ description: 'agents: mine (default) or pool (claimable in the area)' }),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const AgentListQuery = z.object({
  jurisdiction: z.string().regex(/^\d{12}$/).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
