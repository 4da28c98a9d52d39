import { Router } from 'express';
import { z } from 'zod';
import { listAgents } from '../../db/repositories/proxy/agents';
import { agentFigures } from '../../db/repositories/proxy/stats';
import type { AppContext } from '../context';
import { forbidden } from '../errors';
import { requireUser } from '../http/auth';
import { AgentListQuery } from '../http/proxySchemas';
import { parseQuery } from '../http/validate';
import { presentAgent } from '../presenters/proxyOrders';

const StatsQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });

/** The published agents (public: name, post, phone, area, skills) and the supervisors' figures per agent. */
export function proxyAgentsRouter(ctx: AppContext): Router {
  const r = Router();
  const db = ctx.db.knex;

  r.get('/proxy-agents', async (req, res) => {
    const q = parseQuery(AgentListQuery, req.query);
    const { rows, total } = await listAgents(db, { within: q.jurisdiction, offset: (q.page - 1) * q.pageSize, limit: q.pageSize });
    const names = new Map((await db('jurisdictions').whereIn('code', [...new Set(rows.map((a) => a.jurisdictionCode))]).select('code', 'name')).map((j: { code: string; name: string }) => [j.code, j.name]));
    res.json({ agents: rows.map((a) => presentAgent(a, names.get(a.jurisdictionCode))), total, page: q.page, pageSize: q.pageSize });
  });

  r.get('/proxy-agents/stats', async (req, res) => {
    const user = requireUser(res);
    if (user.role !== 'supervisor' && user.role !== 'admin') throw forbidden('Supervision figures are for supervisors');
    const q = parseQuery(StatsQuery, req.query);
    const agents = await agentFigures(db, { within: user.role === 'admin' ? undefined : user.jurisdictionCode, year: q.year });
    const sum = (k: 'orders' | 'completed' | 'open' | 'stopped') => agents.reduce((a, x) => a + x[k], 0);
    res.json({ year: q.year ?? null, totals: { agents: agents.length, orders: sum('orders'), completed: sum('completed'), open: sum('open'), stopped: sum('stopped') }, agents });
  });

  return r;
}
