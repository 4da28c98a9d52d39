import { OpenAPIRegistry, OpenApiGeneratorV31, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import * as C from './catalogueSchemas';
import { FILE_OPERATIONS, LICENCE_OPERATIONS } from './fileOpenApi';
import { PUBLICITY_OPERATIONS } from './publicityOpenApi';
import { LICENCE_STATUS_OPERATIONS } from './licenceOpenApi';
import { COMMITMENT_OPERATIONS } from './commitmentOpenApi';
import { CERTIFICATE_OPERATIONS } from './certificateOpenApi';
import { MARKET_AGENCY_OPERATIONS } from './marketAgencyOpenApi';
import { MARKET_ORDER_OPERATIONS } from './marketOrderOpenApi';
import { PROXY_OPERATIONS } from './proxyOpenApi';
import { TRANSFER_OPERATIONS } from './transferOpenApi';
import { DELEGATION_OPERATIONS } from './delegationOpenApi';
import { MARKET_RATING_OPERATIONS } from './marketRatingOpenApi';
import { PROJECT_BOARD_OPERATIONS } from './projectBoardOpenApi';
import { PROJECT_OPERATIONS } from './projectOpenApi';
import { RATING_OPERATIONS } from './ratingOpenApi';
import { POWER_OPERATIONS } from './powerOpenApi';
import * as S from './schemas';
import * as St from './statsSchemas';
import * as U from './userSchemas';

const json = (schema: z.ZodType) => ({ content: { 'application/json': { schema } } });
const anyJson = z.record(z.string(), z.unknown());
const ok = (description: string) => ({ description, ...json(anyJson) });
const caseNo = z.object({ caseNo: S.CaseNoParam });

/**
 * Who may call an operation (the security schemes below): `public` needs
 * nothing, `optional` takes a token if one is sent (a clerk filing at the
 * counter), `staff` needs a token, `case` a token or the case's query code.
 */
const ACCESS = {
  public: [],
  optional: [{}, { bearer: [] }],
  staff: [{ bearer: [] }],
  case: [{ bearer: [] }, { queryCode: [] }],
} as const;

/** The error statuses an operation may answer, each with the codes it can carry (the README's list). */
const ERRORS = {
  400: 'MALFORMED_URL, MALFORMED_JSON, MALFORMED_BODY, REQUEST_ABORTED or BAD_REQUEST (a query or path parameter)',
  401: 'UNAUTHENTICATED (no token or query code) or INVALID_TOKEN',
  403: 'FORBIDDEN: outside the caller’s role or jurisdiction',
  404: 'NOT_FOUND, or CASE_NOT_FOUND (no such case, or a wrong query code: answered alike)',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_ENCODING: a Content-Encoding or charset the server does not read',
  422: 'VALIDATION_FAILED (details.issues name each field) or a rule of the domain',
  429: 'RATE_LIMITED: wait for Retry-After seconds',
} as const;
type ErrorStatus = keyof typeof ERRORS;
const errorResponse = (description: string) => ({ description, ...json(S.ErrorBody) });

/** Every error a request under /api can meet before its route runs: a bad token, a path or body that does not decode. */
const ALWAYS: ErrorStatus[] = [400, 401];
/** What any operation with a body can meet on top. */
const BODY: ErrorStatus[] = [413, 415, 422];

export interface Operation extends Omit<RouteConfig, 'responses' | 'security'> {
  operationId: string;
  access: keyof typeof ACCESS;
  ok: [status: number, description: string];
  errors?: ErrorStatus[];
  /** Statuses whose codes are particular to this operation (409s, 503s), with their description. */
  more?: Record<number, string>;
  /** Answered before the token and body are read (app.ts): none of ALWAYS applies. */
  bare?: boolean;
}

function register(reg: OpenAPIRegistry, op: Operation): void {
  const { access, ok: [status, description], errors = [], more = {}, bare, ...route } = op;
  const statuses = [...new Set<ErrorStatus>([...(bare ? [] : ALWAYS), ...errors])].sort();
  const responses: RouteConfig['responses'] = { [status]: ok(description) };
  for (const s of statuses) responses[s] = errorResponse(ERRORS[s]);
  for (const [s, d] of Object.entries(more)) responses[s] = errorResponse(d);
  reg.registerPath({ ...route, security: ACCESS[access].map((r) => ({ ...r })), responses });
}

/**
 * Builds the OpenAPI document from the same zod schemas that validate
 * requests. Every route under /api has an operation here:
 * tests/integration/openapi.test.ts compares them with the app's routes and
 * lints the document with Redocly's recommended rules (redocly.yaml).
 */
export function buildOpenApi() {
  const reg = new OpenAPIRegistry();
  reg.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'The token from POST /api/auth/login (staff, or an applicant with an account).',
  });
  reg.registerComponent('securitySchemes', 'queryCode', {
    type: 'apiKey',
    in: 'header',
    name: 'X-Query-Code',
    description: 'The query code given when the case was filed: an applicant without an account follows and acts on that one case.',
  });
  const ops: Operation[] = [
    { operationId: 'login', method: 'post', path: '/api/auth/login', summary: 'Log in as staff (or an applicant with an account)', access: 'public', request: { body: json(S.LoginBody) }, ok: [200, 'token and user'], errors: [...BODY, 429], more: { 401: 'INVALID_CREDENTIALS, or INVALID_TOKEN' } },
    { operationId: 'getDemoAccounts', method: 'get', path: '/api/auth/demo-accounts', summary: 'The demo accounts the log-in page lists: with DEMO_MODE on (the default outside production) `{ demoMode: true, password, accounts: [{ username, role, displayName, jurisdictionCode }], patterns }`; otherwise `{ demoMode: false, accounts: [] }`', access: 'public', ok: [200, 'demo accounts, or none'] },
    { operationId: 'getMe', method: 'get', path: '/api/auth/me', summary: 'The logged-in user; an applicant account also gets its own `profile` (idNumber, phone) to fill in the filing form', access: 'staff', ok: [200, 'user (and profile, for an applicant)'] },
    { operationId: 'listItems', method: 'get', path: '/api/items', summary: 'Search the catalogue', access: 'public', request: { query: S.ItemsQuery }, ok: [200, 'a page of items'] },
    { operationId: 'getItem', method: 'get', path: '/api/items/{code}', summary: 'One item (current version)', access: 'public', request: { params: z.object({ code: z.string() }) }, ok: [200, 'item'], errors: [404] },
    { operationId: 'importItems', method: 'post', path: '/api/items/import', summary: 'Import catalogue items (admin) from CSV (UTF-8 with or without BOM, or GB18030/GBK as Excel on a Chinese Windows saves it; a charset in Content-Type wins) or an .xlsx workbook (its first sheet); the role is checked before the body is read', access: 'staff', request: { body: { content: { 'text/csv': { schema: z.string() }, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string().openapi({ format: 'binary' }) } } } }, ok: [200, 'imported count'], errors: [403, ...BODY], more: { 422: 'IMPORT_FAILED: details.problems lists each problem once as { line, field, code, params, message }, the message in the Accept-Language (zh or en; zh by default)' } },
    { operationId: 'putItemKeywords', method: 'put', path: '/api/items/{code}/keywords', summary: 'Set an item’s everyday words and synonyms (admin): writes a new version of the item', access: 'staff', request: { params: z.object({ code: C.ItemCodeParam }), body: json(C.ItemKeywordsBody) }, ok: [200, 'the item’s new current version'], errors: [403, 404, ...BODY] },
    { operationId: 'listDepartments', method: 'get', path: '/api/departments', summary: 'Department kinds (code, Chinese and English name)', access: 'public', ok: [200, 'departments'] },
    { operationId: 'listJurisdictions', method: 'get', path: '/api/jurisdictions', summary: 'The jurisdiction tree, by level, parent or subtree', access: 'public', request: { query: S.JurisdictionsQuery }, ok: [200, 'jurisdictions'] },
    { operationId: 'getJurisdiction', method: 'get', path: '/api/jurisdictions/{code}', summary: 'One jurisdiction with its children', access: 'public', request: { params: z.object({ code: z.string() }) }, ok: [200, 'jurisdiction'], errors: [404] },
    { operationId: 'listCentres', method: 'get', path: '/api/centres', summary: 'Service centres', access: 'public', request: { query: S.JurisdictionsQuery.pick({ under: true }) }, ok: [200, 'centres'] },
    { operationId: 'fileCase', method: 'post', path: '/api/cases', summary: 'File a case: online as a person or a legal person, in person or through an agent (授权委托书 among the materials), or a clerk at the counter filing and accepting in one step (`acceptNow`). ID numbers (GB 11643) and credit codes (GB 32100) are checked; a wrong check character answers 422 VALIDATION_FAILED naming the field, an applicant type the item does not take 422 APPLICANT_TYPE_NOT_ACCEPTED', access: 'optional', request: { body: json(S.FileCaseBody) }, ok: [201, 'the case (accepted, for a counter filing), with its query code (shown once); `applicant` has type, name, idNumber, phone, uscc, legalRepresentative and `agent` name, idNumber, phone, masked as the personal-data rules say'], errors: [403, 404, ...BODY, 429], more: { 503: 'CALENDAR_YEAR_MISSING' } },
    { operationId: 'listCases', method: 'get', path: '/api/cases', summary: 'Find cases the caller may see, newest first, with the total: by number, name or a whole ID number, USCC or phone (`q`), and by the dashboard’s drill-down filters. Staff see what the case policy lets them (clerks, supervisors, admins: everything filed under their jurisdiction; department reviewers: the cases whose route passes their desk there); an applicant account its own cases', access: 'staff', request: { query: S.CasesQuery }, ok: [200, 'a page of cases: { total, page, pageSize, cases } (list rows carry no `actions`: fetch one case for what may be done with it)'], errors: [403, 404] },
    { operationId: 'getCase', method: 'get', path: '/api/cases/{caseNo}', summary: 'One case, with `actions`: what the caller may do with it now. `promise.dueOn` is the promised completion date (承诺办结日期, ISO `YYYY-MM-DD`, counted in working days from acceptance; null before acceptance; while paused, the date if resumed today) with `promise.status` pending|running|paused|finished, `limitDays`, `usedDays`, `leftDays`, `overdueDays` and `light`; `step.dueOn` (ISO `YYYY-MM-DD`) and `step.light` are the current step’s own deadline (环节时限)', access: 'case', request: { params: caseNo }, ok: [200, 'case'], errors: [403, 404, 429] },
    { operationId: 'listCaseEvents', method: 'get', path: '/api/cases/{caseNo}/events', summary: 'A case’s history, after `sinceSeq`', access: 'case', request: { params: caseNo, query: S.EventsQuery }, ok: [200, 'events in order, and the case’s lastSeq'], errors: [403, 404, 429] },
    { operationId: 'getCaseDecision', method: 'get', path: '/api/cases/{caseNo}/decision', summary: 'The written decision (不予受理通知书, 不予许可决定书 or 准予许可决定书) generated from the case: item, applicant, reasons, date, deciding body, and the rights notice naming the review body (复议机关) and the court', access: 'case', request: { params: caseNo }, ok: [200, 'the decision document'], errors: [403, 404, 429] },
    { operationId: 'getCaseRightsNotice', method: 'get', path: '/api/cases/{caseNo}/rights-notice', summary: 'The rights notice a refusal or denial of this case carries, generated by the jurisdiction tree (review body, court, 60 days, 6 months)', access: 'case', request: { params: caseNo }, ok: [200, 'the rights notice'], errors: [403, 404, 429] },
    { operationId: 'actOnCase', method: 'post', path: '/api/cases/{caseNo}/actions', summary: 'Act on a case. Returns, amendments and urging: AMEND (the desk at the step corrects phone/address or adds material, with a reason), URGE (督办 by a supervisor, with reason and replyBy), URGE_REPLY (the desk answers), APPLICANT_URGE (催办 by the applicant of an overdue case, once per working day: 429 ALREADY_URGED_TODAY with details.nextAllowedOn). The case carries `returned` (the upper desk’s reason, until forwarded again), `urge` (pending 督办) and `escalatedFor`', access: 'case', request: { params: caseNo, body: json(S.ActionBody) }, ok: [200, 'the case after the transition, and the event'], errors: [403, 404, ...BODY, 429], more: { 409: 'INVALID_TRANSITION, VERSION_CONFLICT, MATERIALS_NOTICE_EXPIRED or NOT_OVERDUE', 503: 'CALENDAR_YEAR_MISSING' } },
    { operationId: 'getQueue', method: 'get', path: '/api/queue', summary: 'Cases waiting at the caller’s desk, oldest deadline first', access: 'staff', request: { query: S.QueueQuery }, ok: [200, 'cases'], errors: [403] },
    { operationId: 'getHandled', method: 'get', path: '/api/desk/handled', summary: 'Cases the caller’s desk (clerk: its centre; reviewer: its department at its jurisdiction) acted on (已办), newest act first: each case as now, with `handled`: the desk’s last act (type, fromState, toState, actorName, opinion, at)', access: 'staff', request: { query: S.HandledQuery }, ok: [200, 'a page of cases: { total, page, pageSize, cases } (list rows carry no `actions`: fetch one case for what may be done with it)'], errors: [403] },
    { operationId: 'listUrgings', method: 'get', path: '/api/urgings', summary: 'Open cases raised to the supervisor’s jurisdiction (督办 escalations: red past the promised date for ESCALATE_AFTER_RED_DAYS working days), newest first: caseNo, kind, toLevel, toJurisdiction, byName, createdAt', access: 'staff', request: { query: S.UrgingsQuery }, ok: [200, '{ urgings }'], errors: [403] },
    { operationId: 'getStatsOverview', method: 'get', path: '/api/stats/overview', summary: 'Counts by state, level and light under a jurisdiction', access: 'staff', request: { query: S.StatsQuery }, ok: [200, 'counts'], errors: [403, 404] },
    { operationId: 'getDashboard', method: 'get', path: '/api/stats/dashboard', summary: 'Supervisor dashboard: counters, daily activity, per-level and per-area counts, linked volume, step durations', access: 'staff', request: { query: St.DashboardQuery }, ok: [200, 'dashboard'], errors: [403, 404] },
    { operationId: 'listCalendarYears', method: 'get', path: '/api/calendar/years', summary: 'Years the working-day calendar covers', access: 'public', ok: [200, 'years'] },
    { operationId: 'putCalendarYear', method: 'put', path: '/api/calendar/years/{year}', summary: 'Add or replace a year of the calendar (admin)', access: 'staff', request: { params: z.object({ year: z.string() }), body: json(S.CalendarYearBody) }, ok: [200, 'saved'], errors: [403, ...BODY] },
    { operationId: 'listUsers', method: 'get', path: '/api/users', summary: 'List accounts (admin)', access: 'staff', request: { query: U.UsersQuery }, ok: [200, 'a page of users'], errors: [403] },
    { operationId: 'createUser', method: 'post', path: '/api/users', summary: 'Create an account (admin)', access: 'staff', request: { body: json(U.CreateUserBody) }, ok: [201, 'the user'], errors: [403, 404, ...BODY], more: { 409: 'USERNAME_TAKEN' } },
    { operationId: 'updateUser', method: 'patch', path: '/api/users/{id}', summary: 'Change an account: role, placement, active, password reset (admin)', access: 'staff', request: { params: z.object({ id: z.string() }), body: json(U.UpdateUserBody) }, ok: [200, 'the user'], errors: [403, 404, ...BODY], more: { 409: 'CANNOT_DEACTIVATE_SELF or CANNOT_DEMOTE_SELF' } },
    { operationId: 'getOpenApi', method: 'get', path: '/api/openapi.json', summary: 'This description', access: 'public', ok: [200, 'the OpenAPI document'], bare: true },
    { operationId: 'getHealth', method: 'get', path: '/health', summary: 'Liveness and database check', access: 'public', ok: [200, 'ok'], more: { 503: 'DATABASE_UNAVAILABLE' }, bare: true },
  ];
  for (const op of [...ops, ...FILE_OPERATIONS, ...LICENCE_OPERATIONS, ...LICENCE_STATUS_OPERATIONS, ...PUBLICITY_OPERATIONS, ...COMMITMENT_OPERATIONS, ...CERTIFICATE_OPERATIONS, ...MARKET_AGENCY_OPERATIONS, ...MARKET_ORDER_OPERATIONS, ...MARKET_RATING_OPERATIONS, ...PROJECT_BOARD_OPERATIONS, ...PROXY_OPERATIONS, ...PROJECT_OPERATIONS, ...TRANSFER_OPERATIONS, ...RATING_OPERATIONS, ...POWER_OPERATIONS, ...DELEGATION_OPERATIONS]) register(reg, op);
  return new OpenApiGeneratorV31(reg.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Wenzhou linked approval engine',
      version: '0.1.0',
      description: 'Five-level linked approval: file, accept, review, decide, issue, deliver. Errors are always {"error": {"code", "message", "details?"}}.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    // Relative: the API is served by the same server as this document, wherever that is.
    servers: [{ url: '/', description: 'the server this description was fetched from' }],
  });
}
