import { findAgency, updateAgencyIfVersion, type AgencyRow } from '../../../db/repositories/market/agencies';
import type { AggregateEventRow } from '../../../db/repositories/aggregateEvents';
import { chinaDate } from '../../../workflows/calendar';
import { agencyMachine, AWAITING_REVIEW, type AgencyContext, type AgencyEvent, type AgencyState } from '../../../workflows/agencyMachine';
import { rooms, type AgencyUpdated } from '../../../workflows/socketContract';
import type { Actor } from '../../auth/actor';
import type { AppContext } from '../../context';
import { AppError, forbidden } from '../../errors';
import { applyCommand } from '../../commands/aggregates/applyCommand';
import { machineAggregate, type AggregateCommand, type AggregateResult } from '../../commands/aggregates/machineAggregate';
import { canSeeAgency, isPublicAgency, mayOperateAgency } from '../../policies/marketAgencies';

/** An operation as the API takes it: the machine event without actor and date. */
export type AgencyAction = { type: AgencyEvent['type']; reason?: string; decisionNo?: string };

export const agencyNotFound = () => new AppError('AGENCY_NOT_FOUND', 404, 'No agency with this number that you may see');

/** The city whose centre runs the market (its supervisors' room). */
export const MARKET_CITY = '330300000000';

/**
 * Whom an agency's change is told: the public market room (only once the
 * agency is published: public fields only), the agency's own account, the
 * centre's supervisors.
 */
export function agencyLive(a: AgencyRow, event: Omit<AggregateEventRow, 'id'>): { event: string; rooms: string[]; message: AgencyUpdated } {
  // The centre's own lateness (REVIEW_OVERDUE) is the centre's business, not the public room's.
  const published = event.type !== 'REVIEW_OVERDUE' && (isPublicAgency(a) || (event.fromState !== null && isPublicAgency({ state: event.fromState })));
  const to = [...(published ? [rooms.market()] : []), ...(a.userId ? [rooms.user(a.userId)] : []), rooms.supervision(MARKET_CITY)];
  return {
    event: 'agency:updated',
    rooms: to,
    message: { id: a.id, name: a.name, type: event.type, state: a.state, score: a.score, stars: a.stars, revision: a.rowVersion, seq: event.seq, at: event.createdAt },
  };
}

/** The agency as an aggregate of the one command path. */
export const agencyTransitions = machineAggregate<AgencyRow, AgencyAction>({
  aggregate: 'agency',
  load: (trx, key, forUpdate) => findAgency(trx, Number(key), forUpdate),
  notFound: agencyNotFound,
  authorise(actor: Actor, a, action) {
    if (mayOperateAgency(actor, a, action.type)) return;
    if (!canSeeAgency(actor, a)) throw agencyNotFound();
    throw forbidden(action.type === 'APPEAL' ? 'Only the agency itself appeals its expulsion' : 'Only the city centre’s supervisors review and discipline agencies');
  },
  machine: agencyMachine,
  context: (a) => a.machineContext as unknown as AgencyContext,
  columns(a, after, _action, at) {
    const ctx = after.context as AgencyContext;
    const state = after.value as AgencyState;
    return {
      machineContext: ctx as unknown as Record<string, unknown>,
      stateReason: ctx.note,
      reviewOverdue: ctx.reviewOverdue,
      // An appeal starts the centre's review clock again (set by the command, which has the calendar).
      reviewDueOn: AWAITING_REVIEW.includes(state) ? a.reviewDueOn : null,
      ...(state === 'listed' && a.listedAt === null ? { listedAt: at } : {}),
      updatedAt: at,
    };
  },
  update: updateAgencyIfVersion,
  payload: (action) => (action.decisionNo ? { decisionNo: action.decisionNo.trim() } : {}),
  live: agencyLive,
  effects: async (ctx, trx, { row, event }) => {
    if (event.type !== 'APPEAL') return;
    const due = ctx.calendar.addWorkingDays(chinaDate(ctx.now()), ctx.config.MARKET_REVIEW_DAYS);
    await trx('market_agencies').where({ id: row.id }).update({ review_due_on: due });
    row.reviewDueOn = due;
  },
});

/** One operation on an agency through the one command path; pushed live to the market, the agency and the centre. */
export function operateAgency(ctx: AppContext, props: AggregateCommand<AgencyAction>): Promise<AggregateResult<AgencyRow>> {
  return applyCommand(ctx, agencyTransitions, props);
}
