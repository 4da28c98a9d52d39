import { z } from 'zod';
import * as D from './delegationSchemas';
import type { Operation } from './openapi';

const json = (schema: z.ZodType) => ({ content: { 'application/json': { schema } } });
const deedNo = z.object({ deedNo: D.DeedNoParam });

/** Delegation deeds to the pilot towns (赋权, issue 14; docs/delegations.md). */
export const DELEGATION_OPERATIONS: Operation[] = [
  { operationId: 'listDelegations', method: 'get', path: '/api/delegations', summary: 'The published delegation deeds, by town, department, standing today (pending, in_force, expired, revoked) or item: each with its delegating body, town, scope, term, publication, revocation and items; paginated with `total`', access: 'public', request: { query: D.DelegationListQuery }, ok: [200, '{ deeds, total, page, pageSize, today }'] },
  { operationId: 'listDelegationTowns', method: 'get', path: '/api/delegations/towns', summary: 'The six pilot towns, each with its deeds and the deeds and items in force today (counted from the deeds)', access: 'public', ok: [200, '{ towns, today }'] },
  { operationId: 'getDelegation', method: 'get', path: '/api/delegations/{deedNo}', summary: 'One deed', access: 'public', request: { params: deedNo }, ok: [200, '{ deed }'], more: { 404: 'DELEGATION_NOT_FOUND' } },
  { operationId: 'issueDelegation', method: 'post', path: '/api/delegations', summary: 'Record a published deed (admin): a county department delegates items to a pilot town; cases of those items filed in the town while it is in force take the route it gives', access: 'staff', request: { body: json(D.IssueDeedBody) }, ok: [201, '{ deed }'], errors: [403, 413, 415, 422], more: { 409: 'DELEGATION_EXISTS', 422: 'VALIDATION_FAILED, or DELEGATION_INVALID (details.problems: town, term, items, department)' } },
  { operationId: 'revokeDelegation', method: 'post', path: '/api/delegations/{deedNo}/revoke', summary: 'Revoke a deed (admin) from a date (today or later): new cases go to the county again, running cases keep their route', access: 'staff', request: { params: deedNo, body: json(D.RevokeDeedBody) }, ok: [200, '{ deed }'], errors: [403, 413, 415, 422], more: { 404: 'DELEGATION_NOT_FOUND', 409: 'INVALID_TRANSITION (already revoked) or VERSION_CONFLICT', 422: 'VALIDATION_FAILED, or DELEGATION_INVALID (a revocation date in the past)' } },
];
