import type { Knex } from 'knex';
import { initialTransition, type AnyStateMachine } from 'xstate';
import { dbTime } from '../../../db/connection';
import { insertAggregateEvent, type AggregateEventRow, type AggregateLive } from '../../../db/repositories/aggregateEvents';
import { actorName, actorUserId, eventActorOf, type Actor } from '../../auth/actor';
import type { AppContext } from '../../context';
import type { AggregateKind } from './applyCommand';
import type { AggregateResult, MachineRow } from './machineAggregate';

/** What a creation command decided before writing: who, the machine's input, the new row's own columns. */
export interface CreationPlan<Row extends MachineRow> {
  actor: Actor;
  /** The first event's type (REQUEST …) and what it records. */
  type: string;
  payload: Record<string, unknown>;
  input: unknown;
  /** The row's columns besides id, state, version and sequence, given the machine's first state. */
  columns(initial: { value: string; context: unknown }, at: string): Omit<Row, 'id' | 'state' | 'rowVersion' | 'lastSeq'>;
}

/** How a machine-backed aggregate is created: checks, the row, whom to tell. */
export interface MachineCreationSpec<Props, Row extends MachineRow> {
  aggregate: string;
  machine: AnyStateMachine;
  /** Validates and authorises (throws the refusal, writing nothing). */
  plan(ctx: AppContext, trx: Knex.Transaction, props: Props): Promise<CreationPlan<Row>>;
  insert(trx: Knex, row: Omit<Row, 'id'>): Promise<number>;
  live(row: Row, event: Omit<AggregateEventRow, 'id'>): AggregateLive | null;
}

interface Planned<Row> {
  row: Omit<Row, 'id'>;
  event: Omit<AggregateEventRow, 'id' | 'aggregateId'>;
}

/**
 * Creating an aggregate as a kind of the one command path: the row in its
 * machine's first state and its first event (seq 1, the outbox row) written
 * in one transaction, like filing is for a case.
 */
export function machineCreation<Props, Row extends MachineRow>(spec: MachineCreationSpec<Props, Row>): AggregateKind<Props, undefined, Planned<Row>, AggregateResult<Row>> {
  return {
    load: async () => undefined,
    async plan(ctx, trx, _row, props) {
      const p = await spec.plan(ctx, trx, props);
      const [initial] = initialTransition(spec.machine, p.input);
      const value = String(initial.value);
      const at = dbTime(ctx.now());
      const row = { ...p.columns({ value, context: initial.context }, at), state: value, rowVersion: 1, lastSeq: 1 } as Omit<Row, 'id'>;
      return {
        row,
        event: {
          aggregate: spec.aggregate,
          seq: 1,
          type: p.type,
          fromState: null,
          toState: value,
          actorUserId: actorUserId(p.actor),
          actorRole: eventActorOf(p.actor).role,
          actorName: actorName(p.actor),
          reason: null,
          payload: p.payload,
          createdAt: at,
        },
      };
    },
    async write(_ctx, trx, plan) {
      const id = await spec.insert(trx, plan.row);
      const row = { ...plan.row, id } as Row;
      const event = { ...plan.event, aggregateId: id };
      const eventId = await insertAggregateEvent(trx, { ...event, live: spec.live(row, event) });
      return { before: row, row, event: { ...event, id: eventId } };
    },
    committed: (ctx, result) => ctx.events.emit('aggregateCommitted', { aggregate: spec.aggregate, id: result.row.id, seq: result.event.seq }),
  };
}
