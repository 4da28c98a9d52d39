import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import * as S from './schemas';
import * as St from './statsSchemas';
import * as U from './userSchemas';

const json = (schema: z.ZodType) => ({ content: { 'application/json': { schema } } });
const err = (description: string) => ({ description, ...json(S.ErrorBody) });
const caseNo = z.object({ caseNo: S.CaseNoParam });
const queryCode = z.object({ 'x-query-code': z.string().optional().openapi({ description: 'the case’s query code, for applicants without an account' }) });
const anyJson = z.record(z.string(), z.unknown());

/** Builds the OpenAPI document from the same zod schemas that validate requests. */
export function buildOpenApi() {
  const reg = new OpenAPIRegistry();
  reg.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  const errors = { 400: err('malformed input'), 401: err('not logged in'), 403: err('outside role or jurisdiction'), 404: err('not found'), 413: err('body too large'), 422: err('invalid field') };
  const ok = (description: string) => ({ description, ...json(anyJson) });
  reg.registerPath({ method: 'post', path: '/api/auth/login', summary: 'Log in as staff', request: { body: json(S.LoginBody) }, responses: { 200: ok('token and user'), ...errors } });
  reg.registerPath({ method: 'get', path: '/api/auth/me', summary: 'The logged-in user', security: [{ bearer: [] }], responses: { 200: ok('user'), ...errors } });
  reg.registerPath({ method: 'get', path: '/api/items', summary: 'Search the catalogue', request: { query: S.ItemsQuery }, responses: { 200: ok('a page of items'), ...errors } });
  reg.registerPath({ method: 'get', path: '/api/items/{code}', summary: 'One item (current version)', request: { params: z.object({ code: z.string() }) }, responses: { 200: ok('item'), ...errors } });
  reg.registerPath({ method: 'post', path: '/api/items/import', summary: 'Import catalogue items from CSV (admin)', security: [{ bearer: [] }], request: { body: { content: { 'text/csv': { schema: z.string() } } } }, responses: { 200: ok('imported count'), ...errors } });
  reg.registerPath({ method: 'get', path: '/api/departments', summary: 'Department kinds (code, Chinese and English name)', responses: { 200: ok('departments') } });
  reg.registerPath({ method: 'get', path: '/api/jurisdictions', summary: 'The jurisdiction tree, by level, parent or subtree', request: { query: S.JurisdictionsQuery }, responses: { 200: ok('jurisdictions'), ...errors } });
  reg.registerPath({ method: 'get', path: '/api/jurisdictions/{code}', summary: 'One jurisdiction with its children', request: { params: z.object({ code: z.string() }) }, responses: { 200: ok('jurisdiction'), ...errors } });
  reg.registerPath({ method: 'get', path: '/api/centres', summary: 'Service centres', request: { query: S.JurisdictionsQuery.pick({ under: true }) }, responses: { 200: ok('centres'), ...errors } });
  reg.registerPath({ method: 'post', path: '/api/cases', summary: 'File a case (online without an account, or a clerk at the counter)', request: { body: json(S.FileCaseBody) }, responses: { 201: ok('the case, with its query code (shown once)'), ...errors } });
  reg.registerPath({ method: 'get', path: '/api/cases', summary: 'List cases filed under a jurisdiction (supervisor, admin, clerk) or one’s own (applicant account), newest first', security: [{ bearer: [] }], request: { query: S.CasesQuery }, responses: { 200: ok('a page of cases'), ...errors } });
  reg.registerPath({ method: 'get', path: '/api/cases/{caseNo}', summary: 'One case, with `actions`: what the caller may do with it now', security: [{ bearer: [] }, {}], request: { params: caseNo, headers: queryCode }, responses: { 200: ok('case'), ...errors, 429: err('too many failed query-code lookups') } });
  reg.registerPath({ method: 'get', path: '/api/cases/{caseNo}/events', summary: 'A case’s history', security: [{ bearer: [] }, {}], request: { params: caseNo, headers: queryCode, query: S.EventsQuery }, responses: { 200: ok('events in order'), ...errors, 429: err('rate limited') } });
  reg.registerPath({ method: 'post', path: '/api/cases/{caseNo}/actions', summary: 'Act on a case', security: [{ bearer: [] }, {}], request: { params: caseNo, headers: queryCode, body: json(S.ActionBody) }, responses: { 200: ok('the case after the transition, and the event'), ...errors, 409: err('INVALID_TRANSITION or VERSION_CONFLICT') } });
  reg.registerPath({ method: 'get', path: '/api/queue', summary: 'Cases waiting at the caller’s desk, oldest deadline first', security: [{ bearer: [] }], request: { query: S.QueueQuery }, responses: { 200: ok('cases'), ...errors } });
  reg.registerPath({ method: 'get', path: '/api/stats/overview', summary: 'Counts by state, level and light under a jurisdiction', security: [{ bearer: [] }], request: { query: S.StatsQuery }, responses: { 200: ok('counts'), ...errors } });
  reg.registerPath({ method: 'get', path: '/api/stats/dashboard', summary: 'Supervisor dashboard: counters, daily activity, per-level and per-area counts, linked volume, step durations', security: [{ bearer: [] }], request: { query: St.DashboardQuery }, responses: { 200: ok('dashboard'), ...errors } });
  reg.registerPath({ method: 'get', path: '/api/calendar/years', summary: 'Years the working-day calendar covers', responses: { 200: ok('years') } });
  reg.registerPath({ method: 'put', path: '/api/calendar/years/{year}', summary: 'Add or replace a year of the calendar (admin)', security: [{ bearer: [] }], request: { params: z.object({ year: z.string() }), body: json(S.CalendarYearBody) }, responses: { 200: ok('saved'), ...errors } });
  reg.registerPath({ method: 'get', path: '/api/users', summary: 'List accounts (admin)', security: [{ bearer: [] }], request: { query: U.UsersQuery }, responses: { 200: ok('a page of users'), ...errors } });
  reg.registerPath({ method: 'post', path: '/api/users', summary: 'Create an account (admin)', security: [{ bearer: [] }], request: { body: json(U.CreateUserBody) }, responses: { 201: ok('the user'), ...errors, 409: err('USERNAME_TAKEN') } });
  reg.registerPath({ method: 'patch', path: '/api/users/{id}', summary: 'Change an account: role, placement, active, password reset (admin)', security: [{ bearer: [] }], request: { params: z.object({ id: z.string() }), body: json(U.UpdateUserBody) }, responses: { 200: ok('the user'), ...errors, 409: err('CANNOT_DEACTIVATE_SELF or CANNOT_DEMOTE_SELF') } });
  reg.registerPath({ method: 'get', path: '/health', summary: 'Liveness and database check', responses: { 200: ok('ok'), 503: err('database unreachable') } });
  return new OpenApiGeneratorV31(reg.definitions).generateDocument({
    openapi: '3.1.0',
    info: { title: 'Wenzhou linked approval engine', version: '0.1.0', description: 'Five-level linked approval: file, accept, review, decide, issue, deliver.' },
  });
}
