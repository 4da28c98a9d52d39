/**
 * Proof lists and written commitments (告知承诺): the guide's proof list, the
 * post-check desk, credit records and their repair, the applicant's list.
 * Shapes come from the server's presenters and schemas (type-only imports).
 */
import type { z } from 'zod';
import type { ItemProof } from '../../../db/repositories/commitments/proofs';
import type { PostCheckActionBody } from '../../../server/http/commitmentSchemas';
import type { presentCommitment, presentCreditRecord, presentPostCheck, presentPostCheckEvent } from '../../../server/presenters/postChecks';
import type { PostCheckOutcome, PostCheckState } from '../../../workflows/postCheckMachine';
import { api, qs } from './http';
import type { ItemView } from './types';

export type { ItemProof, PostCheckOutcome, PostCheckState };
export type ItemGuide = ItemView & { proofs: ItemProof[] };
export type PostCheckView = ReturnType<typeof presentPostCheck>;
export type CommitmentView = ReturnType<typeof presentCommitment>;
export type PostCheckEventView = ReturnType<typeof presentPostCheckEvent>;
export type CreditRecordView = ReturnType<typeof presentCreditRecord>;
export type OutcomeBody = z.infer<typeof PostCheckActionBody>;

export interface PostCheckDetail {
  postCheck: PostCheckView;
  commitment: CommitmentView | null;
  mayAct: boolean;
  outcomes: PostCheckOutcome[];
  history: PostCheckEventView[];
}

export function listDeskPostChecks(state?: PostCheckState): Promise<(PostCheckView & { mayAct: boolean })[]> {
  return api<{ postChecks: (PostCheckView & { mayAct: boolean })[] }>('GET', `/api/desk/post-checks${qs({ state, limit: 100 })}`).then((r) => r.postChecks);
}

export function getPostCheck(id: number): Promise<PostCheckDetail> {
  return api<PostCheckDetail>('GET', `/api/post-checks/${id}`);
}

export function recordOutcome(id: number, body: OutcomeBody): Promise<{ postCheck: PostCheckView }> {
  return api('POST', `/api/post-checks/${id}/actions`, { body });
}

export function listCreditRecords(): Promise<CreditRecordView[]> {
  return api<{ creditRecords: CreditRecordView[] }>('GET', `/api/credit-records${qs({ limit: 100 })}`).then((r) => r.creditRecords);
}

export function repairCreditRecord(id: number, reason: string): Promise<{ creditRecord: CreditRecordView }> {
  return api('POST', `/api/credit-records/${id}/repair`, { body: { reason } });
}

export type MyCommitment = Partial<CommitmentView> & { proof: string; postCheck: PostCheckView };

export function listMyCommitments(): Promise<MyCommitment[]> {
  return api<{ commitments: MyCommitment[] }>('GET', '/api/me/commitments').then((r) => r.commitments);
}
