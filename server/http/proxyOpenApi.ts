import { z } from 'zod';
import * as P from './proxySchemas';
import type { Operation } from './openapi';

const no = z.object({ orderNo: P.ProxyOrderNoParam });
const json = (schema: z.ZodType) => ({ content: { 'application/json': { schema } } });
const CONFLICT = { 409: 'INVALID_TRANSITION (the state does not take it) or VERSION_CONFLICT' };
const action = (name: string, body: z.ZodType, summary: string, more: Record<number, string> = CONFLICT): Operation => ({
  operationId: `${name}ProxyOrder`,
  method: 'post',
  path: `/api/proxy-orders/{orderNo}/${name}`,
  summary,
  access: 'staff',
  request: { params: no, body: json(body) },
  ok: [200, '{ order }'],
  errors: [403, 404, 422],
  more,
});

/** Free proxy orders (网上无偿代办, issue 13; docs/proxy-orders.md). */
export const PROXY_OPERATIONS: Operation[] = [
  { operationId: 'getProxyDispatchRule', method: 'get', path: '/api/proxy-orders/dispatch-rule', summary: 'The dispatch rule in words (zh, en): candidates, the configured order of area, skills and load, the load limit and the time to answer (PROXY_DISPATCH_ORDER, PROXY_MAX_LOAD, PROXY_ACCEPT_HOURS)', access: 'public', ok: [200, '{ order, maxLoad, acceptHours, steps, candidates, timeout }'] },
  { operationId: 'getProxyEntrustment', method: 'get', path: '/api/proxy-orders/entrustment', summary: 'The entrustment (委托书) an owner is asked to sign for a request: its text (zh, generated from the request) and the text’s SHA-256', access: 'staff', request: { query: P.EntrustmentQuery }, ok: [200, '{ text, textSha256, ownerName, projectCode, projectName, place }'], errors: [403, 404], more: { 404: 'PROXY_PROJECT_NOT_FOUND' } },
  {
    operationId: 'requestProxyOrder',
    method: 'post',
    path: '/api/proxy-orders',
    summary: 'Ask for free proxy service (全程代办 or one stage) and sign the entrustment (typed name, consent, the SHA-256 of the text shown): the order, in the pool, and its first event in one transaction, pushed (`proxy:updated`) to the owner and the dispatching centre',
    access: 'staff',
    request: { body: json(P.ProxyRequestBody) },
    ok: [201, '{ order, event }'],
    errors: [403, 404, 422],
    more: { 409: 'PROXY_ENTRUSTMENT_CHANGED or PROXY_ALREADY_REQUESTED' },
  },
  { operationId: 'listProxyOrders', method: 'get', path: '/api/proxy-orders', summary: 'Proxy orders, newest first, paginated with `total`: the owner its own; an agent its own (view=pool: the claimable orders of its area); county/city/province centre clerks, supervisors their jurisdiction; the admin all', access: 'staff', request: { query: P.ProxyListQuery }, ok: [200, '{ orders, total, page, pageSize }'], errors: [403] },
  { operationId: 'getProxyOrder', method: 'get', path: '/api/proxy-orders/{orderNo}', summary: 'One order with its history, the offers (who was dispatched, how they answered) and, for the dispatcher of an order in the pool, the candidates by the rule', access: 'staff', request: { params: no }, ok: [200, '{ order, history, offers, candidates }'], errors: [404] },
  action('dispatch', P.DispatchBody, 'The centre dispatches (派单): to the agent the rule picks, or to a candidate it chooses (422 PROXY_NOT_CANDIDATE otherwise)', { 409: 'PROXY_NO_CANDIDATE, INVALID_TRANSITION or VERSION_CONFLICT' }),
  action('claim', P.PlainBody, 'An agent of the area claims an order from the pool: in service at once'),
  action('accept', P.PlainBody, 'The dispatched agent accepts: in service, due in 100 days (全程) or 30 working days (one stage)'),
  action('decline', P.ReasonBody, 'The dispatched agent declines with a reason (退单): the order goes to the next agent by the rule at once, never back to this one'),
  action('report', P.ReasonBody, 'The agent reports progress'),
  action('complete', P.CompleteBody, 'The agent completes (办结单): what was done, the results handed back'),
  action('stop', P.ReasonBody, 'The agent, the owner or the centre stops the service (终止单) with a reason'),
  action('renew', P.RenewBody, 'The owner renews (续办): a new term and scope; stays in service'),
  action('rate', P.RateBody, 'The owner rates the agent once, 1–5, after completion or stop'),
  action('cancel', P.OptionalReasonBody, 'The owner cancels before an agent accepted'),
  { operationId: 'listProxyAgents', method: 'get', path: '/api/proxy-agents', summary: 'Public: the published agents (代办员): name, post, work phone, area, skills (stages); paginated with `total`', access: 'public', request: { query: P.AgentListQuery }, ok: [200, '{ agents, total, page, pageSize }'] },
  { operationId: 'getProxyAgentStats', method: 'get', path: '/api/proxy-agents/stats', summary: 'Supervisors: per agent of their jurisdiction, orders, open, completed, stopped, declined offers, average hours to accept, days to finish, rating', access: 'staff', ok: [200, '{ year, totals, agents }'], errors: [403] },
];
