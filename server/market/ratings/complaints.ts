import { findComplaint, insertComplaint, updateComplaintIfVersion, type ComplaintRow } from '../../../db/repositories/market/complaints';
import { findRatedAgency, findRatedOrder } from '../../../db/repositories/market/ratingSubjects';
import { marketComplaintMachine, type ComplaintEvent } from '../../../workflows/marketRatingMachine';
import type { Actor } from '../../auth/actor';
import type { AppContext } from '../../context';
import { AppError, forbidden } from '../../errors';
import { applyCommand } from '../../commands/aggregates/applyCommand';
import { machineAggregate, type AggregateCommand, type AggregateResult } from '../../commands/aggregates/machineAggregate';
import { machineCreation } from '../../commands/aggregates/machineCreation';
import { isMarketCentre } from '../../policies/marketRatings';
import { marketOrderNotFound } from './rateOrder';

export const complaintNotFound = () => new AppError('COMPLAINT_NOT_FOUND', 404, 'No complaint with this number that you may see');

/** Complaints are not pushed live (the centre's screen lists them; the public never sees them): the event row has no message. */
const complaintLive = () => null;

export interface FileComplaintProps {
  actor: Actor;
  orderId: number;
  reason: string;
}

/** An order's owner complains about the agency chosen for it (any state after the choice). */
export const complaintFiling = machineCreation<FileComplaintProps, ComplaintRow>({
  aggregate: 'marketComplaint',
  machine: marketComplaintMachine,
  async plan(_ctx, trx, props) {
    const order = await findRatedOrder(trx, props.orderId);
    if (!order) throw marketOrderNotFound();
    if (props.actor.kind !== 'user' || props.actor.user.id !== order.ownerUserId) throw forbidden('Only the order’s owner files a complaint about its agency');
    if (order.chosenAgencyId === null) throw new AppError('NO_AGENCY_CHOSEN', 409, 'No agency has been chosen for this order yet', { state: order.state });
    const agency = await findRatedAgency(trx, order.chosenAgencyId);
    return {
      actor: props.actor,
      type: 'FILE',
      payload: { orderId: order.id, agencyId: agency!.id },
      input: undefined,
      columns: (_initial, at) => ({
        orderId: order.id,
        agencyId: agency!.id,
        ownerUserId: order.ownerUserId,
        jurisdictionCode: order.jurisdictionCode,
        reason: props.reason.trim(),
        outcome: null,
        closedBy: null,
        createdAt: at,
        closedAt: null,
      }),
    };
  },
  insert: insertComplaint,
  live: complaintLive,
});

export type ComplaintAction = Omit<ComplaintEvent, 'actor' | 'today'>;

/** CLOSE with the outcome, by the centre. */
export const complaintClosing = machineAggregate<ComplaintRow, ComplaintAction>({
  aggregate: 'marketComplaint',
  load: (trx, key, forUpdate) => findComplaint(trx, Number(key), forUpdate),
  notFound: complaintNotFound,
  authorise(actor, c) {
    if (isMarketCentre(actor, c.jurisdictionCode)) return;
    if (actor.kind === 'user' && actor.user.id === c.ownerUserId) throw forbidden('The centre closes a complaint');
    throw complaintNotFound();
  },
  machine: marketComplaintMachine,
  context: (c) => ({ outcome: c.outcome }),
  columns: (_c, after, _action, at) => ({ outcome: (after.context as { outcome: string | null }).outcome, closedAt: at }),
  update: updateComplaintIfVersion,
  payload: () => ({}),
  live: complaintLive,
  async effects(_ctx, trx, { row, event }) {
    await trx('market_complaints').where({ id: row.id }).update({ closed_by: event.actorUserId });
    row.closedBy = event.actorUserId;
  },
});

export const fileComplaint = (ctx: AppContext, p: FileComplaintProps): Promise<AggregateResult<ComplaintRow>> => applyCommand(ctx, complaintFiling, p);
export const closeComplaint = (ctx: AppContext, p: AggregateCommand<ComplaintAction>): Promise<AggregateResult<ComplaintRow>> => applyCommand(ctx, complaintClosing, p);
