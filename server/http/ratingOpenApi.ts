import { z } from 'zod';
import type { Operation } from './openapi';
import * as R from './ratingSchemas';
import { CaseNoParam } from './schemas';

const id = z.object({ id: R.NumericId });
const caseNo = z.object({ caseNo: CaseNoParam });
const json = (schema: z.ZodType) => ({ content: { 'application/json': { schema } } });

/** 好差评 (国办发〔2019〕51号), issue 14 part B: ratings, rectifications, the supervisors' figures, the monthly results. */
export const RATING_OPERATIONS: Operation[] = [
  {
    operationId: 'rateCase',
    method: 'post',
    path: '/api/cases/{caseNo}/rating',
    summary: 'The applicant (account or query code) rates the case once per stage: `accept` once accepted, `final` once closed; 1–5 on the five online indicators. A bad rating (1–2) opens a rectification for the desk that handled the stage, due in RECTIFICATION_WORKING_DAYS working days. Staff cannot rate',
    access: 'case',
    request: { params: caseNo, body: json(R.RateCaseBody) },
    ok: [201, '{ rating, rectification }'],
    errors: [404, 413, 415, 422, 429],
    more: { 403: 'RATING_APPLICANT_ONLY', 409: 'RATING_ALREADY_GIVEN or RATING_STAGE_NOT_REACHED' },
  },
  {
    operationId: 'listCaseRatings',
    method: 'get',
    path: '/api/cases/{caseNo}/ratings',
    summary: 'The case’s ratings, each with its rectification and outcome; `rateable`: the stages the applicant may rate now. Never says who rated',
    access: 'case',
    request: { params: caseNo },
    ok: [200, '{ ratings, rateable }'],
    errors: [404, 429],
  },
  {
    operationId: 'getCaseAccountability',
    method: 'get',
    path: '/api/cases/{caseNo}/accountability',
    summary: '问责, supervisors and administrators whose jurisdiction holds the case: what went wrong with it (`triggers`: bad ratings with their desk, staff and rectification; an overdue promise with the step’s desk; a rectification past its deadline), the power its item implements (`power`, null for a public service) and that power’s responsibility list, each matter with `reachedBy` (the trigger kinds reaching it); `unmatched` names triggers the list has no matter for',
    access: 'case',
    request: { params: caseNo },
    ok: [200, '{ caseNo, item, power, triggers, responsibilities, unmatched }'],
    errors: [403, 404, 429],
  },
  {
    operationId: 'rateRectification',
    method: 'post',
    path: '/api/cases/{caseNo}/rectification-rating',
    summary: 'The applicant rates the outcome of a rectification (fixed or explained) of the stage’s bad rating, once',
    access: 'case',
    request: { params: caseNo, body: json(R.RateRectificationBody) },
    ok: [200, '{ rectification }'],
    errors: [403, 404, 413, 415, 422, 429],
    more: { 409: 'INVALID_TRANSITION (not answered yet, or rated already)' },
  },
  {
    operationId: 'listDeskRectifications',
    method: 'get',
    path: '/api/desk/rectifications',
    summary: 'The rectifications of the caller’s desk (a centre’s clerks, a department’s reviewers), a supervisor’s of the area: those owed first, earliest due first; each with the `actions` the caller may take',
    access: 'staff',
    request: { query: R.RectificationsQuery },
    ok: [200, '{ rectifications }'],
    errors: [403],
  },
  {
    operationId: 'getRectification',
    method: 'get',
    path: '/api/rectifications/{id}',
    summary: 'One rectification with its rating, the staff acts the rating covers, the applicant’s contact for the call back (in full for the desk only, none for an anonymous rating), the caller’s `actions` and the history',
    access: 'staff',
    request: { params: id },
    ok: [200, '{ rectification, rating, handlers, contact, actions, history }'],
    errors: [404],
    more: { 404: 'RECTIFICATION_NOT_FOUND' },
  },
  {
    operationId: 'actOnRectification',
    method: 'post',
    path: '/api/rectifications/{id}/actions',
    summary: 'The desk: VERIFY, CALL_BACK (回访, reached or not), FIX, EXPLAIN or APPEAL; a supervisor above it: UPHOLD_APPEAL (the rating leaves the figures) or REJECT_APPEAL. Through the one command path; live as `rectification:updated`',
    access: 'staff',
    request: { params: id, body: json(R.RectificationActionBody) },
    ok: [200, '{ rectification, event }'],
    errors: [403, 413, 415, 422, 429],
    more: { 404: 'RECTIFICATION_NOT_FOUND', 409: 'INVALID_TRANSITION or VERSION_CONFLICT' },
  },
  {
    operationId: 'getRatingSupervision',
    method: 'get',
    path: '/api/ratings/supervision',
    summary: 'A supervisor’s figures under `scope` (default: the own jurisdiction): satisfaction by centre, department and item; rectifications open, overdue, resolved, dismissed; 实名差评回访率 with the real-name bad ratings still missing a call back',
    access: 'staff',
    request: { query: R.RatingSupervisionQuery },
    ok: [200, '{ scope, byCentre, byDepartment, byItem, rectifications, callBack }'],
    errors: [403],
  },
  {
    operationId: 'listMonthlyRatingResults',
    method: 'get',
    path: '/api/ratings/monthly',
    summary: 'The published monthly results (public): per month and department, ratings, average, satisfied, bad and rectified, newest month first; paginated with `total`',
    access: 'public',
    request: { query: R.MonthlyQuery },
    ok: [200, '{ total, page, pageSize, results }'],
  },
];
