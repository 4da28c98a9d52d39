import { z } from 'zod';
import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { CHANGE_KINDS, POWER_TYPES } from '../../workflows/powerTypes';

extendZodWithOpenApi(z);

const areaCode = z.string().regex(/^\d{12}$/, 'a 12-digit area code');
const page = { page: z.coerce.number().int().min(1).max(100_000).default(1), pageSize: z.coerce.number().int().min(1).max(100).default(20) };
const id = z.coerce.number().int().min(1).max(2_147_483_647);

export const PowerCodeParam = z.string().regex(/^\d{6}-\d{2}-\d{5}$/, 'a power code like 330300-01-00012');
export const PowerVersionParam = id;

export const PowersQuery = z
  .object({
    level: z.enum(['city', 'county']).optional().openapi({ description: 'the lists of the city or of the counties' }),
    jurisdiction: areaCode.optional().openapi({ description: 'one list: the holder’s area code' }),
    department: id.optional().openapi({ description: 'an implementing body’s id (the answer’s `departments`)' }),
    type: z.enum(POWER_TYPES).optional(),
    q: z.string().trim().min(1).max(64).optional().openapi({ description: 'a part of the name, or a whole code' }),
    version: id.optional().openapi({ description: 'a version id (GET /api/powers/versions); otherwise each list’s newest published version' }),
    ...page,
  })
  .strict();

export const VersionsQuery = z.object({ level: z.enum(['city', 'county']).optional(), jurisdiction: areaCode.optional(), ...page }).strict();

export const CompareQuery = z.object({ from: id, to: id, kind: z.enum(CHANGE_KINDS).optional(), ...page }).strict();

export const ExportQuery = z.object({ version: id, format: z.enum(['csv', 'xlsx']).default('csv') }).strict();

export const ImportQuery = z.object({ reason: z.string().trim().min(2).max(500), basis: z.string().trim().min(2).max(500) }).strict();

export const OpenDraftBody = z
  .object({
    jurisdiction: areaCode.openapi({ description: 'the list’s holder (330300000000: the city’s list)' }),
    name: z.string().trim().min(2).max(100),
    document: z.string().trim().max(200).optional().openapi({ description: 'the decision (文号) the version will be published under' }),
  })
  .strict()
  .openapi('OpenPowerDraftBody');

const EntryInput = z
  .object({
    name: z.string().trim().min(2).max(200),
    type: z.enum(POWER_TYPES),
    department: z.string().trim().min(2).max(100).openapi({ description: 'an implementing body of the list, by name' }),
    basis: z.string().trim().max(500).optional(),
    scope: z.string().trim().max(8).optional(),
  })
  .strict();

const why = { reason: z.string().trim().min(2).max(500), basis: z.string().trim().min(2).max(500), expectedVersion: z.number().int().min(1).optional() };
const codes = (min: number) => z.array(PowerCodeParam).min(min).max(500);

/** One adjustment of a draft: each kind with what it needs. */
export const AdjustBody = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('add'), entries: z.array(EntryInput).min(1).max(100), ...why }).strict(),
    z.object({ kind: z.literal('cut'), codes: codes(1), ...why }).strict(),
    z.object({ kind: z.literal('merge'), codes: codes(2), entry: EntryInput, ...why }).strict(),
    z.object({ kind: z.literal('move'), codes: codes(1), toLevel: z.enum(['province', 'city', 'county', 'town']), ...why }).strict(),
  ])
  .openapi('PowerAdjustBody');

export const PublishBody = z.object({ reason: z.string().trim().max(500).optional(), expectedVersion: z.number().int().min(1).optional() }).strict();
