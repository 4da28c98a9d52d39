import { z } from 'zod';
import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';

extendZodWithOpenApi(z);

export const OrderIdParam = z.coerce.number().int().min(1).max(2_000_000_000);

const instant = z.string().datetime({ offset: true, message: 'an ISO 8601 date and time, e.g. 2026-12-10T17:00:00+08:00' });
const yuan = z.number().int().min(0).max(1_000_000_000);

/** Posting a purchase announcement (采购公告). */
export const OrderPostBody = z
  .object({
    serviceItemCode: z.string().trim().min(1).max(16).openapi({ description: 'a code from GET /api/market/service-items' }),
    title: z.string().trim().min(2).max(200),
    content: z.string().trim().min(2).max(2000).openapi({ description: '服务内容: what the agency is to do' }),
    budgetMin: yuan.openapi({ description: 'lowest price of the band, yuan' }),
    budgetMax: yuan.openapi({ description: 'highest price of the band, yuan; a contract may not exceed it' }),
    method: z.enum(['direct', 'random', 'bidding']).openapi({ description: 'direct: the owner chooses; random: a verifiable draw; bidding: sealed quotes, lowest valid wins' }),
    requiredQualification: z.string().trim().min(1).max(100).optional().openapi({ description: 'by default the service item’s' }),
    requiredLevel: z.string().trim().min(1).max(16).optional().openapi({ description: '甲级, 乙级, 丙级 …: that level or a higher one' }),
    signupDeadline: instant,
    selectionAt: instant.openapi({ description: 'when the system draws or opens the quotes; not before the sign-up deadline' }),
    serviceDays: z.number().int().min(1).max(365).openapi({ description: 'working days from the contract’s confirmation' }),
    avoidedAgencies: z.array(z.number().int().min(1)).max(50).default([]).openapi({ description: '回避: agencies that may not sign up (conflicts of interest)' }),
    avoidReason: z.string().trim().max(500).optional(),
    ownerKind: z.enum(['person', 'legal_person']).optional().openapi({ description: 'an applicant posts as a person (default) or for a legal person' }),
    ownerName: z.string().trim().min(1).max(200).optional(),
    jurisdictionCode: z.string().regex(/^\d{12}$/).optional().openapi({ description: 'the area served; by default the account’s' }),
    caseNo: z.string().trim().min(1).max(32).optional().openapi({ description: 'the approval case the service is for (its applicant must be the owner)' }),
  })
  .strict()
  .refine((b) => b.budgetMin <= b.budgetMax, { message: 'budgetMin may not exceed budgetMax', path: ['budgetMin'] })
  .refine((b) => Date.parse(b.selectionAt) >= Date.parse(b.signupDeadline), { message: 'selectionAt comes at or after signupDeadline', path: ['selectionAt'] })
  .openapi('MarketOrderPost');

/** Re-posting an expired order: a new order copied from it, with new dates. */
export const OrderRepostBody = z
  .object({ signupDeadline: instant, selectionAt: instant })
  .strict()
  .refine((b) => Date.parse(b.selectionAt) >= Date.parse(b.signupDeadline), { message: 'selectionAt comes at or after signupDeadline', path: ['selectionAt'] })
  .openapi('MarketOrderRepost');

/** What the owner may change in a returned announcement before resubmitting it. */
export const OrderEdits = z
  .object({
    title: z.string().trim().min(2).max(200).optional(),
    content: z.string().trim().min(2).max(2000).optional(),
    budgetMin: yuan.optional(),
    budgetMax: yuan.optional(),
    signupDeadline: instant.optional(),
    selectionAt: instant.optional(),
    serviceDays: z.number().int().min(1).max(365).optional(),
  })
  .strict();

export const ORDER_API_ACTIONS = ['APPROVE', 'REJECT', 'RESUBMIT', 'CANCEL', 'SELECT', 'CONFIRM', 'DECLINE', 'CONFIRM_CONTRACT', 'REJECT_CONTRACT', 'ACCEPT_RESULT', 'RETURN_RESULT', 'TERMINATE'] as const;

export const OrderActionBody = z
  .object({
    type: z.enum(ORDER_API_ACTIONS),
    reason: z.string().trim().max(1000).optional(),
    agencyId: z.number().int().min(1).optional().openapi({ description: 'SELECT: the signed-up agency the owner chooses' }),
    edits: OrderEdits.optional().openapi({ description: 'RESUBMIT: the owner’s changes to a returned announcement' }),
    expectedVersion: z.number().int().min(1).optional(),
  })
  .strict()
  .refine((b) => b.type !== 'SELECT' || b.agencyId !== undefined, { message: 'SELECT names agencyId', path: ['agencyId'] })
  .refine((b) => b.edits === undefined || b.type === 'RESUBMIT', { message: 'edits go with RESUBMIT only', path: ['edits'] })
  .openapi('MarketOrderAction');

export const SignupBody = z
  .object({ quote: z.number().int().min(0).max(1_000_000_000).optional().openapi({ description: 'price bidding: the sealed quote in yuan (nobody sees it before the quotes are opened together)' }) })
  .strict()
  .openapi('MarketSignup');

export const OrderListQuery = z
  .object({
    state: z.string().regex(/^[a-z_]+(,[a-z_]+)*$/).optional().openapi({ description: 'one state or several, comma-separated' }),
    serviceItem: z.string().max(16).optional(),
    method: z.enum(['direct', 'random', 'bidding']).optional(),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();

export const ContractFields = z.object({ amount: z.coerce.number().int().min(1).max(1_000_000_000), expectedVersion: z.coerce.number().int().min(1).optional() }).strict();
export const ResultFields = z.object({ expectedVersion: z.coerce.number().int().min(1).optional() }).strict();
