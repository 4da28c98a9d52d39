import type { Knex } from 'knex';
import type { AppContext } from '../../context';
import { withRetry } from '../writeHelpers';

/**
 * The one command path, for every aggregate (the case, the e-licence, and
 * the services to come): in one transaction, lock the row, plan the change
 * (policy, version, machine: a refusal throws and leaves nothing behind),
 * write the row against the version it was read at together with its event
 * (the outbox row), run what else the change writes, commit; then wake the
 * publisher. An aggregate says how each step is done for it.
 */
export interface AggregateKind<Props, Row, Plan, Result> {
  /** The row, locked for the transaction (undefined when there is none: `plan` answers that). */
  load(trx: Knex.Transaction, props: Props): Promise<Row | undefined>;
  /** Everything that needs no write; throws the refusal (an AppError). */
  plan(ctx: AppContext, trx: Knex.Transaction, row: Row | undefined, props: Props): Promise<Plan>;
  /** The version-checked write of the row and its event. */
  write(ctx: AppContext, trx: Knex.Transaction, plan: Plan): Promise<Result>;
  /** What else the change writes in its transaction (a document, a licence's next version). */
  effects?(ctx: AppContext, trx: Knex.Transaction, props: Props, result: Result): Promise<void>;
  /** After the commit: wake the publisher. */
  committed(ctx: AppContext, result: Result): void;
}

/** One command in the caller's transaction (counter filing files and accepts in one). */
export async function applyIn<P, R, Pl, Res>(ctx: AppContext, trx: Knex.Transaction, kind: AggregateKind<P, R, Pl, Res>, props: P): Promise<Res> {
  const row = await kind.load(trx, props);
  const plan = await kind.plan(ctx, trx, row, props);
  const result = await kind.write(ctx, trx, plan);
  if (kind.effects) await kind.effects(ctx, trx, props, result);
  return result;
}

/** One command in its own transaction, run again when the database gave up on it (deadlock, certification failure). */
export async function applyCommand<P, R, Pl, Res>(ctx: AppContext, kind: AggregateKind<P, R, Pl, Res>, props: P): Promise<Res> {
  const result = await withRetry(() => ctx.db.knex.transaction((trx) => applyIn(ctx, trx, kind, props)));
  kind.committed(ctx, result);
  return result;
}
