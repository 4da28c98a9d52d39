import { dbTime } from '../../../db/connection';
import { insertAggregateEvent } from '../../../db/repositories/aggregateEvents';
import { insertBadAct, type BadActRow } from '../../../db/repositories/market/badActs';
import { findRatedAgency, findRatedOrder } from '../../../db/repositories/market/ratingSubjects';
import type { AgencyScore } from '../../../workflows/marketScore';
import { rooms, type AgencyUpdated } from '../../../workflows/socketContract';
import { actorName, eventActorOf, type Actor } from '../../auth/actor';
import type { AppContext } from '../../context';
import { AppError, forbidden } from '../../errors';
import { withRetry } from '../../commands/writeHelpers';
import { mayRecordBadAct } from '../../policies/marketRatings';
import { marketOrderNotFound } from './rateOrder';
import { agencySubject, centreCityOf, recomputeAgencyScore } from './recomputeScore';
import { agencyNotFound } from '../agencies/agencyAggregate';

export const RECORDABLE_BAD_ACTS = ['late', 'false_result', 'overcharge', 'other'] as const;

export interface RecordBadActProps {
  actor: Actor;
  agencyId: number;
  orderId: number;
  kind: (typeof RECORDABLE_BAD_ACTS)[number];
  reason: string;
}

export { agencyNotFound };

/**
 * The centre or the approving department records a bad act (迟延无正当理由,
 * 虚假成果, 超合同收费, 其他) on the agency of an order: the act, its credit
 * record and the agency's recomputed stars (one star while it stands) in one
 * transaction, with an `agency:updated` outbox row (public, the centre, the agency).
 */
export async function recordBadAct(ctx: AppContext, p: RecordBadActProps): Promise<{ act: BadActRow; score: AgencyScore }> {
  const out = await withRetry(() =>
    ctx.db.knex.transaction(async (trx) => {
      const agency = await findRatedAgency(trx, p.agencyId, true);
      if (!agency) throw agencyNotFound();
      const order = await findRatedOrder(trx, p.orderId);
      if (!order) throw marketOrderNotFound();
      const role = mayRecordBadAct(p.actor, order);
      if (!role) throw forbidden('Only the centre and the approving department record a bad act');
      if (order.chosenAgencyId !== agency.id) throw new AppError('ORDER_NOT_OF_AGENCY', 422, 'This order was not served by this agency', { field: 'orderId' });
      const at = dbTime(ctx.now());
      const department = role === 'centre' ? 'centre' : (order.serviceDepartment ?? 'centre');
      const act = await insertBadAct(
        trx,
        { agencyId: agency.id, orderId: order.id, kind: p.kind, reason: p.reason.trim(), recordedBy: p.actor.kind === 'user' ? p.actor.user.id : null, recordedRole: role, actorDepartment: null, createdAt: at },
        agencySubject(agency, department),
      );
      const score = await recomputeAgencyScore(trx, agency.id, ctx.config.MARKET_RATING_WEIGHTS, at);
      const message: AgencyUpdated = { id: agency.id, name: agency.name, type: 'BAD_ACT', state: agency.state, score: score.score, stars: score.stars, revision: agency.rowVersion, seq: act.id, at };
      const to = [rooms.market(), rooms.supervision(centreCityOf(order.jurisdictionCode)), ...(agency.userId ? [rooms.user(agency.userId)] : [])];
      const eventId = await insertAggregateEvent(trx, {
        aggregate: 'marketBadAct',
        aggregateId: act.id,
        seq: 1,
        type: 'RECORD',
        fromState: null,
        toState: 'recorded',
        actorUserId: act.recordedBy,
        actorRole: eventActorOf(p.actor).role,
        actorName: actorName(p.actor),
        reason: act.reason,
        payload: { agencyId: agency.id, orderId: order.id, kind: act.kind },
        live: { event: 'agency:updated', rooms: to, message },
        createdAt: at,
      });
      return { act, score, eventId };
    }),
  );
  ctx.events.emit('aggregateCommitted', { aggregate: 'marketBadAct', id: out.act.id, seq: 1 });
  return { act: out.act, score: out.score };
}
