import type { Knex } from 'knex';
import { transition, type AnyStateMachine } from 'xstate';
import { dbTime } from '../../../db/connection';
import { insertAggregateEvent, type AggregateEventRow, type AggregateLive } from '../../../db/repositories/aggregateEvents';
import { chinaDate } from '../../../workflows/calendar';
import { actorName, actorUserId, eventActorOf, type Actor } from '../../auth/actor';
import type { AppContext } from '../../context';
import { invalidTransition, versionConflict, type AppError } from '../../errors';
import type { AggregateKind } from './applyCommand';

/** What every machine-backed aggregate row carries for the command path. */
export interface MachineRow {
  id: number;
  state: string;
  rowVersion: number;
  lastSeq: number;
}

/** A command on an aggregate: who, what (the machine event without actor and date), and the version the screen showed. */
export interface AggregateCommand<A extends { type: string }> {
  key: string;
  actor: Actor;
  action: A;
  expectedVersion?: number;
}

export interface AggregateResult<Row> {
  before: Row;
  row: Row;
  event: AggregateEventRow;
}

export interface MachinePlan<Row> {
  key: string;
  before: Row;
  patch: Partial<Row>;
  event: Omit<AggregateEventRow, 'id'>;
  live: AggregateLive | null;
}

/** How one aggregate plugs into the command path: its rows, its policy, its machine, whom to tell. */
export interface MachineAggregateSpec<Row extends MachineRow, A extends { type: string }> {
  aggregate: string;
  load(trx: Knex, key: string, forUpdate: boolean): Promise<Row | undefined>;
  notFound(): AppError;
  /** Throws (404 for one who may not see it, 403 for one who may see but not act). */
  authorise(actor: Actor, row: Row, action: A): void;
  machine: AnyStateMachine;
  context(row: Row): unknown;
  /** The columns the new state sets besides state, context, version and sequence. */
  columns(row: Row, after: { value: string; context: unknown }, action: A, at: string): Partial<Row>;
  /** Writes the patch if the row is still at `version`; false when it moved. */
  update(trx: Knex, row: Row, patch: Partial<Row>): Promise<boolean>;
  /** What the event records besides type and reason (no personal data beyond what the row holds). */
  payload(action: A): Record<string, unknown>;
  live(row: Row, event: Omit<AggregateEventRow, 'id'>): AggregateLive | null;
  effects?(ctx: AppContext, trx: Knex.Transaction, result: AggregateResult<Row>, action: A): Promise<void>;
}

/**
 * A machine-backed aggregate as a kind of the one command path: the row is
 * locked and version-checked, its machine restored from state and context,
 * the event taken by the pure `transition` (a machine that takes nothing
 * hands back the same snapshot: refused), then row and event written.
 */
export function machineAggregate<Row extends MachineRow, A extends { type: string; reason?: string }>(
  spec: MachineAggregateSpec<Row, A>,
): AggregateKind<AggregateCommand<A>, Row, MachinePlan<Row>, AggregateResult<Row>> {
  return {
    load: (trx, props) => spec.load(trx, props.key, true),
    async plan(ctx, _trx, row, props) {
      if (!row) throw spec.notFound();
      spec.authorise(props.actor, row, props.action);
      if (props.expectedVersion !== undefined && props.expectedVersion !== row.rowVersion) throw versionConflict(props.expectedVersion, row.rowVersion);
      const now = ctx.now();
      const before = spec.machine.resolveState({ value: row.state, context: spec.context(row) });
      const event = { ...props.action, actor: eventActorOf(props.actor), today: chinaDate(now) };
      const [after] = transition(spec.machine, before, event);
      if (after === before) throw invalidTransition(`${props.action.type} is not possible now`, { state: row.state });
      const at = dbTime(now);
      const next = { value: String(after.value), context: after.context as unknown };
      const patch = {
        ...spec.columns(row, next, props.action, at),
        state: next.value,
        rowVersion: row.rowVersion + 1,
        lastSeq: row.lastSeq + 1,
      } as Partial<Row>;
      const eventRow: Omit<AggregateEventRow, 'id'> = {
        aggregate: spec.aggregate,
        aggregateId: row.id,
        seq: row.lastSeq + 1,
        type: props.action.type,
        fromState: row.state,
        toState: next.value,
        actorUserId: actorUserId(props.actor),
        actorRole: eventActorOf(props.actor).role,
        actorName: actorName(props.actor),
        reason: props.action.reason?.trim() || null,
        payload: spec.payload(props.action),
        createdAt: at,
      };
      return { key: props.key, before: row, patch, event: eventRow, live: spec.live({ ...row, ...patch }, eventRow) };
    },
    async write(_ctx, trx, plan) {
      if (!(await spec.update(trx, plan.before, plan.patch))) {
        const fresh = await spec.load(trx, plan.key, false);
        throw versionConflict(plan.before.rowVersion, fresh?.rowVersion ?? plan.before.rowVersion);
      }
      const id = await insertAggregateEvent(trx, { ...plan.event, live: plan.live });
      return { before: plan.before, row: { ...plan.before, ...plan.patch }, event: { ...plan.event, id } };
    },
    effects: spec.effects ? (ctx, trx, props, result) => spec.effects!(ctx, trx, result, props.action) : undefined,
    committed: (ctx, result) => ctx.events.emit('aggregateCommitted', { aggregate: spec.aggregate, id: result.row.id, seq: result.event.seq }),
  };
}
