import { claimOverdueReviews, type AgencyRow } from '../../../db/repositories/market/agencies';
import type { AppContext } from '../../context';
import { OverdueTimerPass } from '../../commands/aggregates/overdueTimerPass';
import { agencyTransitions, type AgencyAction } from './agencyAggregate';

/**
 * The durable timer of the centre's review: an agency's `review_due_on` (set
 * at registration and at an appeal, MARKET_REVIEW_DAYS working days on) is the
 * timer. Each pass sends REVIEW_OVERDUE to the pending registrations and
 * appeals past it; pushed live to the centre.
 */
export class AgencyReviewScheduler extends OverdueTimerPass<AgencyRow, AgencyAction> {
  constructor(ctx: AppContext) {
    super(ctx, {
      what: 'agency reviews',
      actorName: '入驻审核期限',
      kind: agencyTransitions,
      claim: claimOverdueReviews,
      action: (today) => ({ type: 'REVIEW_OVERDUE', reason: `审核期限已届满（${today}）` }),
    });
  }
}
