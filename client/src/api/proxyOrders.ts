/**
 * Free proxy orders (网上无偿代办): the entrustment, requests, lists, an order, its actions,
 * the published agents, the dispatch rule and supervision figures. Shapes from the server (type-only imports).
 */
import type { AgentFigures } from '../../../db/repositories/proxy/stats';
import type { presentAgent, presentProxyEvent, presentProxyOrder } from '../../../server/presenters/proxyOrders';
import type { describeRule } from '../../../server/proxy/dispatch';
import { api, qs } from './http';

export type ProxyOrderView = ReturnType<typeof presentProxyOrder> & { actions: string[] };
export type ProxyEventView = ReturnType<typeof presentProxyEvent>;
export type ProxyAgentView = ReturnType<typeof presentAgent>;
export type DispatchRuleView = ReturnType<typeof describeRule>;
export type { AgentFigures };

export interface ProxyOrderPage {
  order: ProxyOrderView;
  history: ProxyEventView[];
  offers: { agentId: number; agentName: string | null; how: string; offeredAt: string; answer: string | null; answeredAt: string | null; reason: string | null }[];
  candidates: { id: number; name: string; post: string; jurisdictionCode: string; skills: number[]; load: number }[];
}

export interface EntrustmentView {
  text: string;
  textSha256: string;
  ownerName: string;
  projectCode: string | null;
  projectName: string | null;
  place: string;
}

export interface ProxyRequestInput {
  projectCode?: string;
  scope: 'full' | 'stage';
  stage?: number;
  request: string;
  ownerPhone: string;
  signature: { name: string; consent: true; textSha256: string };
}

export function getEntrustment(p: { projectCode?: string; scope: 'full' | 'stage'; stage?: number; request: string }): Promise<EntrustmentView> {
  return api('GET', `/api/proxy-orders/entrustment${qs(p)}`);
}

export function requestProxy(body: ProxyRequestInput): Promise<{ order: ProxyOrderView }> {
  return api('POST', '/api/proxy-orders', { body });
}

export function listProxyOrders(p: { state?: string; view?: 'mine' | 'pool'; year?: number; page?: number; pageSize?: number } = {}): Promise<{ orders: ProxyOrderView[]; total: number }> {
  return api('GET', `/api/proxy-orders${qs(p)}`);
}

export function getProxyOrder(orderNo: string): Promise<ProxyOrderPage> {
  return api('GET', `/api/proxy-orders/${orderNo}`);
}

export function actOnProxy(orderNo: string, action: string, body: Record<string, unknown> = {}): Promise<{ order: ProxyOrderView }> {
  return api('POST', `/api/proxy-orders/${orderNo}/${action}`, { body });
}

export function listProxyAgents(p: { page?: number; pageSize?: number } = {}): Promise<{ agents: ProxyAgentView[]; total: number }> {
  return api('GET', `/api/proxy-agents${qs(p)}`);
}

export function getDispatchRule(): Promise<DispatchRuleView> {
  return api('GET', '/api/proxy-orders/dispatch-rule');
}

export function getProxyStats(year?: number): Promise<{ year: number | null; totals: { agents: number; orders: number; completed: number; open: number; stopped: number }; agents: AgentFigures[] }> {
  return api('GET', `/api/proxy-agents/stats${qs({ year })}`);
}
