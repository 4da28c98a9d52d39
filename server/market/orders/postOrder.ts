import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import { dbTime } from '../../../db/connection';
import { insertOrder, patchOrder, type OrderRow } from '../../../db/repositories/market/orders';
import { findServiceItem } from '../../../db/repositories/market/signups';
import { chinaDate } from '../../../workflows/calendar';
import { marketOrderMachine, type OrderMethod } from '../../../workflows/marketOrderMachine';
import type { Actor } from '../../auth/actor';
import type { AppContext } from '../../context';
import { AppError, forbidden, validationFailed } from '../../errors';
import { applyCommand } from '../../commands/aggregates/applyCommand';
import type { AggregateResult } from '../../commands/aggregates/machineAggregate';
import { machineCreation } from '../../commands/aggregates/machineCreation';
import { mayPostOrder } from '../../policies/marketOrders';
import { orderLive } from './orderLive';

export interface PostOrderProps {
  actor: Actor;
  serviceItemCode: string;
  title: string;
  content: string;
  budgetMin: number;
  budgetMax: number;
  method: OrderMethod;
  requiredQualification?: string;
  requiredLevel?: string;
  signupDeadline: string;
  selectionAt: string;
  serviceDays: number;
  avoidedAgencies: number[];
  avoidReason?: string;
  ownerKind?: 'person' | 'legal_person';
  ownerName?: string;
  jurisdictionCode?: string;
  caseNo?: string;
  /** The expired order this one re-posts. */
  repostOf?: number;
}

async function checkCase(trx: Knex, caseNo: string, userId: number): Promise<void> {
  const c = await trx('cases').where({ case_no: caseNo }).first('applicant_user_id');
  if (!c || Number(c.applicant_user_id) !== userId) throw new AppError('MARKET_CASE_NOT_OWNED', 422, `No case ${caseNo} filed from your account: an order names only a case whose applicant is its owner`, { field: 'caseNo' });
}

/** Posting a purchase announcement: the order row (in review by the centre) and its first event (POST) in one transaction. */
export const orderPosting = machineCreation<PostOrderProps, OrderRow>({
  aggregate: 'market_order',
  machine: marketOrderMachine,
  async plan(ctx, trx, p) {
    const { actor } = p;
    if (!mayPostOrder(actor) || actor.kind !== 'user') throw new AppError('MARKET_OWNER_NOT_ALLOWED', 403, 'Orders are posted by an applicant account (a person or legal person) or by a department reviewer');
    const item = await findServiceItem(trx, p.serviceItemCode);
    if (!item) throw new AppError('MARKET_SERVICE_ITEM_UNKNOWN', 422, `No intermediary service item “${p.serviceItemCode}” (GET /api/market/service-items)`, { field: 'serviceItemCode' });
    const department = actor.user.role === 'reviewer';
    if (department && !item.governmentPaid) throw new AppError('MARKET_NOT_GOVERNMENT_PAID', 403, 'A department posts orders only for service items the government commissions and pays; the applicant posts this one');
    const now = ctx.now();
    if (Date.parse(p.signupDeadline) <= now.getTime()) throw validationFailed('signupDeadline: the sign-up deadline must be in the future', { field: 'signupDeadline' });
    if (p.caseNo) await checkCase(trx, p.caseNo, actor.user.id);
    if (p.ownerKind === 'legal_person' && !p.ownerName) throw validationFailed('ownerName: name the legal person the order is posted for', { field: 'ownerName' });
    return {
      actor,
      type: p.repostOf ? 'REPOST' : 'POST',
      payload: { serviceItemCode: item.code, method: p.method, ...(p.repostOf ? { repostOf: p.repostOf } : {}) },
      input: { method: p.method, budgetMax: p.budgetMax },
      columns: (initial, at) => ({
        orderNo: `tmp-${randomBytes(8).toString('hex')}`,
        ownerUserId: actor.user.id,
        ownerKind: department ? 'department' : (p.ownerKind ?? 'person'),
        ownerName: department ? actor.user.displayName : (p.ownerName?.trim() || actor.user.displayName),
        serviceItemCode: item.code,
        jurisdictionCode: p.jurisdictionCode ?? actor.user.jurisdictionCode,
        caseNo: p.caseNo ?? null,
        title: p.title.trim(),
        content: p.content.trim(),
        budgetMin: p.budgetMin,
        budgetMax: p.budgetMax,
        method: p.method,
        requiredQualification: p.requiredQualification?.trim() || item.requiredQualification,
        requiredLevel: p.requiredLevel?.trim() || null,
        avoidedAgencies: [...new Set(p.avoidedAgencies)],
        signupDeadline: dbTime(new Date(p.signupDeadline)),
        selectionAt: dbTime(new Date(p.selectionAt)),
        serviceDays: p.serviceDays,
        machineContext: { ...(initial.context as Record<string, unknown>), avoidReason: p.avoidReason ?? null, repostOf: p.repostOf ?? null },
        chosenAgencyId: null,
        contractAmount: null,
        serviceDueOn: null,
        overdue: false,
        drawCommitment: null,
        drawSeed: null,
        contractFileId: null,
        resultFileId: null,
        nextDueAt: null,
        createdAt: at,
        updatedAt: at,
      }),
    };
  },
  async insert(trx, row) {
    const id = await insertOrder(trx, row);
    const orderNo = `MO${chinaDate(new Date(`${row.createdAt.replace(' ', 'T')}Z`)).replaceAll('-', '')}-${String(id).padStart(6, '0')}`;
    await patchOrder(trx, id, { orderNo });
    (row as { orderNo: string }).orderNo = orderNo;
    return id;
  },
  live: orderLive,
});

export function postOrder(ctx: AppContext, props: PostOrderProps): Promise<AggregateResult<OrderRow>> {
  return applyCommand(ctx, orderPosting, props);
}

/** The props of a re-post: the expired order's announcement with new dates, by its owner. */
export function repostProps(actor: Actor, o: OrderRow, dates: { signupDeadline: string; selectionAt: string }): PostOrderProps {
  if (actor.kind !== 'user' || actor.user.id !== o.ownerUserId) throw forbidden('Only the order’s owner re-posts it');
  if (o.state !== 'expired') throw new AppError('INVALID_TRANSITION', 409, 'Only an expired order is re-posted', { state: o.state });
  return {
    actor,
    serviceItemCode: o.serviceItemCode,
    title: o.title,
    content: o.content,
    budgetMin: o.budgetMin,
    budgetMax: o.budgetMax,
    method: o.method,
    requiredQualification: o.requiredQualification,
    requiredLevel: o.requiredLevel ?? undefined,
    serviceDays: o.serviceDays,
    avoidedAgencies: o.avoidedAgencies,
    ownerKind: o.ownerKind === 'department' ? undefined : o.ownerKind,
    ownerName: o.ownerName,
    jurisdictionCode: o.jurisdictionCode,
    caseNo: o.caseNo ?? undefined,
    repostOf: o.id,
    ...dates,
  };
}
