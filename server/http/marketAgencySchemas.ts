import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { isValidUscc } from '../../workflows/identity';
import { isRealIsoDate } from '../../workflows/isoDate';
import { AGENCY_STATES } from '../../workflows/agencyMachine';

extendZodWithOpenApi(z);

const text = (min: number, max: number) => z.string().trim().min(min).max(max);
const words = (max: number) => z.string().trim().min(1, 'empty: leave the parameter out instead').max(max);
const areaCode = z.string().regex(/^\d{12}$/, 'a 12-digit area code');
const serviceCode = z.string().regex(/^[A-Z0-9]{4,16}$/, 'a service item code like ZJFW001');

export const AgencyIdParam = z.coerce.number().int().min(1).max(2_000_000_000);
export const ServiceItemCodeParam = serviceCode;

const page = {
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
};

/** The public list's filters. */
export const AgencyListQuery = z
  .object({
    status: z.enum(AGENCY_STATES).optional().openapi({ description: 'one state; pending and rejected are the centre’s only. Default: every published state (listed, suspended, expelled, appealing)' }),
    onSite: z.enum(['true', 'false']).optional().openapi({ description: 'true: only the agencies also on the physical platform (进驻实体大厅)' }),
    serviceItem: serviceCode.optional().openapi({ description: 'offering this service item' }),
    area: areaCode.optional().openapi({ description: 'serving this area: Wenzhou (330300000000) or a county (an agency serving the whole city serves every county)' }),
    q: words(100).optional().openapi({ description: 'part of the agency’s name' }),
    ...page,
  })
  .strict();

export const ServiceItemListQuery = z
  .object({
    department: z.string().regex(/^[a-z]{2,32}$/, 'a department code').optional().openapi({ description: 'a department code (GET /api/departments)' }),
    q: words(100).optional().openapi({ description: 'part of the item’s name' }),
    ...page,
  })
  .strict();

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'a date like 2028-12-31', abort: true }).refine(isRealIsoDate, 'not a date that exists');

/** 入驻: the agency's particulars and its account. */
export const AgencyRegistrationBody = z
  .object({
    name: text(4, 200).openapi({ description: 'the registered name (as on the business licence)' }),
    uscc: z
      .string()
      .trim()
      .toUpperCase()
      .refine(isValidUscc, 'not a valid unified social credit code (18 characters, GB 32100 check character)')
      .openapi({ description: '统一社会信用代码 (GB 32100; the check character is verified)' }),
    legalRepresentative: text(2, 64),
    contactPhone: z.string().trim().regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, 'a mobile number (11 digits) or a landline like 0577-88888888'),
    address: text(4, 200),
    jurisdictionCode: areaCode.openapi({ description: 'where it is registered: Wenzhou or one of its counties' }),
    introduction: z.string().trim().max(1000).default(''),
    areas: z.array(areaCode).min(1, 'name at least one area served').max(13).openapi({ description: 'areas served: Wenzhou (the whole city) or counties' }),
    services: z.array(serviceCode).min(1, 'offer at least one service item').max(30).refine((a) => new Set(a).size === a.length, 'a service item twice'),
    qualifications: z
      .array(z.object({ name: text(2, 100), level: text(1, 16), certificateNo: text(2, 64), issuedBy: text(2, 100), expiresOn: date }).strict())
      .min(1, 'give at least one qualification (资质)')
      .max(20),
    staff: z.array(z.object({ name: text(2, 64), title: text(2, 64), certificateNo: text(2, 64) }).strict()).min(1, 'name at least one practising staff member').max(50),
    account: z
      .object({
        username: z.string().trim().regex(/^[a-z][a-z0-9._]{3,31}$/, '4–32 lower-case letters, digits, dots or underscores, starting with a letter'),
        password: z.string().min(8, 'at least 8 characters').max(128),
      })
      .strict(),
  })
  .strict()
  .openapi('AgencyRegistration');

/** An operation of the centre (APPROVE … OVERTURN) or of the agency (APPEAL). */
export const AgencyOperationBody = z
  .object({
    type: z.enum(['APPROVE', 'REJECT', 'SUSPEND', 'RESTORE', 'EXPEL', 'APPEAL', 'UPHOLD', 'OVERTURN']),
    reason: z.string().trim().max(1000).optional().openapi({ description: 'required for REJECT, SUSPEND, EXPEL, APPEAL (the grounds), UPHOLD and OVERTURN' }),
    decisionNo: z.string().trim().max(64).optional().openapi({ description: '文号 of the expulsion decision (EXPEL)' }),
    expectedVersion: z.number().int().min(1).optional().openapi({ description: 'the revision the screen showed; 409 VERSION_CONFLICT when it moved' }),
  })
  .strict()
  .openapi('AgencyOperation');
