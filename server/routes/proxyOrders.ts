import { Router, type Response } from 'express';
import type { ZodTypeAny } from 'zod';
import { listAggregateEvents } from '../../db/repositories/aggregateEvents';
import { findAgentById } from '../../db/repositories/proxy/agents';
import { findProxyOrderByNo, listOffers, listProxyOrders, type ProxyOrderFilter, type ProxyOrderRow } from '../../db/repositories/proxy/orders';
import { addCalendarDays, chinaDate } from '../../workflows/calendar';
import type { Actor } from '../auth/actor';
import type { AppContext } from '../context';
import { AppError, forbidden } from '../errors';
import { requireUser } from '../http/auth';
import { CompleteBody, DispatchBody, EntrustmentQuery, OptionalReasonBody, PlainBody, ProxyListQuery, ProxyOrderNoParam, ProxyRequestBody, RateBody, ReasonBody, RenewBody } from '../http/proxySchemas';
import { parseBody, parseQuery } from '../http/validate';
import { isDispatcher, isOrderAgent, isProxyOwner, seesJurisdictionOrders } from '../policies/proxyOrders';
import { presentProxyEvent } from '../presenters/proxyOrders';
import { candidatesFor, describeRule } from '../proxy/dispatch';
import { actOnProxyOrder, type ProxyAction } from '../proxy/orderAggregate';
import { actingAgentOf, assertVisible, viewOrder } from '../proxy/orderView';
import { entrustmentFor, requestProxy } from '../proxy/requestOrder';

const userActor = (res: Response): Actor => ({ kind: 'user', user: requireUser(res) });

type Built = (ctx: AppContext, body: any, o: ProxyOrderRow, actor: Actor) => ProxyAction | Promise<ProxyAction>;

/** Free proxy orders (代办): request and entrustment, the lists, the order page, and every action through the one command path. */
export function proxyOrdersRouter(ctx: AppContext): Router {
  const r = Router();
  const db = ctx.db.knex;
  const today = () => chinaDate(ctx.now());
  // full = 100 calendar days (the project's whole limit); one stage = 30 working days (the approval limit).
  const dueOn = (scope: string) => (scope === 'stage' ? ctx.calendar.addWorkingDays(today(), 30) : addCalendarDays(today(), 100));

  r.get('/proxy-orders/dispatch-rule', (_req, res) => {
    res.json(describeRule(ctx));
  });

  r.get('/proxy-orders/entrustment', async (req, res) => {
    const actor = userActor(res);
    const q = parseQuery(EntrustmentQuery, req.query);
    const e = await entrustmentFor(db, actor, q);
    res.json({ text: e.text, textSha256: e.textSha256, ownerName: e.ownerName, projectCode: e.project?.code ?? null, projectName: e.project?.name ?? null, place: e.place.name });
  });

  r.post('/proxy-orders', async (req, res) => {
    const actor = userActor(res);
    const body = parseBody(ProxyRequestBody, req.body);
    const result = await requestProxy(ctx, { actor, ...body });
    res.status(201).json({ order: await viewOrder(db, actor, result.row, undefined), event: presentProxyEvent(result.event) });
  });

  r.get('/proxy-orders', async (req, res) => {
    const actor = userActor(res);
    const user = requireUser(res);
    const q = parseQuery(ProxyListQuery, req.query);
    const f: ProxyOrderFilter = { states: q.state?.split(','), year: q.year, offset: (q.page - 1) * q.pageSize, limit: q.pageSize };
    const agent = await actingAgentOf(db, actor);
    if (user.role === 'applicant') f.ownerUserId = user.id;
    else if (user.role === 'proxy_agent') {
      if (!agent) throw forbidden('This account is not a published proxy agent');
      if (q.view === 'pool') Object.assign(f, { states: ['requested'], pathPrefix: agent.jurisdictionPath });
      else f.agentId = agent.id;
    } else if (seesJurisdictionOrders(actor)) {
      if (user.role !== 'admin') f.within = user.jurisdictionCode;
    } else throw forbidden('Proxy orders are listed for their owners, agents, dispatching centres and supervisors');
    const { rows, total } = await listProxyOrders(db, f);
    const orders = [];
    for (const o of rows) orders.push(await viewOrder(db, actor, o, agent));
    res.json({ orders, total, page: q.page, pageSize: q.pageSize });
  });

  async function load(res: Response, raw: unknown) {
    const actor = userActor(res);
    const agent = await actingAgentOf(db, actor);
    const parsed = ProxyOrderNoParam.safeParse(raw);
    const o = assertVisible(actor, parsed.success ? await findProxyOrderByNo(db, parsed.data) : undefined, agent);
    return { actor, agent, o };
  }

  r.get('/proxy-orders/:orderNo', async (req, res) => {
    const { actor, agent, o } = await load(res, req.params.orderNo);
    const history = (await listAggregateEvents(db, 'proxy_order', [o.id])).map(presentProxyEvent);
    const involved = isProxyOwner(actor, o) || isDispatcher(actor, o) || isOrderAgent(agent, o) || actor.kind === 'user' && ['supervisor', 'admin'].includes(actor.user.role);
    const offers = involved ? await listOffers(db, o.id) : [];
    const named = [];
    for (const f of offers) named.push({ ...f, agentName: (await findAgentById(db, f.agentId))?.name ?? null });
    const candidates = isDispatcher(actor, o) && o.state === 'requested' ? (await candidatesFor(ctx, db, o)).map((a) => ({ id: a.id, name: a.name, post: a.post, jurisdictionCode: a.jurisdictionCode, skills: a.skills, load: a.load })) : [];
    res.json({ order: await viewOrder(db, actor, o, agent), history, offers: named, candidates });
  });

  const actions: Record<string, { schema: ZodTypeAny; build: Built }> = {
    dispatch: {
      schema: DispatchBody,
      async build(c, b, o) {
        const ranked = await candidatesFor(c, db, o);
        const pick = b.agentId === undefined ? ranked[0] : ranked.find((a) => a.id === b.agentId);
        if (!pick) throw b.agentId === undefined ? new AppError('PROXY_NO_CANDIDATE', 409, 'No agent is left to dispatch to by the rule (area, declines, load): wait for an agent or a claim') : new AppError('PROXY_NOT_CANDIDATE', 422, 'The agent chosen is not a candidate for this order (area, declined before, or at the load limit)', { field: 'agentId' });
        return { type: 'DISPATCH', agentId: pick.id, agentUserId: pick.userId, how: b.agentId === undefined ? 'auto' : 'chosen' };
      },
    },
    claim: {
      schema: PlainBody,
      build: (_c, _b, o, actor) => ({ type: 'CLAIM', agentId: -1, agentUserId: actor.kind === 'user' ? actor.user.id : null, dueOn: dueOn(o.scope) }),
    },
    accept: { schema: PlainBody, build: (_c, _b, o) => ({ type: 'ACCEPT', dueOn: dueOn(o.scope) }) },
    decline: { schema: ReasonBody, build: (_c, b) => ({ type: 'DECLINE', reason: b.reason }) },
    report: { schema: ReasonBody, build: (_c, b) => ({ type: 'REPORT', reason: b.reason }) },
    complete: { schema: CompleteBody, build: (_c, b) => ({ type: 'COMPLETE', reason: b.reason, results: b.results }) },
    stop: { schema: ReasonBody, build: (_c, b) => ({ type: 'STOP', reason: b.reason, askedBy: 'owner' }) },
    renew: { schema: RenewBody, build: (_c, b) => ({ type: 'RENEW', reason: b.reason, dueOn: addCalendarDays(today(), b.days) }) },
    rate: { schema: RateBody, build: (_c, b) => ({ type: 'RATE', rating: b.rating, comment: b.comment }) },
    cancel: { schema: OptionalReasonBody, build: (_c, b) => ({ type: 'CANCEL', reason: b.reason }) },
  };

  for (const [name, spec] of Object.entries(actions)) {
    r.post(`/proxy-orders/:orderNo/${name}`, async (req, res) => {
      const { actor, agent, o } = await load(res, req.params.orderNo);
      const body = parseBody(spec.schema, req.body ?? {}) as { expectedVersion?: number };
      const action = await spec.build(ctx, body, o, actor);
      if (agent) action.byAgent = agent;
      if (action.type === 'CLAIM') action.agentId = agent?.id ?? -1;
      if (action.type === 'STOP') action.askedBy = isOrderAgent(agent, o) ? 'agent' : isProxyOwner(actor, o) ? 'owner' : 'centre';
      await actOnProxyOrder(ctx, { key: String(o.id), actor, action, expectedVersion: body.expectedVersion });
      const fresh = (await findProxyOrderByNo(db, o.orderNo))!;
      res.json({ order: await viewOrder(db, actor, fresh, agent) });
    });
  }

  return r;
}

