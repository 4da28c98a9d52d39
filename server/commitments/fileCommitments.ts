import type { Knex } from 'knex';
import { insertAggregateEvent } from '../../db/repositories/aggregateEvents';
import type { CaseRow } from '../../db/repositories/cases';
import { unrepairedRecordsOf } from '../../db/repositories/commitments/creditRecords';
import { insertPostCheck, type PostCheckRow } from '../../db/repositories/commitments/postChecks';
import { insertCommitment, listItemProofs } from '../../db/repositories/commitments/proofs';
import type { ItemRow } from '../../db/repositories/items';
import { ancestorCode } from '../../workflows/levels';
import type { PostCheckContext } from '../../workflows/postCheckMachine';
import { actorName, actorUserId, eventActorOf, type Actor } from '../auth/actor';
import type { AppContext } from '../context';
import { AppError } from '../errors';
import type { FilingApplicant } from '../commands/fileCaseParties';
import { postCheckLive } from './postCheckAggregate';

/** A commitment the filing asks for: the proof it replaces, signed by the applicant. */
export interface FilingCommitment {
  proof: string;
  signed: true;
}

/** A commitment checked against the item's proof list, with the text to record. */
export interface PlannedCommitment {
  proof: string;
  text: string;
}

const proofNotListed = (item: ItemRow, proof: string, listed: string[]) =>
  new AppError('PROOF_NOT_LISTED', 422, `${proof} is not on the proof list of ${item.name}: no proof outside the list is asked for or replaced`, { field: 'commitments', proof, listed });
const commitmentNotAllowed = (proof: string) =>
  new AppError('COMMITMENT_NOT_ALLOWED', 422, `${proof} cannot be replaced by a written commitment (告知承诺); bring the proof itself`, { field: 'commitments', proof });
const commitmentBlocked = (records: number) =>
  new AppError('COMMITMENT_BLOCKED', 422, 'The applicant has a credit record of a false commitment that is not repaired (信用修复): bring the proofs themselves', { field: 'commitments', records });

/** Whose credit a commitment stakes: a person's ID number or a legal person's USCC. */
export const subjectOf = (a: FilingApplicant) => ({ type: a.type ?? 'person', code: (a.type === 'organisation' ? a.uscc : a.idNumber) ?? '', name: a.name });

export const fillTemplate = (template: string, applicant: string, proof: string) => template.replaceAll('{applicant}', applicant).replaceAll('{proof}', proof);

/**
 * Before the filing's transaction: every commitment names a proof on the
 * item's list that may be replaced, once; an applicant with an unrepaired
 * credit record commits to nothing.
 */
export async function planCommitments(db: Knex, item: ItemRow, applicant: FilingApplicant, asked: FilingCommitment[] | undefined): Promise<PlannedCommitment[]> {
  if (!asked?.length) return [];
  const proofs = await listItemProofs(db, item.code);
  const planned: PlannedCommitment[] = [];
  for (const c of asked) {
    const proof = proofs.find((p) => p.name === c.proof.trim());
    if (!proof) throw proofNotListed(item, c.proof, proofs.map((p) => p.name));
    if (!proof.commitmentAllowed || !proof.commitmentTemplate) throw commitmentNotAllowed(proof.name);
    if (planned.some((p) => p.proof === proof.name)) continue;
    planned.push({ proof: proof.name, text: fillTemplate(proof.commitmentTemplate, applicant.name, proof.name) });
  }
  const records = await unrepairedRecordsOf(db, subjectOf(applicant).code);
  if (records.length) throw commitmentBlocked(records.length);
  return planned;
}

/**
 * In the filing's transaction: each commitment as signed, and its post-check
 * task at the deciding department's desk (the route's decide step), due
 * POST_CHECK_DAYS working days on, with the task's first event (OPEN) as its
 * outbox row: the desk and the applicant hear of it once the filing commits.
 */
export async function recordCommitments(ctx: AppContext, trx: Knex.Transaction, row: CaseRow, item: ItemRow, applicant: FilingApplicant, submitter: Actor, planned: PlannedCommitment[], at: string, today: string): Promise<number[]> {
  const decide = item.route.find((s) => s.kind === 'decide');
  const subject = subjectOf(applicant);
  const dueOn = ctx.calendar.addWorkingDays(today, ctx.config.POST_CHECK_DAYS);
  const ids: number[] = [];
  for (const p of planned) {
    const commitmentId = await insertCommitment(trx, { caseId: row.id, proof: p.proof, text: p.text, signedBy: applicant.name, signedByUserId: row.applicantUserId ?? null, signedAt: at });
    const context: PostCheckContext = { dueOn, overdue: false, decisionNo: null };
    const task: Omit<PostCheckRow, 'id'> = {
      commitmentId,
      caseId: row.id,
      caseNo: row.caseNo,
      itemCode: item.code,
      proof: p.proof,
      jurisdictionCode: ancestorCode(row.centreCode, decide?.level ?? item.decideLevel),
      department: decide?.department ?? item.department,
      applicantUserId: row.applicantUserId ?? null,
      subjectType: subject.type,
      subjectCode: subject.code,
      subjectName: subject.name,
      dueOn,
      overdue: false,
      state: 'open',
      machineContext: context as unknown as Record<string, unknown>,
      rowVersion: 1,
      lastSeq: 1,
      decisionNo: null,
      outcomeReason: null,
      decidedAt: null,
      createdAt: at,
    };
    const id = await insertPostCheck(trx, task);
    const event = { type: 'OPEN', seq: 1, createdAt: at };
    await insertAggregateEvent(trx, {
      aggregate: 'postcheck',
      aggregateId: id,
      seq: 1,
      type: 'OPEN',
      fromState: null,
      toState: 'open',
      actorUserId: actorUserId(submitter),
      actorRole: eventActorOf(submitter).role,
      actorName: actorName(submitter),
      reason: null,
      payload: { caseNo: row.caseNo, proof: p.proof, dueOn },
      createdAt: at,
      live: postCheckLive({ ...task, id }, event),
    });
    ids.push(id);
  }
  return ids;
}
