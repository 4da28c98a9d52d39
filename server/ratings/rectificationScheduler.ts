import { claimOverdueRectifications, type RectificationRow } from '../../db/repositories/ratings/rectifications';
import { OverdueTimerPass } from '../commands/aggregates/overdueTimerPass';
import type { AppContext } from '../context';
import { rectificationTransitions, type RectificationAction } from './rectificationAggregate';

/**
 * The durable timer of rectifications: the row (`due_on`, `overdue`) is the
 * timer. Each pass sends MARK_OVERDUE to the tasks the desk still owes past
 * their due date (RECTIFICATION_WORKING_DAYS working days after the rating);
 * pushed live to the desk and the supervisors.
 */
export class RectificationScheduler extends OverdueTimerPass<RectificationRow, RectificationAction> {
  constructor(ctx: AppContext) {
    super(ctx, {
      what: 'rectifications',
      actorName: '整改期限',
      kind: rectificationTransitions,
      claim: claimOverdueRectifications,
      action: (today) => ({ type: 'MARK_OVERDUE', reason: `整改期限已届满（${today}）` }),
    });
  }
}
