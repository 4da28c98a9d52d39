import type { Knex } from 'knex';
import { actingProxyOrder } from '../../db/repositories/proxy/actingAgent';
import type { ProjectRow } from '../../db/repositories/projects/projects';
import type { Actor } from '../auth/actor';
import type { OnBehalfOf } from './projectAggregate';

/** When an agent acts for the project's owner (代办): whom for, under which proxy order; undefined for anyone else. */
export async function onBehalfOf(db: Knex, actor: Actor, p: ProjectRow): Promise<OnBehalfOf | undefined> {
  if (actor.kind !== 'user' || actor.user.role !== 'proxy_agent') return undefined;
  const order = await actingProxyOrder(db, p.id, actor.user.id);
  return order ? { ownerName: p.ownerName, proxyOrderNo: order.orderNo } : undefined;
}
