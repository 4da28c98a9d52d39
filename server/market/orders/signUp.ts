import { dbTime, fromDbTime } from '../../../db/connection';
import { findOrder, type OrderRow } from '../../../db/repositories/market/orders';
import { findAgencyOfUser, insertSignup } from '../../../db/repositories/market/signups';
import { chinaDate } from '../../../workflows/calendar';
import type { Actor } from '../../auth/actor';
import type { AppContext } from '../../context';
import { AppError, forbidden } from '../../errors';
import { applyIn } from '../../commands/aggregates/applyCommand';
import type { AggregateResult } from '../../commands/aggregates/machineAggregate';
import { withRetry } from '../../commands/writeHelpers';
import { canSeeOrder } from '../../policies/marketOrders';
import { orderNotFound, orderTransitions } from './orderAggregate';
import { checkEligible } from './eligibility';

export const signupClosed = () => new AppError('MARKET_SIGNUP_CLOSED', 409, 'Sign-up to this order is not open (not yet approved, or closed)');

/**
 * An agency's sign-up (报名): eligibility checked, the SIGN_UP event through
 * the one command path and the sign-up row (with its sealed quote) in one
 * transaction, the order row locked.
 */
export async function signUp(ctx: AppContext, actor: Actor, orderId: number, quote: number | null): Promise<AggregateResult<OrderRow>> {
  if (actor.kind !== 'user' || actor.user.role !== 'intermediary') throw forbidden('Agencies sign up from their agency account');
  const kind = orderTransitions(ctx);
  const result = await withRetry(() =>
    ctx.db.knex.transaction(async (trx) => {
      const o = await findOrder(trx, orderId, true);
      if (!o || !canSeeOrder(actor, o)) throw orderNotFound();
      const agency = await findAgencyOfUser(trx, actor.user.id);
      if (!agency) throw new AppError('MARKET_AGENCY_NOT_LISTED', 403, 'This account belongs to no agency in the market');
      const now = ctx.now();
      if (o.state !== 'signup' || now.getTime() >= fromDbTime(o.signupDeadline).getTime()) throw signupClosed();
      if ((o.machineContext as { signups?: number[] }).signups?.includes(agency.id)) throw new AppError('MARKET_ALREADY_SIGNED_UP', 409, 'The agency has signed up to this order already');
      await checkEligible(trx, o, agency, chinaDate(now), ctx.config.MARKET_MAX_OPEN_ORDERS);
      if (o.method === 'bidding' && quote === null) throw new AppError('VALIDATION_FAILED', 422, 'quote: a price-bidding order takes a sealed quote with the sign-up', { field: 'quote' });
      const r = await applyIn(ctx, trx, kind, { key: String(o.id), actor, action: { type: 'SIGN_UP', agencyId: agency.id, userId: actor.user.id, byAgencyId: agency.id } });
      await insertSignup(trx, { orderId: o.id, agencyId: agency.id, quote: o.method === 'bidding' ? quote : null, createdAt: dbTime(now) });
      return r;
    }),
  );
  kind.committed(ctx, result);
  return result;
}
