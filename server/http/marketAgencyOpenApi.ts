import { z } from 'zod';
import * as M from './marketAgencySchemas';
import type { Operation } from './openapi';

const id = z.object({ id: M.AgencyIdParam });
const code = z.object({ code: M.ServiceItemCodeParam });
const json = (schema: z.ZodType) => ({ content: { 'application/json': { schema } } });

/** The intermediary market's agencies and service items (网上中介超市, issue 12 part A). */
export const MARKET_AGENCY_OPERATIONS: Operation[] = [
  {
    operationId: 'listMarketAgencies',
    method: 'get',
    path: '/api/market/agencies',
    summary: 'The published agencies (listed, suspended, expelled, appealing; `status` narrows to one), best rated first, with the total: `onSite=true` those also on the physical platform, `serviceItem`, `area` served, `q` part of the name. Each: name, USCC, areas, state, score, stars, rated and completed orders',
    access: 'optional',
    request: { query: M.AgencyListQuery },
    ok: [200, '{ total, page, pageSize, agencies }'],
    errors: [403],
  },
  {
    operationId: 'registerMarketAgency',
    method: 'post',
    path: '/api/market/agencies',
    summary: '入驻: an agency registers with its particulars, qualifications (资质, level and expiry), practising staff, service items, areas served and an account (role intermediary); the account and the agency (`pending`, the centre’s review due in MARKET_REVIEW_DAYS working days) are written in one transaction and pushed (`agency:updated`) to the centre',
    access: 'public',
    request: { body: json(M.AgencyRegistrationBody) },
    ok: [201, '{ agency, operations, history, username }'],
    errors: [413, 415, 422, 429],
    more: { 409: 'AGENCY_USCC_TAKEN (this USCC is registered) or USERNAME_TAKEN', 422: 'VALIDATION_FAILED (a wrong USCC check character, phone, date …) or SERVICE_ITEM_UNKNOWN' },
  },
  { operationId: 'getMyMarketAgency', method: 'get', path: '/api/market/my-agency', summary: 'The intermediary account’s own agency, with its history and the operations it may take (APPEAL while expelled, within 15 days)', access: 'staff', ok: [200, '{ agency, operations, history }'], errors: [403, 404] },
  {
    operationId: 'getMarketAgency',
    method: 'get',
    path: '/api/market/agencies/{id}',
    summary: 'An agency’s public profile: qualifications with expiry (`expired`), staff by name and title only, service items, areas, score, stars, completed orders, the credit record (its bad acts), and for a suspended or expelled one the reason and decision. The centre and the agency itself also get the review due date, the appeal’s grounds and the history; a pending or rejected registration is theirs only (404 to others)',
    access: 'optional',
    request: { params: id },
    ok: [200, '{ agency, operations, history }'],
    errors: [404],
  },
  {
    operationId: 'operateMarketAgency',
    method: 'post',
    path: '/api/market/agencies/{id}/operations',
    summary: 'The city centre’s supervisors: APPROVE or REJECT (with reasons) a registration, SUSPEND (reason) and RESTORE, EXPEL (reason and decision number), UPHOLD or OVERTURN (reason) an appeal; the agency itself: APPEAL its expulsion with grounds, once, within 15 days. Through the one command path, pushed live (`agency:updated`) to the public market room, the agency and the centre',
    access: 'staff',
    request: { params: id, body: json(M.AgencyOperationBody) },
    ok: [200, '{ agency, operations, history, event }'],
    errors: [403, 404, 413, 415, 422, 429],
    more: { 409: 'INVALID_TRANSITION (not possible in this state, a missing reason or decision number, an appeal out of time or a second one) or VERSION_CONFLICT' },
  },
  { operationId: 'getMarketReviewQueue', method: 'get', path: '/api/market/review', summary: 'The city centre supervisors’ queue: registrations and appeals awaiting review, overdue first (the review timer flags those past MARKET_REVIEW_DAYS working days)', access: 'staff', ok: [200, '{ total, reviewDays, entries }'], errors: [403] },
  { operationId: 'listMarketServiceItems', method: 'get', path: '/api/market/service-items', summary: 'The 121 kept intermediary service items, with the total: category, department, whether the government commissions and pays, the qualification required', access: 'public', request: { query: M.ServiceItemListQuery }, ok: [200, '{ total, page, pageSize, serviceItems }'] },
  {
    operationId: 'getMarketServiceItem',
    method: 'get',
    path: '/api/market/service-items/{code}',
    summary: 'One service item with the approval items that need it and the listed agencies offering it (best rated first, up to 100, with their total)',
    access: 'public',
    request: { params: code },
    ok: [200, '{ serviceItem, approvalItems, agencies: { total, list } }'],
    errors: [404],
    more: { 404: 'SERVICE_ITEM_NOT_FOUND' },
  },
];
