import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { ACTION_TYPES, DELIVERY_MODES, SPECIAL_PROCEDURES } from '../../workflows/caseEvents';
import { LEVELS } from '../../workflows/levels';

extendZodWithOpenApi(z);

// The one set of request schemas: they validate requests and generate /api/openapi.json.
const text = (max: number) => z.string().trim().min(1).max(max);
const areaCode = z.string().regex(/^\d{12}$/, 'a 12-digit area code');
// 18-digit resident ID (last may be X), or a 15-digit legacy one.
const idNumber = z.string().trim().regex(/^(\d{17}[\dXx]|\d{15})$/, 'an 18-digit resident ID number');
const phone = z.string().trim().regex(/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/, 'a mobile (11 digits) or landline number');

export const LoginBody = z.object({ username: text(64), password: z.string().min(1).max(128) }).strict().openapi('LoginBody');

export const ItemsQuery = z
  .object({
    q: z.string().trim().max(64).optional(),
    linked: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
    level: z.enum(LEVELS).optional().openapi({ description: 'level that decides' }),
    acceptLevel: z.enum(LEVELS).optional().openapi({ description: 'items a centre of this level may accept' }),
    department: z.string().max(32).optional(),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();

export const JurisdictionsQuery = z
  .object({ level: z.enum(LEVELS).optional(), parent: areaCode.optional(), under: areaCode.optional() })
  .strict();

export const Delivery = z
  .object({ mode: z.enum(DELIVERY_MODES), address: z.string().trim().max(200).optional() })
  .strict()
  .refine((d) => d.mode !== 'post' || !!d.address, { message: 'a postal address is required for post', path: ['address'] });

export const FileCaseBody = z
  .object({
    itemCode: text(32),
    centreCode: areaCode,
    applicant: z.object({ name: text(64), idNumber, phone }).strict(),
    materials: z.array(text(100)).max(50).default([]),
    delivery: Delivery.default({ mode: 'pickup' }),
  })
  .strict()
  .openapi('FileCaseBody');

const opinion = text(2000);
const version = { expectedVersion: z.number().int().min(1).optional() };
const rights = text(1000).openapi({ description: 'the applicant’s right to administrative review or to sue' });

export const ActionBody = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('ACCEPT'), opinion: opinion.optional(), ...version }).strict(),
    z.object({ type: z.literal('REQUEST_MATERIALS'), missing: z.array(text(100)).min(1).max(50), opinion: opinion.optional(), ...version }).strict(),
    z.object({ type: z.literal('SUPPLY_MATERIALS'), materials: z.array(text(100)).min(1).max(50), ...version }).strict(),
    z.object({ type: z.literal('REFUSE'), reasons: opinion, rightsNotice: rights, ...version }).strict(),
    z.object({ type: z.literal('FORWARD'), opinion, ...version }).strict(),
    z.object({ type: z.literal('RETURN'), reason: opinion, ...version }).strict(),
    z.object({ type: z.literal('START_SPECIAL'), procedure: z.enum(SPECIAL_PROCEDURES), reason: opinion, ...version }).strict(),
    z.object({ type: z.literal('END_SPECIAL'), opinion: opinion.optional(), ...version }).strict(),
    z.object({ type: z.literal('EXTEND'), reason: opinion, ...version }).strict(),
    z.object({ type: z.literal('APPROVE'), opinion, ...version }).strict(),
    z.object({ type: z.literal('DENY'), reasons: opinion, rightsNotice: rights, ...version }).strict(),
    z.object({ type: z.literal('ISSUE'), licenceNo: text(64), ...version }).strict(),
    z
      .object({ type: z.literal('DELIVER'), mode: z.enum(DELIVERY_MODES), trackingNo: text(64).optional(), address: z.string().trim().max(200).optional(), ...version })
      .strict(),
    z.object({ type: z.literal('COMPLETE'), ...version }).strict(),
    z.object({ type: z.literal('WITHDRAW'), reason: z.string().trim().max(2000).optional(), ...version }).strict(),
    z
      .object({ type: z.literal('CHOOSE_DELIVERY'), mode: z.enum(DELIVERY_MODES), address: z.string().trim().max(200).optional(), ...version })
      .strict()
      .refine((d) => d.mode !== 'post' || !!d.address, { message: 'a postal address is required for post', path: ['address'] }),
  ],
  // An unknown or missing type is told the types there are (a 422 that names them).
  { error: (iss) => (iss.code === 'invalid_union' ? `must be one of: ${ACTION_TYPES.join(', ')}` : undefined) },
  )
  .openapi('ActionBody');

export const QueueQuery = z
  .object({
    state: z.string().max(24).optional(),
    light: z.enum(['green', 'yellow', 'red']).optional(),
    itemCode: z.string().max(32).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();

export const CasesQuery = z
  .object({
    scope: areaCode.optional(),
    state: z.string().max(24).optional(),
    light: z.enum(['green', 'yellow', 'red']).optional(),
    itemCode: z.string().max(32).optional(),
    q: z.string().trim().max(64).optional(),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();

export const StatsQuery = z.object({ scope: areaCode.optional() }).strict();

export const EventsQuery = z.object({ sinceSeq: z.coerce.number().int().min(0).default(0) }).strict();

export const CaseNoParam = z.string().regex(/^\d{8}-\d{6,}$/, 'a case number like 20261127-000123');

export const CalendarYearBody = z
  .object({
    days: z
      .array(z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), kind: z.enum(['holiday', 'workday']), name: z.string().max(64).optional() }).strict())
      .max(366),
  })
  .strict()
  .openapi('CalendarYearBody');

export const ErrorBody = z
  .object({ error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }) })
  .openapi('Error');
