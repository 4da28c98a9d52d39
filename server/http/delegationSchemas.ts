import { z } from 'zod';
import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { DEED_STANDINGS, DELEGATION_SCOPES, PILOT_TOWNS } from '../../workflows/delegation';

extendZodWithOpenApi(z);

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');
const townCode = z.enum(PILOT_TOWNS.map((t) => t.code) as [string, ...string[]]);

export const DeedNoParam = z.string().trim().min(3).max(40);

export const DelegationListQuery = z.object({
  town: townCode.optional().openapi({ description: 'a pilot town’s 12-digit code' }),
  department: z.string().regex(/^[a-z]{2,32}$/).optional(),
  state: z.enum(DEED_STANDINGS as [string, ...string[]]).optional().openapi({ description: 'the deed’s standing today: pending, in_force, expired or revoked' }),
  item: z.string().trim().min(3).max(40).optional().openapi({ description: 'deeds that delegate this catalogue item' }),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const IssueDeedBody = z
  .object({
    deedNo: z.string().trim().min(3).max(40).openapi({ description: 'the deed’s number as published, e.g. 瑞市监赋〔2016〕1号' }),
    department: z.string().regex(/^[a-z]{2,32}$/).openapi({ description: 'the delegating county department (code)' }),
    townCode: townCode.openapi({ description: 'the pilot town receiving the powers; its county is the delegating body’s' }),
    itemCodes: z.array(z.string().trim().min(3).max(40)).min(1).max(500).openapi({ description: 'the catalogue items delegated' }),
    scope: z.array(z.enum(DELEGATION_SCOPES)).min(1).max(3).openapi({ description: 'what the town does: accept, review, decide' }),
    validFrom: isoDate,
    validTo: isoDate,
    publishedOn: isoDate,
  })
  .strict()
  .openapi('IssueDelegationDeed');

export const RevokeDeedBody = z
  .object({
    reason: z.string().trim().min(2).max(500),
    revokedOn: isoDate.openapi({ description: 'from this day new cases go to the county again; today or later' }),
    expectedVersion: z.number().int().min(1).optional(),
  })
  .strict()
  .openapi('RevokeDelegationDeed');
