import { z } from 'zod';
import * as M from './marketRatingSchemas';
import type { Operation } from './openapi';

const id = z.object({ id: M.MarketIdParam });
const json = (schema: z.ZodType) => ({ content: { 'application/json': { schema } } });

/** Three-way ratings, bad acts, complaints, rankings, the credit file and the centre's screen (issue 12, docs/market-ratings.md). */
export const MARKET_RATING_OPERATIONS: Operation[] = [
  {
    operationId: 'rateMarketOrder',
    method: 'post',
    path: '/api/market/orders/{id}/ratings',
    summary: 'Rate the agency of a completed order (RATE): the order’s owner as `client`, a reviewer of the department keeping the service item as `department`, a city supervisor as `centre`; once per kind; it waits for the centre’s moderation (`rating:updated` to the centre and the agency)',
    access: 'staff',
    request: { params: id, body: json(M.RateOrderBody) },
    ok: [201, '{ rating }'],
    errors: [403, 404, 413, 415, 422, 429],
    more: { 403: 'FORBIDDEN, or AGENCY_CANNOT_RATE (an agency never rates)', 404: 'MARKET_ORDER_NOT_FOUND', 409: 'ORDER_NOT_COMPLETED or ALREADY_RATED' },
  },
  {
    operationId: 'listMarketOrderRatings',
    method: 'get',
    path: '/api/market/orders/{id}/ratings',
    summary: 'Who rated an order what, once approved (the rater’s kind only); the centre sees every rating with its state; `mine` says what the caller may rate',
    access: 'optional',
    request: { params: id },
    ok: [200, '{ order, ratings, mine }'],
    errors: [404],
    more: { 404: 'MARKET_ORDER_NOT_FOUND' },
  },
  { operationId: 'listMarketRatings', method: 'get', path: '/api/market/ratings', summary: 'The centre’s moderation queue (`status=pending`, oldest first) or the approved/rejected ratings, paginated with total', access: 'staff', request: { query: M.RatingsQuery }, ok: [200, '{ total, page, pageSize, ratings }'], errors: [403] },
  {
    operationId: 'moderateMarketRating',
    method: 'post',
    path: '/api/market/ratings/{id}/moderate',
    summary: 'APPROVE (the agency’s score, stars and rated orders recomputed with MARKET_RATING_WEIGHTS in the same transaction; an order composite below 2 writes a one_star bad act and its credit record) or REJECT with a reason; by a city supervisor; `rating:updated` public once approved',
    access: 'staff',
    request: { params: id, body: json(M.ModerateRatingBody) },
    ok: [200, '{ rating, agency }'],
    errors: [403, 404, 413, 415, 422, 429],
    more: { 404: 'RATING_NOT_FOUND', 409: 'INVALID_TRANSITION (already moderated) or VERSION_CONFLICT' },
  },
  {
    operationId: 'recordMarketBadAct',
    method: 'post',
    path: '/api/market/agencies/{id}/bad-acts',
    summary: 'The centre or the approving department records a bad act (late, false_result, overcharge, other) on the agency of an order: the act, its credit record and the recomputed stars (one star) in one transaction; `agency:updated` to the public',
    access: 'staff',
    request: { params: id, body: json(M.BadActBody) },
    ok: [201, '{ badAct, agency }'],
    errors: [403, 404, 413, 415, 422, 429],
    more: { 404: 'AGENCY_NOT_FOUND or MARKET_ORDER_NOT_FOUND', 422: 'VALIDATION_FAILED or ORDER_NOT_OF_AGENCY' },
  },
  {
    operationId: 'fileMarketComplaint',
    method: 'post',
    path: '/api/market/orders/{id}/complaints',
    summary: 'The order’s owner complains about the agency chosen for it',
    access: 'staff',
    request: { params: id, body: json(M.ComplaintBody) },
    ok: [201, '{ complaint }'],
    errors: [403, 404, 413, 415, 422, 429],
    more: { 404: 'MARKET_ORDER_NOT_FOUND', 409: 'NO_AGENCY_CHOSEN' },
  },
  { operationId: 'listMarketComplaints', method: 'get', path: '/api/market/complaints', summary: 'Complaints: every one for the centre, the caller’s own for an owner', access: 'staff', request: { query: M.ComplaintsQuery }, ok: [200, '{ complaints }'], errors: [403] },
  {
    operationId: 'closeMarketComplaint',
    method: 'post',
    path: '/api/market/complaints/{id}/close',
    summary: 'The centre closes a complaint with the outcome the owner is told',
    access: 'staff',
    request: { params: id, body: json(M.CloseComplaintBody) },
    ok: [200, '{ complaint }'],
    errors: [403, 404, 413, 415, 422, 429],
    more: { 404: 'COMPLAINT_NOT_FOUND', 409: 'INVALID_TRANSITION or VERSION_CONFLICT' },
  },
  { operationId: 'getMarketRankings', method: 'get', path: '/api/market/rankings', summary: 'The public league table: listed agencies by stars then score (5★ pinned on top), with rated orders; filter serviceItem; paginated with total', access: 'public', request: { query: M.RankingsQuery }, ok: [200, '{ total, page, pageSize, agencies }'] },
  { operationId: 'getMarketCreditRecords', method: 'get', path: '/api/market/credit-records', summary: 'Every agency bad act as a credit record for the city’s credit platform: `format=csv` (UTF-8 with BOM, header row of Chinese field names) or `json` (an array keyed by the field codes); fields in docs/market-ratings.md', access: 'public', request: { query: M.CreditRecordsQuery }, ok: [200, 'the CSV file or the JSON array'] },
  { operationId: 'getMarketSupervision', method: 'get', path: '/api/market/supervision', summary: 'The centre’s market-supervision screen: open orders by state, overdue services, league table, bad acts, open complaints, ratings awaiting moderation, agencies to review', access: 'staff', ok: [200, '{ orders, league, badActs, complaints, pendingRatings, toReview }'], errors: [403] },
];
