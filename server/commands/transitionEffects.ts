import type { Knex } from 'knex';
import type { AppContext } from '../context';
import { recordNotice } from '../documents/notices/caseNotices';
import { issueELicence } from '../licences/issueELicence';
import { recordPublicity } from '../publicity/recordPublicity';
import { recordStageCaseMove } from '../projects/stageCaseMoves';
import type { TransitionCaseProps, TransitionResult } from './planTransition';

/**
 * What a transition writes besides the case and its event, in the same
 * transaction, whoever sent it (REST, socket, scheduler, a batch): an ISSUE
 * makes its e-licence, an acceptance, notice, decision or delivery its document, a licensing grant its entry of the
 * public register (双公示), a case of a project's stage its project's event; a caller's own records (an attached file) follow.
 */
export async function runTransitionEffects(ctx: AppContext, trx: Knex.Transaction, props: TransitionCaseProps, result: TransitionResult): Promise<void> {
  if (result.event.type === 'ISSUE') await issueELicence(ctx, trx, result);
  await recordNotice(trx, result.case, result.event);
  await recordPublicity(ctx, trx, result);
  if (props.records) await props.records(trx, result);
  await recordStageCaseMove(ctx, trx, result); // a case of an investment project's stage: the project moves with it
}
