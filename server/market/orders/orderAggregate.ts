import type { Knex } from 'knex';
import { dbTime, fromDbTime } from '../../../db/connection';
import { countOpenOrdersOf, findOrder, updateOrderIfVersion, type OrderRow } from '../../../db/repositories/market/orders';
import { addCompletedOrder, setOpenOrders } from '../../../db/repositories/market/signups';
import { marketOrderMachine, OPEN_ORDER_STATES, type OrderContext, type OrderEvent } from '../../../workflows/marketOrderMachine';
import type { Actor } from '../../auth/actor';
import type { AppContext } from '../../context';
import { AppError, forbidden } from '../../errors';
import { applyCommand, applyIn } from '../../commands/aggregates/applyCommand';
import { machineAggregate, type AggregateCommand, type AggregateResult } from '../../commands/aggregates/machineAggregate';
import { canSeeOrder, isAgencyUser, isMarketCentre, isOrderOwner } from '../../policies/marketOrders';
import { orderLive } from './orderLive';
import { linkResultToCase } from './caseLink';
import { caseTransitions, type TransitionResult } from '../../commands/transitionCase';
import { pickNext } from './selection';

/**
 * A command on an order as the server gives it: the machine event without
 * actor and date; `byAgencyId` is the acting agency (set by the server from
 * the account, never taken from a request body); `seed` the draw's seed on APPROVE.
 */
export type OrderAction = (OrderEvent extends infer E ? (E extends unknown ? Omit<E, 'actor' | 'today'> : never) : never) & { byAgencyId?: number; seed?: string; edits?: OrderEdits };

/** The owner's changes to a returned order (checked by the route against the merged values). */
export interface OrderEdits {
  title?: string;
  content?: string;
  budgetMin?: number;
  budgetMax?: number;
  signupDeadline?: string;
  selectionAt?: string;
  serviceDays?: number;
}

function editColumns(e: OrderEdits | undefined): Partial<OrderRow> {
  if (!e) return {};
  return {
    ...(e.title !== undefined ? { title: e.title.trim() } : {}),
    ...(e.content !== undefined ? { content: e.content.trim() } : {}),
    ...(e.budgetMin !== undefined ? { budgetMin: e.budgetMin } : {}),
    ...(e.budgetMax !== undefined ? { budgetMax: e.budgetMax } : {}),
    ...(e.signupDeadline !== undefined ? { signupDeadline: dbTime(new Date(e.signupDeadline)) } : {}),
    ...(e.selectionAt !== undefined ? { selectionAt: dbTime(new Date(e.selectionAt)) } : {}),
    ...(e.serviceDays !== undefined ? { serviceDays: e.serviceDays } : {}),
  };
}

export const orderNotFound = () => new AppError('MARKET_ORDER_NOT_FOUND', 404, 'No purchase order with this number that you may see');

const CENTRE = ['APPROVE', 'REJECT', 'TERMINATE'];
const OWNER = ['RESUBMIT', 'CANCEL', 'SELECT', 'CONFIRM_CONTRACT', 'REJECT_CONTRACT', 'ACCEPT_RESULT', 'RETURN_RESULT'];
const CHOSEN = ['CONFIRM', 'DECLINE', 'UPLOAD_CONTRACT', 'DELIVER_RESULT'];
const SYSTEM = ['CLOSE_SIGNUP', 'DRAW', 'OPEN_QUOTES', 'PICK_NEXT', 'MARK_OVERDUE'];

function allowed(actor: Actor, o: OrderRow, a: OrderAction): boolean {
  if (actor.kind === 'system') return SYSTEM.includes(a.type) || a.type === 'DECLINE';
  if (CENTRE.includes(a.type)) return isMarketCentre(actor, o);
  if (OWNER.includes(a.type)) return isOrderOwner(actor, o);
  if (a.type === 'SIGN_UP') return isAgencyUser(actor) && a.byAgencyId !== undefined;
  if (CHOSEN.includes(a.type)) return isAgencyUser(actor) && a.byAgencyId !== undefined && a.byAgencyId === o.chosenAgencyId;
  return false;
}

/** When the order's machine must next be told the time (null: nothing due). */
export function nextDueAt(o: OrderRow, state: string, c: OrderContext, at: string, confirmHours: number): string | null {
  switch (state) {
    case 'signup':
      return o.signupDeadline;
    case 'selecting':
      return o.method === 'direct' ? null : o.selectionAt;
    case 'awaiting_confirmation':
      return dbTime(new Date(fromDbTime(at).getTime() + confirmHours * 3_600_000));
    case 'in_service':
    case 'result_review':
      // The service is late from the start of the China day after its due date (16:00 UTC on the due date).
      return !c.overdue && c.serviceDueOn ? dbTime(new Date(`${c.serviceDueOn}T16:00:00Z`)) : null;
    default:
      return null;
  }
}

async function recountOpen(trx: Knex, agencyId: number | null): Promise<void> {
  if (agencyId !== null) await setOpenOrders(trx, agencyId, await countOpenOrdersOf(trx, agencyId, OPEN_ORDER_STATES));
}

const caseResults = new WeakMap<object, TransitionResult[]>();
const kinds = new WeakMap<AppContext['config'], ReturnType<typeof build>>();

function build(confirmHours: number) {
  const kind = machineAggregate<OrderRow, OrderAction>({
    aggregate: 'market_order',
    load: (trx, key, forUpdate) => findOrder(trx, Number(key), forUpdate),
    notFound: orderNotFound,
    authorise(actor, o, action) {
      if (allowed(actor, o, action)) return;
      if (!canSeeOrder(actor, o)) throw orderNotFound();
      throw forbidden(CHOSEN.includes(action.type) ? 'Only the chosen agency acts on the order now' : CENTRE.includes(action.type) ? 'Only the market centre reviews orders' : 'Only the order’s owner does this');
    },
    machine: marketOrderMachine,
    context: (o) => o.machineContext as unknown as OrderContext,
    columns(o, after, action, at) {
      const edits = action.type === 'RESUBMIT' ? editColumns(action.edits) : {};
      // A changed budget is the machine's too (a contract may not exceed it).
      const c = { ...(after.context as OrderContext), ...(edits.budgetMax !== undefined ? { budgetMax: edits.budgetMax } : {}) };
      return {
        ...edits,
        machineContext: c as unknown as Record<string, unknown>,
        chosenAgencyId: c.chosenAgencyId,
        contractAmount: c.contractAmount,
        contractFileId: c.contractFileId,
        resultFileId: c.resultFileId,
        serviceDueOn: c.serviceDueOn,
        overdue: c.overdue,
        ...(action.type === 'APPROVE' ? { drawCommitment: action.commitment, drawSeed: action.seed ?? null } : {}),
        nextDueAt: nextDueAt(o, after.value, c, at, confirmHours),
        updatedAt: at,
      };
    },
    update: updateOrderIfVersion,
    // The seed is never in an event (it is published by GET /draw once drawn); quotes neither.
    payload: (a) => {
      if (a.type === 'APPROVE') return { commitment: a.commitment };
      if (a.type === 'SIGN_UP') return { agencyId: a.agencyId };
      if ('agencyId' in a) return { agencyId: a.agencyId };
      if (a.type === 'UPLOAD_CONTRACT') return { amount: a.amount, fileId: a.fileId };
      if (a.type === 'DELIVER_RESULT') return { fileId: a.fileId };
      if (a.type === 'CONFIRM_CONTRACT') return { serviceDueOn: a.serviceDueOn };
      if (a.type === 'RESUBMIT' && a.edits) return { edited: Object.keys(a.edits) };
      return {};
    },
    live: (o, e) => orderLive(o, e),
    async effects(ctx, trx, result, action) {
      const { before, row, event } = result;
      if (before.chosenAgencyId !== row.chosenAgencyId || before.state !== row.state) {
        await recountOpen(trx, before.chosenAgencyId);
        if (row.chosenAgencyId !== before.chosenAgencyId) await recountOpen(trx, row.chosenAgencyId);
      }
      if (event.type === 'ACCEPT_RESULT' && row.chosenAgencyId !== null) {
        await addCompletedOrder(trx, row.chosenAgencyId);
        const linked = await linkResultToCase(ctx, trx, row);
        if (linked.length) caseResults.set(result, linked);
      }
      // Declined on a drawn or bid order: the next by the same rule, at once, in the same transaction.
      if (action.type === 'DECLINE' && row.state === 'selecting' && row.method !== 'direct') {
        const agencyId = await pickNext(trx, row);
        await applyIn(ctx, trx, kind, { key: String(row.id), actor: { kind: 'system', name: '中介超市' }, action: { type: 'PICK_NEXT', agencyId, reason: action.reason } });
      }
    },
  });
  // The case transitions the case link made in the transaction are announced after its commit too.
  return {
    ...kind,
    committed(ctx: AppContext, result: AggregateResult<OrderRow>) {
      kind.committed(ctx, result);
      for (const r of caseResults.get(result) ?? []) caseTransitions.committed(ctx, r);
    },
  };
}

/** The order aggregate of this server's configuration (the confirmation limit). */
export function orderTransitions(ctx: AppContext): ReturnType<typeof build> {
  let k = kinds.get(ctx.config);
  if (!k) kinds.set(ctx.config, (k = build(ctx.config.MARKET_CONFIRM_HOURS)));
  return k;
}

export function actOnOrder(ctx: AppContext, props: AggregateCommand<OrderAction>): Promise<AggregateResult<OrderRow>> {
  return applyCommand(ctx, orderTransitions(ctx), props);
}
