import type { Knex } from 'knex';
import type { OrderRow } from '../../../db/repositories/market/orders';
import type { AppContext } from '../../context';

/**
 * The approval case an order serves: on ACCEPT_RESULT the result joins the
 * case (as a case file) and a case paused for the intermediary procedure
 * resumes. Not built yet: see docs/market-orders.md (unfinished).
 */
export async function linkResultToCase(_ctx: AppContext, _trx: Knex.Transaction, o: OrderRow, _at: string): Promise<void> {
  if (!o.caseNo) return;
}
