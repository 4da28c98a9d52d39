import { claimOverduePostChecks, type PostCheckRow } from '../../db/repositories/commitments/postChecks';
import type { AppContext } from '../context';
import { OverdueTimerPass } from '../commands/aggregates/overdueTimerPass';
import { postCheckTransitions, type PostCheckAction } from './postCheckAggregate';

/**
 * The durable timer of post-checks: the task row (`due_on`, `overdue`) is the
 * timer. Each pass sends MARK_OVERDUE to the open tasks past their due date;
 * pushed live to the desk.
 */
export class PostCheckScheduler extends OverdueTimerPass<PostCheckRow, PostCheckAction> {
  constructor(ctx: AppContext) {
    super(ctx, {
      what: 'post-checks',
      actorName: '核查期限',
      kind: postCheckTransitions,
      claim: claimOverduePostChecks,
      action: (today) => ({ type: 'MARK_OVERDUE', reason: `核查期限已届满（${today}）` }),
    });
  }
}
