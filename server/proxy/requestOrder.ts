import { insertProxyOrder, patchProxyOrder, type ProxyOrderRow } from '../../db/repositories/proxy/orders';
import { chinaDate } from '../../workflows/calendar';
import { OPEN_PROXY_STATES, proxyOrderMachine } from '../../workflows/proxyOrderMachine';
import { agentsServing } from '../../db/repositories/proxy/agents';
import type { Actor } from '../auth/actor';
import type { AppContext } from '../context';
import { AppError } from '../errors';
import { applyCommand } from '../commands/aggregates/applyCommand';
import type { AggregateResult } from '../commands/aggregates/machineAggregate';
import { machineCreation } from '../commands/aggregates/machineCreation';
import { entrustmentText, ownersProject, place, sha256 } from './entrustment';
import { proxyLive } from './orderLive';
import type { Knex } from 'knex';

export interface ProxyRequestProps {
  actor: Actor;
  projectCode?: string;
  scope: 'full' | 'stage';
  stage?: number;
  jurisdictionCode?: string;
  request: string;
  ownerPhone: string;
  signature: { name: string; consent: true; textSha256: string };
}

/** The entrustment an owner is shown (and signs): its text, generated from the request, and the text's SHA-256. */
export async function entrustmentFor(db: Knex, actor: Actor, q: { projectCode?: string; scope: 'full' | 'stage'; stage?: number; jurisdictionCode?: string; request: string }) {
  if (actor.kind !== 'user' || actor.user.role !== 'applicant') throw new AppError('PROXY_OWNER_ONLY', 403, 'Free proxy service is asked for by an applicant account (the project’s owner)');
  const project = q.projectCode ? await ownersProject(db, q.projectCode, actor.user.id) : null;
  const where = await place(db, project?.jurisdictionCode ?? q.jurisdictionCode ?? actor.user.jurisdictionCode);
  const ownerName = project?.ownerName ?? actor.user.displayName;
  const text = entrustmentText({ ownerName, projectCode: project?.code ?? null, projectName: project?.name ?? null, placeName: where.name, scope: q.scope, stage: q.scope === 'stage' ? (q.stage ?? null) : null, request: q.request });
  return { text, textSha256: sha256(text), ownerName, project, place: where };
}

/** Asking for free proxy service: the order (in the pool) with its signed entrustment and its first event (REQUEST), in one transaction. */
export const proxyRequesting = machineCreation<ProxyRequestProps, ProxyOrderRow>({
  aggregate: 'proxy_order',
  machine: proxyOrderMachine,
  async plan(ctx, trx, p) {
    const e = await entrustmentFor(trx, p.actor, p);
    if (e.textSha256 !== p.signature.textSha256) throw new AppError('PROXY_ENTRUSTMENT_CHANGED', 409, 'The entrustment signed is not the one for this request: read it again (GET /api/proxy-orders/entrustment) and sign that', { textSha256: e.textSha256 });
    if (e.project) {
      const open = await trx('proxy_orders').where({ project_id: e.project.id }).whereIn('state', ['requested', 'dispatched', 'in_service']).first('order_no');
      if (open) throw new AppError('PROXY_ALREADY_REQUESTED', 409, `The project already has proxy order ${open.order_no} open`, { orderNo: open.order_no });
    }
    const stage = p.scope === 'stage' ? (p.stage ?? null) : null;
    // The accounts of the agents serving the area hear of the order while it is in their pool (claimable).
    const areaAgents = (await agentsServing(trx, e.place.path, OPEN_PROXY_STATES)).map((a) => a.userId).filter((id): id is number => id !== null);
    const actor = p.actor as Extract<Actor, { kind: 'user' }>;
    return {
      actor,
      type: 'REQUEST',
      payload: { scope: p.scope, stage, projectCode: e.project?.code ?? null, entrustmentSha256: e.textSha256 },
      input: { scope: p.scope, stage },
      columns: (initial, at) => ({
        orderNo: `tmp-${at}-${actor.user.id}`.slice(0, 24),
        projectId: e.project?.id ?? null,
        scope: p.scope,
        stage,
        ownerUserId: actor.user.id,
        ownerName: e.ownerName,
        ownerPhone: p.ownerPhone.trim(),
        jurisdictionCode: e.place.code,
        jurisdictionPath: e.place.path,
        request: p.request.trim(),
        entrustment: { text: e.text, textSha256: e.textSha256, signer: p.signature.name.trim(), signedAt: at, consent: true },
        machineContext: { ...(initial.context as Record<string, unknown>), projectCode: e.project?.code ?? null, areaAgents },
        agentId: null,
        dispatchedAt: null,
        acceptedAt: null,
        closedAt: null,
        dueOn: null,
        rating: null,
        ratingComment: null,
        nextDueAt: null,
        createdAt: at,
        updatedAt: at,
      }),
    };
  },
  async insert(trx, row) {
    const id = await insertProxyOrder(trx, { ...row, orderNo: `tmp${Date.now() % 1e9}-${Math.random().toString(36).slice(2, 9)}` });
    const orderNo = `PX${chinaDate(new Date(`${row.createdAt.replace(' ', 'T')}Z`)).replaceAll('-', '')}-${String(id).padStart(6, '0')}`;
    await patchProxyOrder(trx, id, { orderNo });
    (row as { orderNo: string }).orderNo = orderNo;
    return id;
  },
  live: proxyLive,
});

export function requestProxy(ctx: AppContext, props: ProxyRequestProps): Promise<AggregateResult<ProxyOrderRow>> {
  return applyCommand(ctx, proxyRequesting, props);
}

