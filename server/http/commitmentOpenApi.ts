import { z } from 'zod';
import * as C from './commitmentSchemas';
import type { Operation } from './openapi';

const id = z.object({ id: C.NumericId });

/** Written commitments (告知承诺, issue 11 part 4): post-check tasks, their outcomes, credit records and their repair. */
export const COMMITMENT_OPERATIONS: Operation[] = [
  {
    operationId: 'listDeskPostChecks',
    method: 'get',
    path: '/api/desk/post-checks',
    summary: 'The post-check (核查) tasks of the reviewer’s desk (the deciding department at its jurisdiction), a supervisor’s of the area: open first, earliest due first; each with `mayAct`',
    access: 'staff',
    request: { query: C.PostChecksQuery },
    ok: [200, '{ postChecks }'],
    errors: [403],
  },
  {
    operationId: 'getPostCheck',
    method: 'get',
    path: '/api/post-checks/{id}',
    summary: 'One post-check task with the signed commitment text, the outcomes the caller may record and its history: `{ postCheck, commitment, mayAct, outcomes, history }`. The applicant who signed, the checking desk, supervisors and administrators above it',
    access: 'staff',
    request: { params: id },
    ok: [200, '{ postCheck, commitment, mayAct, outcomes, history }'],
    errors: [404],
    more: { 404: 'POST_CHECK_NOT_FOUND' },
  },
  {
    operationId: 'actOnPostCheck',
    method: 'post',
    path: '/api/post-checks/{id}/actions',
    summary: 'The checking desk’s outcome: CONFIRM (the commitment held) or FIND_FALSE (a decision with its 文号 and reasons; writes a credit record on the applicant that blocks commitments until repaired). Through the one command path; pushed live (`postcheck:updated`) to the desk and the applicant',
    access: 'staff',
    request: { params: id, body: { content: { 'application/json': { schema: C.PostCheckActionBody } } } },
    ok: [200, '{ postCheck, event }'],
    errors: [403, 413, 415, 422, 429],
    more: { 404: 'POST_CHECK_NOT_FOUND', 409: 'INVALID_TRANSITION (the task has its outcome already) or VERSION_CONFLICT' },
  },
  {
    operationId: 'listCreditRecords',
    method: 'get',
    path: '/api/credit-records',
    summary: 'Credit records of false commitments: a reviewer’s department’s, a supervisor’s or administrator’s area; unrepaired first. A person’s ID number is masked except for the recording desk',
    access: 'staff',
    request: { query: C.CreditRecordsQuery },
    ok: [200, '{ creditRecords }'],
    errors: [403],
  },
  {
    operationId: 'repairCreditRecord',
    method: 'post',
    path: '/api/credit-records/{id}/repair',
    summary: '信用修复 by the department that recorded it (or an administrator above it), with a reason; the subject may commit again',
    access: 'staff',
    request: { params: id, body: { content: { 'application/json': { schema: C.RepairCreditBody } } } },
    ok: [200, '{ creditRecord }'],
    errors: [403, 413, 415, 422, 429],
    more: { 404: 'CREDIT_RECORD_NOT_FOUND', 409: 'CREDIT_ALREADY_REPAIRED' },
  },
  {
    operationId: 'listMyCommitments',
    method: 'get',
    path: '/api/me/commitments',
    summary: 'The written commitments this applicant account signed, each with its text and its post-check (state, due date, outcome)',
    access: 'staff',
    ok: [200, '{ commitments }'],
    errors: [403],
  },
];
