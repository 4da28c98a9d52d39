import { z } from 'zod';
import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { PROJECT_INDUSTRIES, PROJECT_TYPES } from '../../workflows/projectCode';
import { DECLARED_WAIT_KINDS, LAND_STATUSES } from '../../workflows/projectStages';

extendZodWithOpenApi(z);

/** Registering an investment project (赋码). */
export const ProjectRegisterBody = z
  .object({
    owner: z
      .object({
        name: z.string().trim().min(2).max(200).openapi({ description: 'the legal person (项目单位)' }),
        uscc: z.string().trim().length(18).openapi({ description: 'unified social credit code, GB 32100 (checked)' }),
        legalRep: z.string().trim().min(2).max(64),
        phone: z.string().trim().regex(/^[0-9+\-() ]{7,20}$/, 'a phone number'),
      })
      .strict(),
    name: z.string().trim().min(2).max(200),
    location: z.string().trim().min(2).max(200).openapi({ description: 'where the project is built (text)' }),
    jurisdictionCode: z.string().regex(/^\d{12}$/).openapi({ description: 'the county, town or village it is in (GET /api/jurisdictions)' }),
    type: z.enum(PROJECT_TYPES).openapi({ description: 'approval 审批 (01) | permit 核准 (02) | filing 备案 (03)' }),
    industry: z.string().refine((s) => !!PROJECT_INDUSTRIES[s], { message: `one of ${Object.keys(PROJECT_INDUSTRIES).join(', ')}` }),
    investment: z.number().int().min(1).max(100_000_000).openapi({ description: '总投资, 万元' }),
    landStatus: z.enum(LAND_STATUSES),
  })
  .strict()
  .openapi('ProjectRegister');

export const ProjectListQuery = z
  .object({
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
    state: z.enum(['coded', 'in_stage', 'held', 'completed', 'cancelled']).optional(),
    stage: z.coerce.number().int().min(1).max(4).optional(),
    light: z.enum(['green', 'yellow', 'red']).optional(),
    q: z.string().trim().min(1).max(100).optional(),
  })
  .strict();

export const StageParam = z.coerce.number().int().min(1).max(4);

export const StageStartBody = z
  .object({
    description: z.string().trim().min(2).max(2000).openapi({ description: '项目概况: the one form every case of the stage is filed from' }),
    delivery: z.enum(['pickup', 'post', 'electronic']).default('electronic'),
    address: z.string().trim().min(2).max(200).optional(),
    expectedVersion: z.number().int().min(1).optional(),
  })
  .strict()
  .refine((b) => b.delivery !== 'post' || !!b.address, { message: 'a postal delivery needs an address', path: ['address'] })
  .openapi('ProjectStageStart');

export const StageFileFields = z.object({ material: z.string().trim().min(1).max(100) }).strict();

export const WaitDeclareBody = z
  .object({
    kind: z.enum(DECLARED_WAIT_KINDS).openapi({ description: 'owner_preparation | owner_intermediary (not counted) | utility (counted)' }),
    note: z.string().trim().min(2).max(500),
  })
  .strict()
  .openapi('ProjectWaitDeclare');

export const WaitIdParam = z.coerce.number().int().min(1).max(2_000_000_000);

export const ProjectCancelBody = z.object({ reason: z.string().trim().min(2).max(500) }).strict();

/** The owner's part on a case of the project, sent by the owner or the acting agent (代办). */
export const StageCaseActionBody = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('SUPPLY_MATERIALS'), materials: z.array(z.string().trim().min(1).max(100)).min(1).max(30), expectedVersion: z.number().int().min(1).optional() }).strict(),
    z.object({ type: z.literal('WITHDRAW'), reason: z.string().trim().min(2).max(500).optional(), expectedVersion: z.number().int().min(1).optional() }).strict(),
  ])
  .openapi('ProjectCaseAction');
