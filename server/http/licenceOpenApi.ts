import { z } from 'zod';
import * as L from './licenceSchemas';
import type { Operation } from './openapi';

const licenceId = z.object({ licenceId: L.LicenceIdParam });

/** The life of an e-licence after issue (issue 11, part 3): its record, its status operations, the desk's list. */
export const LICENCE_STATUS_OPERATIONS: Operation[] = [
  {
    operationId: 'getLicence',
    method: 'get',
    path: '/api/licences/{licenceId}',
    summary: 'One e-licence with every version of it (延续/变更 issue the next, carrying the previous identifier) and every recorded operation: `{ licence, mayOperate, versions, history: [{ seq, type, operationCode, words, reason, details, by, at }] }`. Its holder, the issuing desk, supervisors and administrators above it',
    access: 'staff',
    request: { params: licenceId },
    ok: [200, '{ licence, mayOperate, versions, history }'],
    errors: [404],
  },
  {
    operationId: 'operateLicence',
    method: 'post',
    path: '/api/licences/{licenceId}/operations',
    summary: 'A status operation by the issuing department’s reviewers: RENEW 延续, AMEND 变更 (holderName), SUSPEND 暂扣 (decisionNo, until), RESTORE 发还, CANCEL 注销, REVOKE 撤销 (decisionNo), WITHDRAW 吊销 (decisionNo). Through the one command path; pushed live (`licence:updated`) to the holder and the desk; the public verification shows the new status and the reason',
    access: 'staff',
    request: { params: licenceId, body: { content: { 'application/json': { schema: L.LicenceOperationBody } } } },
    ok: [200, '{ licence, event, next }'],
    errors: [403, 404, 413, 415, 422, 429],
    more: { 409: 'INVALID_TRANSITION (the licence’s state does not take it: a superseded or ended licence takes nothing), VERSION_CONFLICT, or LICENCE_ID_INVALID' },
  },
  {
    operationId: 'listIssuedLicences',
    method: 'get',
    path: '/api/desk/licences',
    summary: 'The licences the reviewer’s department issued at their jurisdiction (a supervisor: every licence of the area), newest first, by 证照编号, holder or identifier and state; each with `mayOperate`',
    access: 'staff',
    request: { query: L.IssuedLicencesQuery },
    ok: [200, '{ licences }'],
    errors: [403],
  },
];
