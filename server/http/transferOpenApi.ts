import { z } from 'zod';
import * as T from './transferSchemas';
import type { Operation } from './openapi';

const json = (schema: z.ZodType) => ({ content: { 'application/json': { schema } } });
const id = z.object({ id: T.OrgIdParam });

/** The function-transfer list (职能转移, issue 14; docs/transfers.md). */
export const TRANSFER_OPERATIONS: Operation[] = [
  { operationId: 'listTransferFunctions', method: 'get', path: '/api/transfers', summary: 'Public: the transferred-functions directory (from which unit, what, how, to which organisation), paginated with `total`; `figures` counts the whole list from its rows (functions, units, those in an implementation plan, agreements and the units that signed them, services, organisations by directory state)', access: 'public', request: { query: T.FunctionListQuery }, ok: [200, '{ functions, total, page, pageSize, figures }'] },
  { operationId: 'listTransferUnits', method: 'get', path: '/api/transfers/units', summary: 'Public: the transferring units, each with its functions and agreements counted', access: 'public', ok: [200, '{ units, total }'] },
  { operationId: 'listTransferServices', method: 'get', path: '/api/transfers/services', summary: 'Public: the purchasable-services directory (政府购买服务目录: every function transferred by commission), by its five classes; paginated with `total`', access: 'public', request: { query: T.ServiceListQuery }, ok: [200, '{ services, total, page, pageSize }'] },
  { operationId: 'listTransferAgreements', method: 'get', path: '/api/transfers/agreements', summary: 'Public: the agreements (parties, function, term, money, deliverables; whether the term runs today and whether the organisation may have it renewed), newest first, paginated with `total`', access: 'public', request: { query: T.AgreementListQuery }, ok: [200, '{ agreements, total, page, pageSize }'] },
  {
    operationId: 'recordTransferAgreement',
    method: 'post',
    path: '/api/transfers/agreements',
    summary: 'The administrator records a signed agreement: the unit’s own function, an organisation in the qualified directory',
    access: 'staff',
    request: { body: json(T.AgreementBody) },
    ok: [201, '{ agreement }'],
    errors: [403, 413, 415, 422],
    more: { 409: 'TRANSFER_ORG_NOT_QUALIFIED (on probation or removed) or TRANSFER_AGREEMENT_NO_TAKEN' },
  },
  { operationId: 'listTransferOrganisations', method: 'get', path: '/api/transfers/organisations', summary: 'Public: the receiving organisations (承接主体) with credit rating, directory state (qualified, probation, removed) and latest evaluation; paginated with `total`', access: 'public', request: { query: T.OrgListQuery }, ok: [200, '{ organisations, total, page, pageSize }'] },
  { operationId: 'getTransferOrganisation', method: 'get', path: '/api/transfers/organisations/{id}', summary: 'Public: one organisation with every annual evaluation (score, grade, consequence) and its agreements', access: 'public', request: { params: id }, ok: [200, '{ organisation, evaluations, agreements }'], more: { 404: 'TRANSFER_ORG_NOT_FOUND' } },
  {
    operationId: 'evaluateTransferOrganisation',
    method: 'post',
    path: '/api/transfers/organisations/{id}/evaluations',
    summary: 'The administrator records a year’s evaluation: the grade follows from the score, and its consequence (kept, probation, restored, removed from the directory) is applied in the same transaction',
    access: 'staff',
    request: { params: id, body: json(T.EvaluationBody) },
    ok: [201, '{ organisation, evaluation }'],
    errors: [403, 404, 413, 415, 422],
    more: { 404: 'TRANSFER_ORG_NOT_FOUND', 409: 'TRANSFER_ALREADY_EVALUATED, INVALID_TRANSITION (a removed organisation, or a year before the last one evaluated) or VERSION_CONFLICT' },
  },
];
