import { randomBytes } from 'node:crypto';
import { Router, type Response } from 'express';
import { listAggregateEvents } from '../../db/repositories/aggregateEvents';
import { findOrder, listOrders, type OrderRow } from '../../db/repositories/market/orders';
import { findAgency, findAgencyOfUser, listSignups } from '../../db/repositories/market/signups';
import { chinaDate } from '../../workflows/calendar';
import { orderActionsIn } from '../../workflows/marketOrderMachine';
import type { Actor } from '../auth/actor';
import type { AppContext } from '../context';
import { AppError, forbidden, validationFailed } from '../errors';
import { currentUser, requireUser } from '../http/auth';
import { OrderActionBody, OrderIdParam, OrderListQuery, OrderPostBody, OrderRepostBody, SignupBody } from '../http/marketOrderSchemas';
import { parseBody, parseQuery } from '../http/validate';
import { actOnOrder, orderNotFound, type OrderAction } from '../market/orders/orderAggregate';
import { postOrder, repostProps } from '../market/orders/postOrder';
import { drawReport, sha256Hex } from '../market/orders/selection';
import { recordSteering } from '../market/orders/recordSteering';
import { signUp } from '../market/orders/signUp';
import { canSeeOrder, isMarketCentre, isOrderOwner, isPublicOrder } from '../policies/marketOrders';
import { presentOrderDetail, presentOrderEvent, presentPublicOrder } from '../presenters/marketOrders';
import { marketOrderFilesRouter } from './marketOrderFiles';
import { marketWorkbenchRouter } from './marketWorkbench';

const userActor = (res: Response): Actor => ({ kind: 'user', user: requireUser(res) });
const anyActor = (res: Response): Actor | null => {
  const u = currentUser(res);
  return u ? { kind: 'user', user: u } : null;
};

/** The owner, the centre and the agencies that signed up see the order's detail; everyone else its announcement. */
async function involvedAgency(ctx: AppContext, actor: Actor | null, o: OrderRow): Promise<number | null> {
  if (!actor || actor.kind !== 'user' || actor.user.role !== 'intermediary') return null;
  const a = await findAgencyOfUser(ctx.db.knex, actor.user.id);
  const signups = (o.machineContext as { signups?: number[] }).signups ?? [];
  return a && (signups.includes(a.id) || o.chosenAgencyId === a.id) ? a.id : null;
}

export async function loadVisibleOrder(ctx: AppContext, actor: Actor | null, raw: unknown): Promise<OrderRow> {
  const parsed = OrderIdParam.safeParse(raw);
  const o = parsed.success ? await findOrder(ctx.db.knex, parsed.data) : undefined;
  if (!o || !(actor ? canSeeOrder(actor, o) : isPublicOrder(o))) throw orderNotFound();
  return o;
}

/** Purchase orders of the intermediary market: posting, the public list, the order page, actions, sign-ups, the draw. */
export function marketOrdersRouter(ctx: AppContext): Router {
  const r = Router();
  const db = ctx.db.knex;

  async function present(actor: Actor | null, o: OrderRow) {
    const signups = await listSignups(db, o.id);
    const agencyId = await involvedAgency(ctx, actor, o);
    const owner = !!actor && isOrderOwner(actor, o);
    const centre = !!actor && isMarketCentre(actor, o);
    if (!owner && !centre && agencyId === null) return { order: presentPublicOrder(o, signups), actions: [] as string[] };
    const actions = orderActionsIn(o.state).filter((a) => {
      if (['SIGN_UP', 'CLOSE_SIGNUP', 'DRAW', 'OPEN_QUOTES', 'PICK_NEXT', 'MARK_OVERDUE'].includes(a)) return false;
      if (['APPROVE', 'REJECT', 'TERMINATE'].includes(a)) return centre;
      if (['CONFIRM', 'DECLINE', 'UPLOAD_CONTRACT', 'DELIVER_RESULT'].includes(a)) return agencyId !== null && agencyId === o.chosenAgencyId;
      if (a === 'SELECT') return owner && o.method === 'direct';
      return owner;
    });
    // Competing agencies do not learn who else signed up (collusion); the draw publishes the candidates once drawn.
    const seen = owner || centre ? signups : signups.filter((s) => s.agencyId === agencyId);
    return { order: { ...presentOrderDetail(o, seen, { seesAvoided: owner || centre }), chosenAgency: presentPublicOrder(o, signups).chosenAgency, quotes: presentPublicOrder(o, signups).quotes }, actions };
  }

  r.post('/market/orders', async (req, res) => {
    const actor = userActor(res);
    const body = parseBody(OrderPostBody, req.body);
    const result = await postOrder(ctx, { actor, ...body });
    res.status(201).json({ ...(await present(actor, result.row)), event: presentOrderEvent(result.event) });
  });

  r.get('/market/orders', async (req, res) => {
    const q = parseQuery(OrderListQuery, req.query);
    // Only states an announced order can be in (an order in review, returned or cancelled there is not public).
    const public_ = ['signup', 'selecting', 'awaiting_confirmation', 'contract', 'contract_review', 'in_service', 'result_review', 'completed', 'expired', 'terminated'];
    const states = q.state ? q.state.split(',').filter((s) => public_.includes(s)) : public_;
    const { rows, total } = await listOrders(db, { states: states.length ? states : ['none'], announced: true, serviceItemCode: q.serviceItem, method: q.method, offset: (q.page - 1) * q.pageSize, limit: q.pageSize });
    const orders = [];
    for (const o of rows) orders.push(presentPublicOrder(o, await listSignups(db, o.id)));
    res.json({ orders, total, page: q.page, pageSize: q.pageSize });
  });

  r.get('/market/me/orders', async (_req, res) => {
    const user = requireUser(res, ['applicant', 'reviewer']);
    const actor: Actor = { kind: 'user', user };
    const { rows, total } = await listOrders(db, { ownerUserId: user.id, offset: 0, limit: 200 });
    const orders = [];
    for (const o of rows) orders.push((await present(actor, o)).order);
    res.json({ orders, total });
  });

  // The centre's list: every order of its area, in review ones first (what waits for it), each with its actions.
  r.get('/market/centre/orders', async (req, res) => {
    const user = requireUser(res);
    const actor: Actor = { kind: 'user', user };
    if (!isMarketCentre(actor, { jurisdictionCode: user.jurisdictionCode })) throw forbidden('Only the market centre (county or city centre clerks, supervisors) has this list');
    const q = parseQuery(OrderListQuery, req.query);
    const { rows, total } = await listOrders(db, { states: q.state?.split(','), serviceItemCode: q.serviceItem, method: q.method, within: user.jurisdictionCode, offset: (q.page - 1) * q.pageSize, limit: q.pageSize });
    const orders = [];
    for (const o of rows) {
      const shown = await present(actor, o);
      orders.push({ ...shown.order, actions: shown.actions });
    }
    res.json({ orders, total, page: q.page, pageSize: q.pageSize });
  });

  r.get('/market/orders/:id', async (req, res) => {
    const actor = anyActor(res);
    const o = await loadVisibleOrder(ctx, actor, req.params.id);
    const shown = await present(actor, o);
    const detailed = 'signups' in shown.order;
    const history = detailed ? (await listAggregateEvents(db, 'market_order', [o.id])).map(presentOrderEvent) : [];
    res.json({ ...shown, history });
  });

  r.get('/market/orders/:id/draw', async (req, res) => {
    const o = await loadVisibleOrder(ctx, anyActor(res), req.params.id);
    res.json({ orderId: o.id, orderNo: o.orderNo, ...(await drawReport(db, o)) });
  });

  r.post('/market/orders/:id/signups', async (req, res) => {
    const actor = userActor(res);
    const parsed = OrderIdParam.safeParse(req.params.id);
    if (!parsed.success) throw orderNotFound();
    const body = parseBody(SignupBody, req.body ?? {});
    await signUp(ctx, actor, parsed.data, body.quote ?? null);
    const o = (await findOrder(db, parsed.data))!;
    res.status(201).json(await present(actor, o));
  });

  r.post('/market/orders/:id/repost', async (req, res) => {
    const actor = userActor(res);
    const o = await loadVisibleOrder(ctx, actor, req.params.id);
    const dates = parseBody(OrderRepostBody, req.body);
    const result = await postOrder(ctx, repostProps(actor, o, dates));
    res.status(201).json({ ...(await present(actor, result.row)), event: presentOrderEvent(result.event) });
  });

  r.post('/market/orders/:id/actions', async (req, res) => {
    const actor = userActor(res);
    const o = await loadVisibleOrder(ctx, actor, req.params.id);
    const body = parseBody(OrderActionBody, req.body);
    const user = requireUser(res);
    // Steering (指定中介): a department may not pick the agency on someone else's order; the attempt is recorded.
    if (body.type === 'SELECT' && user.role === 'reviewer' && !isOrderOwner(actor, o)) throw await recordSteering(ctx, { user, order: o, agencyId: body.agencyId });
    let action: OrderAction;
    const agency = user.role === 'intermediary' ? await findAgencyOfUser(db, user.id) : undefined;
    switch (body.type) {
      case 'APPROVE': {
        const seed = randomBytes(32).toString('hex');
        action = { type: 'APPROVE', commitment: sha256Hex(seed), seed, reason: body.reason };
        break;
      }
      case 'SELECT': {
        const chosen = await findAgency(db, body.agencyId!);
        if (chosen && chosen.state !== 'listed') throw new AppError('MARKET_AGENCY_NOT_LISTED', 403, `The agency is ${chosen.state}: it may not be chosen`);
        action = { type: 'SELECT', agencyId: body.agencyId!, reason: body.reason };
        break;
      }
      case 'RESUBMIT': {
        const e = body.edits ?? {};
        const min = e.budgetMin ?? o.budgetMin;
        const max = e.budgetMax ?? o.budgetMax;
        const deadline = e.signupDeadline ? Date.parse(e.signupDeadline) : Date.parse(`${o.signupDeadline.replace(' ', 'T')}Z`);
        const selection = e.selectionAt ? Date.parse(e.selectionAt) : Date.parse(`${o.selectionAt.replace(' ', 'T')}Z`);
        if (min > max) throw validationFailed('edits.budgetMin: budgetMin may not exceed budgetMax', { field: 'edits.budgetMin' });
        if (selection < deadline) throw validationFailed('edits.selectionAt: selectionAt comes at or after signupDeadline', { field: 'edits.selectionAt' });
        if (deadline <= ctx.now().getTime()) throw validationFailed('edits.signupDeadline: the sign-up deadline has passed; give a new one', { field: 'edits.signupDeadline' });
        action = { type: 'RESUBMIT', reason: body.reason, ...(body.edits ? { edits: body.edits } : {}) };
        break;
      }
      case 'CONFIRM_CONTRACT':
        action = { type: 'CONFIRM_CONTRACT', serviceDueOn: ctx.calendar.addWorkingDays(chinaDate(ctx.now()), o.serviceDays), reason: body.reason };
        break;
      default:
        action = { type: body.type, reason: body.reason } as OrderAction;
    }
    if (agency) {
      // An agency no longer listed (suspended, expelled) acts on nothing.
      if (agency.state !== 'listed') throw new AppError('MARKET_AGENCY_NOT_LISTED', 403, `The agency is ${agency.state}: it may not act in the market`);
      action.byAgencyId = agency.id;
    }
    await actOnOrder(ctx, { key: String(o.id), actor, action, expectedVersion: body.expectedVersion });
    res.json(await present(actor, (await findOrder(db, o.id))!));
  });

  r.use(marketOrderFilesRouter(ctx, present));
  r.use(marketWorkbenchRouter(ctx));
  return r;
}
