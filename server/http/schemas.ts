import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { ACTION_TYPES, DELIVERY_MODES, SPECIAL_PROCEDURES } from '../../workflows/caseEvents';
import { isValidWaybill, normaliseWaybill } from '../../workflows/postalWaybill';
import { isValidIdNumber, isValidUscc } from '../../workflows/identity';
import { LEVELS } from '../../workflows/levels';
import { APPLICANT_TYPES } from '../../workflows/parties';

extendZodWithOpenApi(z);

// The one set of request schemas: they validate requests and generate /api/openapi.json.
const text = (max: number) => z.string().trim().min(1).max(max);
const areaCode = z.string().regex(/^\d{12}$/, 'a 12-digit area code');
// GB 11643 resident ID: 18 characters, a birth date that exists and the MOD 11-2 check character.
export const idNumber = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^\d{17}[\dX]$/, { message: 'an 18-character resident ID number', abort: true })
  .refine(isValidIdNumber, 'not a valid resident ID number: its check character or birth date is wrong');
// GB 32100 unified social credit code: 18 of the 31 characters, the MOD 31 check character last.
const uscc = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[0-9A-HJ-NP-RTUW-Y]{18}$/, { message: 'an 18-character unified social credit code (0-9, A-Y without I O S V Z)', abort: true })
  .refine(isValidUscc, 'not a valid unified social credit code: its check character is wrong');
export const phone = z.string().trim().regex(/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/, 'a mobile (11 digits) or landline number');

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

/** Who applies: a person (the default, so `{name, idNumber, phone}` alone still files) or a legal person. */
export const Applicant = z
  .object({
    type: z.enum(APPLICANT_TYPES).default('person').openapi({ description: 'person 自然人 (default) or organisation 法人/其他组织' }),
    name: text(64).openapi({ description: 'the person’s name, or the organisation’s registered name' }),
    phone,
    idNumber: idNumber.optional().openapi({ description: 'resident ID number (GB 11643); required for a person' }),
    uscc: uscc.optional().openapi({ description: 'unified social credit code (GB 32100); required for an organisation' }),
    legalRepresentative: text(64).optional().openapi({ description: 'the legal representative’s name; required for an organisation' }),
  })
  .strict()
  .superRefine((a, ctx) => {
    const must = (field: string, ok: boolean, message: string) => ok || ctx.addIssue({ code: 'custom', path: [field], message });
    const person = a.type === 'person';
    must('idNumber', !person || !!a.idNumber, 'required for a person');
    must('idNumber', person || !a.idNumber, 'not for an organisation: give its uscc');
    must('uscc', !person || !a.uscc, 'only for an organisation');
    must('uscc', person || !!a.uscc, 'required for an organisation');
    must('legalRepresentative', !person || !a.legalRepresentative, 'only for an organisation');
    must('legalRepresentative', person || !!a.legalRepresentative, 'required for an organisation');
  })
  .openapi('Applicant');

export const Agent = z.object({ name: text(64), idNumber, phone }).strict().openapi('Agent');

export const FileCaseBody = z
  .object({
    itemCode: text(32),
    centreCode: areaCode,
    applicant: Applicant,
    agent: Agent.optional().openapi({ description: 'the agent (代理人) filing for the applicant; the materials must then include the 授权委托书' }),
    materials: z.array(text(100)).max(50).default([]),
    delivery: Delivery.default({ mode: 'pickup' }),
    acceptNow: z.boolean().optional().openapi({ description: 'counter filing (窗口收件): a clerk at this centre files and accepts in one step' }),
    commitments: z
      .array(z.object({ proof: text(100), signed: z.literal(true).openapi({ description: 'the applicant signed the commitment text the item guide shows' }) }).strict())
      .max(20)
      .optional()
      .openapi({ description: '告知承诺: proofs of the item’s proof list replaced by a signed written commitment; each opens a post-check task at the deciding department (422 PROOF_NOT_LISTED, COMMITMENT_NOT_ALLOWED, COMMITMENT_BLOCKED)' }),
  })
  .strict()
  .openapi('FileCaseBody');

const opinion = text(2000);
const version = { expectedVersion: z.number().int().min(1).optional() };
const rights = text(1000).openapi({ description: 'the applicant’s right to administrative review or to sue' });

export const ActionBody = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('ACCEPT'), opinion: opinion.optional(), ...version }).strict(),
    z
      .object({ type: z.literal('REQUEST_MATERIALS'), missing: z.array(text(100)).max(50).default([]), opinion: opinion.optional(), ...version })
      .strict()
      .openapi({ description: '补正: the notice lists every material marked 不合格 (with its reason) and those named in `missing`; at least one in all' }),
    z.object({ type: z.literal('SUPPLY_MATERIALS'), materials: z.array(text(100)).min(1).max(50), ...version }).strict(),
    z.object({ type: z.literal('REFUSE'), reasons: opinion, rightsNotice: rights, ...version }).strict(),
    z.object({ type: z.literal('FORWARD'), opinion, ...version }).strict(),
    z.object({ type: z.literal('RETURN'), reason: opinion, ...version }).strict(),
    z.object({ type: z.literal('START_SPECIAL'), procedure: z.enum(SPECIAL_PROCEDURES), reason: opinion, ...version }).strict(),
    z.object({ type: z.literal('END_SPECIAL'), opinion: opinion.optional(), ...version }).strict(),
    z.object({ type: z.literal('EXTEND'), reason: opinion, ...version }).strict(),
    z.object({ type: z.literal('APPROVE'), opinion, ...version }).strict(),
    z.object({ type: z.literal('DENY'), reasons: opinion, rightsNotice: rights, ...version }).strict(),
    z
      .object({ type: z.literal('ISSUE'), licenceNo: text(64).optional().openapi({ description: '证照编号 of the paper licence; made by the server when left out' }), ...version })
      .strict()
      .openapi({ description: 'Issue the licence: the server creates the signed e-licence (GB/T 36904 identifier in the case’s `eLicence`) in the same transaction' }),
    z
      .object({
        type: z.literal('DELIVER'),
        mode: z.enum(DELIVERY_MODES),
        trackingNo: text(64)
          .transform(normaliseWaybill)
          .optional()
          .openapi({ description: 'post: the EMS waybill, a UPU S10 number whose check digit checks (EA123456785CN) or 13 digits; spaces and dashes are dropped' }),
        address: z.string().trim().max(200).optional(),
        signedBy: text(100).optional().openapi({ description: 'pickup: who signed the 送达回证 at the counter (the e-signature click)' }),
        ...version,
      })
      .strict()
      .refine((d) => d.mode !== 'post' || (d.trackingNo !== undefined && isValidWaybill(d.trackingNo)), {
        message: 'an EMS waybill number: a UPU S10 number whose check digit checks (EA123456785CN), or 13 digits',
        path: ['trackingNo'],
      })
      .refine((d) => d.mode !== 'pickup' || !!d.signedBy, { message: 'the recipient signs the 送达回证 at the counter: give who signed', path: ['signedBy'] }),
    z.object({ type: z.literal('COMPLETE'), ...version }).strict(),
    z.object({ type: z.literal('WITHDRAW'), reason: z.string().trim().max(2000).optional(), ...version }).strict(),
    z
      .object({ type: z.literal('CHOOSE_DELIVERY'), mode: z.enum(DELIVERY_MODES), address: z.string().trim().max(200).optional(), ...version })
      .strict()
      .refine((d) => d.mode !== 'post' || !!d.address, { message: 'a postal address is required for post', path: ['address'] }),
    // Returns, amendments and urging (README "Returns, amendments and urging").
    z
      .object({
        type: z.literal('AMEND'),
        reason: opinion,
        changes: z.object({ phone: phone.optional(), address: z.string().trim().min(1).max(200).optional() }).strict().optional(),
        addMaterials: z.array(text(100)).max(50).optional(),
        ...version,
      })
      .strict()
      .openapi({ description: 'The desk at the current step (review or decision) corrects the applicant’s phone or postal address, or adds material; at least one change, and a reason' }),
    z
      .object({ type: z.literal('URGE'), reason: opinion, replyBy: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD'), ...version })
      .strict()
      .openapi({ description: '督办 by a supervisor of the case’s jurisdiction: the desk at the current step must reply by `replyBy` (today or later)' }),
    z.object({ type: z.literal('URGE_REPLY'), reply: opinion, ...version }).strict().openapi({ description: 'The desk’s reply to a pending 督办' }),
    z
      .object({ type: z.literal('APPLICANT_URGE'), reason: z.string().trim().max(500).optional(), ...version })
      .strict()
      .openapi({ description: '催办 by the applicant of a case past its promised date, once per working day (429 ALREADY_URGED_TODAY with `nextAllowedOn`)' }),
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

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'a date like 2026-12-02', abort: true })
  .refine((d) => {
    const t = Date.parse(`${d}T00:00:00Z`);
    return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === d;
  }, 'not a date that exists');

// Search and the dashboard's drill-down: each filter matches one number of GET /api/stats/dashboard.
export const CasesQuery = z
  .object({
    scope: areaCode.optional().openapi({ description: 'cases filed under this jurisdiction (default: the caller’s own)' }),
    centre: areaCode.optional().openapi({ description: 'cases filed at this very centre (the dashboard’s row for the scope’s own centre)' }),
    open: flag.optional().openapi({ description: 'true: cases not yet closed' }),
    overdue: flag.optional().openapi({ description: 'true: open cases past their promised completion date (承诺办结日期), or not yet accepted and past the 5-day acceptance period' }),
    light: z.enum(['green', 'yellow', 'red']).optional().openapi({ description: 'the case’s warning light today: by its 5-day acceptance period until accepted, then by its promised completion date (the dashboard’s lights)' }),
    stepLight: z.enum(['green', 'yellow', 'red']).optional().openapi({ description: 'the current step’s own light today (the desks’ queues)' }),
    level: z.enum(LEVELS).optional().openapi({ description: 'the level the case waits at now' }),
    state: z.string().max(24).optional(),
    itemCode: z.string().max(32).optional(),
    filedFrom: isoDate.optional().openapi({ description: 'filed on or after this date (China time)' }),
    accepted: flag.optional().openapi({ description: 'true: accepted (incl. deemed accepted)' }),
    decided: flag.optional().openapi({ description: 'true: decided (approved or denied)' }),
    linked: flag.optional().openapi({ description: 'cases of linked items (true) or of the others (false)' }),
    q: z
      .string()
      .trim()
      .max(64)
      .optional()
      .openapi({ description: 'a case number (whole or its beginning), a name (applicant, legal representative; part of it), or a whole ID number, USCC or phone (the applicant’s or agent’s; exact, matched by keyed hash)' }),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();

export const HandledQuery = z
  .object({
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();

export const StatsQuery = z.object({ scope: areaCode.optional() }).strict();

export const UrgingsQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }).strict();

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
