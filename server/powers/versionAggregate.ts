import type { Knex } from 'knex';
import { findPowerList, findPowerVersion, insertPowerVersion, updatePowerVersionIfVersion, versionsOfList, type PowerVersionRow } from '../../db/repositories/powers/versions';
import { powerVersionMachine, type PowerVersionContext } from '../../workflows/powerVersionMachine';
import type { Actor } from '../auth/actor';
import type { AppContext } from '../context';
import { applyCommand } from '../commands/aggregates/applyCommand';
import { machineAggregate, type AggregateCommand, type AggregateResult } from '../commands/aggregates/machineAggregate';
import { machineCreation } from '../commands/aggregates/machineCreation';
import { authoriseKeeper } from '../policies/powers';
import { applyAdjustment, type Adjustment } from './adjustments';
import { powerDraftOpen, powerListNotFound, powerVersionNotFound } from './errors';

/** A command on a version: an adjustment, or publishing. */
export type PowerAction = ({ type: 'ADJUST' } & Adjustment) | { type: 'PUBLISH'; reason?: string };

const userOf = (actor: Actor) => (actor.kind === 'user' ? actor.user : null);

/**
 * Nobody watches a list version live: the public reads the lists on request,
 * and an administrator's own answer carries the change. The event row is the
 * audit record (no outbox message).
 */
const NO_LIVE = () => null;

const transitions = machineAggregate<PowerVersionRow, PowerAction>({
  aggregate: 'power_version',
  load: (trx, key, forUpdate) => findPowerVersion(trx, Number(key), forUpdate),
  notFound: powerVersionNotFound,
  // The lists are public, so one who may not keep this list is told so (403), never that it is missing.
  authorise: (actor, v) => authoriseKeeper(userOf(actor), v.listCode),
  machine: powerVersionMachine,
  context: (v) => v.machineContext,
  columns: (_v, after, _a, at) => ({ machineContext: after.context as Record<string, unknown>, updatedAt: at, ...(after.value === 'published' ? { decidedOn: (after.context as PowerVersionContext).publishedOn } : {}) }),
  update: updatePowerVersionIfVersion,
  payload: (a) => (a.type === 'ADJUST' ? { kind: a.kind, basis: a.basis, codes: a.codes ?? [], added: (a.entries ?? []).map((e) => e.name), toLevel: a.toLevel ?? null } : {}),
  live: NO_LIVE,
  async effects(_ctx, trx, result, action) {
    if (action.type === 'ADJUST') await applyAdjustment(trx, result.before, action, result.event.actorName, result.event.createdAt);
  },
});

export function actOnPowerVersion(ctx: AppContext, props: AggregateCommand<PowerAction>): Promise<AggregateResult<PowerVersionRow>> {
  return applyCommand(ctx, transitions, props);
}

export interface OpenDraft {
  actor: Actor;
  jurisdiction: string;
  name: string;
  document?: string | null;
}

const creation = machineCreation<OpenDraft, PowerVersionRow>({
  aggregate: 'power_version',
  machine: powerVersionMachine,
  async plan(_ctx, trx: Knex.Transaction, props) {
    const list = await findPowerList(trx, { jurisdictionCode: props.jurisdiction });
    if (!list) throw powerListNotFound();
    authoriseKeeper(userOf(props.actor), list.jurisdictionCode);
    const versions = await versionsOfList(trx, list.id);
    const draft = versions.find((v) => v.state === 'draft');
    if (draft) throw powerDraftOpen(draft.id);
    const base = [...versions].reverse().find((v) => v.state === 'published' && v.kind === 'list') ?? versions[versions.length - 1];
    const seq = (versions[versions.length - 1]?.seq ?? 0) + 1;
    return {
      actor: props.actor,
      type: 'OPEN',
      payload: { jurisdiction: list.jurisdictionCode, seq, baseSeq: base?.seq ?? null },
      input: {},
      columns: (initial, at) => ({
        listId: list.id,
        listCode: list.jurisdictionCode,
        seq,
        name: props.name.trim(),
        kind: 'list' as const,
        baseSeq: base?.seq ?? null,
        decidedOn: null,
        document: props.document?.trim() || null,
        machineContext: initial.context as Record<string, unknown>,
        createdAt: at,
        updatedAt: at,
      }),
    };
  },
  insert: insertPowerVersion,
  live: NO_LIVE,
});

/** Opens a draft version of a list (seq = the next one, based on the newest published list version). */
export function openPowerDraft(ctx: AppContext, props: OpenDraft): Promise<AggregateResult<PowerVersionRow>> {
  return applyCommand(ctx, creation, props);
}
