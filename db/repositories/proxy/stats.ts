import type { Knex } from 'knex';
import { codePrefix } from '../../../workflows/levels';
import { fromDbTime } from '../../connection';

export interface AgentFigures {
  agentId: number;
  name: string;
  post: string;
  jurisdictionCode: string;
  orders: number;
  open: number;
  completed: number;
  stopped: number;
  declined: number;
  avgAcceptHours: number | null;
  avgFinishDays: number | null;
  avgRating: number | null;
  ratings: number;
}

const avg = (xs: number[]) => (xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10 : null);
const hours = (from: string, to: string) => (fromDbTime(to).getTime() - fromDbTime(from).getTime()) / 3_600_000;

/**
 * Supervision figures per agent of an area (效能监督): orders served, open, completed, stopped,
 * declined offers, average time from an offer to its acceptance, from acceptance to completion, and rating.
 */
export async function agentFigures(db: Knex, f: { within?: string; year?: number }): Promise<AgentFigures[]> {
  const aq = db('proxy_agents');
  if (f.within) aq.where('jurisdiction_code', 'like', `${codePrefix(f.within)}%`);
  const agents = await aq.select('id', 'name', 'post', 'jurisdiction_code').orderBy('jurisdiction_code').orderBy('id');
  const ids = agents.map((a: { id: number }) => a.id);
  const oq = db('proxy_orders').whereIn('agent_id', ids);
  if (f.year) oq.where('created_at', 'like', `${f.year}-%`);
  const orders = await oq.select('agent_id', 'state', 'accepted_at', 'closed_at', 'rating');
  const xq = db('proxy_order_agents as x').join('proxy_orders as o', 'o.id', 'x.order_id').whereIn('x.agent_id', ids);
  if (f.year) xq.where('o.created_at', 'like', `${f.year}-%`);
  const offers = await xq.select('x.agent_id', 'x.answer', 'x.offered_at', 'x.answered_at');
  return agents.map((a: Record<string, any>) => {
    const id = Number(a.id);
    const mine = orders.filter((o: Record<string, any>) => Number(o.agent_id) === id);
    const offered = offers.filter((x: Record<string, any>) => Number(x.agent_id) === id);
    const done = mine.filter((o: Record<string, any>) => o.state === 'completed' && o.accepted_at && o.closed_at);
    const rated = mine.filter((o: Record<string, any>) => o.rating != null).map((o: Record<string, any>) => Number(o.rating));
    return {
      agentId: id,
      name: a.name,
      post: a.post,
      jurisdictionCode: a.jurisdiction_code,
      orders: mine.length,
      open: mine.filter((o: Record<string, any>) => o.state === 'dispatched' || o.state === 'in_service').length,
      completed: mine.filter((o: Record<string, any>) => o.state === 'completed').length,
      stopped: mine.filter((o: Record<string, any>) => o.state === 'stopped').length,
      declined: offered.filter((x: Record<string, any>) => x.answer === 'declined' || x.answer === 'timed_out').length,
      avgAcceptHours: avg(offered.filter((x: Record<string, any>) => x.answer === 'accepted' && x.answered_at).map((x: Record<string, any>) => hours(x.offered_at, x.answered_at))),
      avgFinishDays: avg(done.map((o: Record<string, any>) => hours(o.accepted_at, o.closed_at) / 24)),
      avgRating: avg(rated),
      ratings: rated.length,
    };
  });
}
