import type { Knex } from 'knex';
import { agentsServing, type ProxyAgentRow } from '../../db/repositories/proxy/agents';
import type { ProxyOrderRow } from '../../db/repositories/proxy/orders';
import { rankCandidates, type DispatchRule } from '../../workflows/proxyDispatch';
import { OPEN_PROXY_STATES, stagesOf, type ProxyContext } from '../../workflows/proxyOrderMachine';
import type { AppContext } from '../context';

export function dispatchRule(ctx: AppContext): DispatchRule {
  return { order: ctx.config.PROXY_DISPATCH_ORDER, maxLoad: ctx.config.PROXY_MAX_LOAD };
}

/** The order's candidates, best first by the configured rule, each with its load. */
export async function candidatesFor(ctx: AppContext, db: Knex, o: ProxyOrderRow): Promise<(ProxyAgentRow & { load: number })[]> {
  const c = o.machineContext as unknown as ProxyContext;
  const agents = await agentsServing(db, o.jurisdictionPath, OPEN_PROXY_STATES);
  const ranked = rankCandidates(agents, { jurisdictionPath: o.jurisdictionPath, stages: stagesOf(c), declined: c.declined ?? [] }, dispatchRule(ctx));
  const byId = new Map(agents.map((a) => [a.id, a]));
  return ranked.map((a) => byId.get(a.id)!);
}

/** The rule in words (GET /api/proxy-orders/dispatch-rule). */
export function describeRule(ctx: AppContext) {
  const words = {
    area: { zh: '区域：服务区域包含项目所在地，区域越近（层级越深）越优先', en: 'area: agents whose area holds the project, the nearest (deepest) area first' },
    skills: { zh: '技能：擅长的阶段覆盖本单全部阶段者优先', en: 'skills: agents whose skills cover every stage of the order first' },
    load: { zh: '负荷：在办单数少者优先', en: 'load: the fewest open orders first' },
  };
  return {
    order: ctx.config.PROXY_DISPATCH_ORDER,
    maxLoad: ctx.config.PROXY_MAX_LOAD,
    acceptHours: ctx.config.PROXY_ACCEPT_HOURS,
    steps: ctx.config.PROXY_DISPATCH_ORDER.map((k) => ({ key: k, ...words[k] })),
    candidates: {
      zh: `候选人：在岗代办员，服务区域包含项目所在地，未曾退回或超时本单，在办单数少于 ${ctx.config.PROXY_MAX_LOAD}；全部相同时按编号先后。`,
      en: `Candidates: active agents whose area holds the project, who never declined or let this order time out, holding fewer than ${ctx.config.PROXY_MAX_LOAD} open orders; a full tie goes by id.`,
    },
    timeout: {
      zh: `派单后 ${ctx.config.PROXY_ACCEPT_HOURS} 小时内未接单，自动改派下一位。`,
      en: `An agent who does not answer within ${ctx.config.PROXY_ACCEPT_HOURS} hours is passed over; the order goes to the next.`,
    },
    configuredBy: ['PROXY_DISPATCH_ORDER', 'PROXY_MAX_LOAD', 'PROXY_ACCEPT_HOURS'],
  };
}
