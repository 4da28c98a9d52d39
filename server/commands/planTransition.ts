import type { Knex } from 'knex';
import { transition } from 'xstate';
import { dbTime } from '../../db/connection';
import type { CaseRow } from '../../db/repositories/cases';
import type { CaseEventRow, NewCaseEvent } from '../../db/repositories/caseEvents';
import { findItemById } from '../../db/repositories/items';
import { chinaDate } from '../../workflows/calendar';
import { clockChangeFor, deemAcceptedOnArrival, materialsNoticeExpired } from '../../workflows/caseClock';
import type { CaseEvent } from '../../workflows/caseEvents';
import { FINAL_STATES } from '../../workflows/caseStates';
import { applyClockChange, type ClockChange } from '../../workflows/clock';
import { actorName, actorUserId, eventActorOf, type Actor } from '../auth/actor';
import type { AppContext } from '../context';
import { AppError, caseNotFound, forbidden, invalidTransition, notFound, versionConflict } from '../errors';
import { canActOnCase, canViewCase, staffsDeskOnRoute } from '../policies/cases';
import { clockOf, derivedColumns, machineOfCase, restore, type PersistedCase } from './caseSnapshot';
import { nextPromise } from './casePromise';
import { deskOf } from '../realtime/desks';
import { withTimers } from './writeHelpers';
import { amendAndMarkColumns, historyPayload, prepareAction, urgingNotice } from './returnsAndUrging';

/** An action as the API takes it: the machine event without the actor. */
export type ActionInput = Exclude<CaseEvent, { type: 'SUBMIT' }> extends infer E
  ? E extends { actor: unknown }
    ? Omit<E, 'actor'>
    : never
  : never;

export interface TransitionCaseProps {
  caseNo: string;
  actor: Actor;
  action: ActionInput;
  expectedVersion?: number;
  /**
   * What else the transition writes, in its own transaction after the event
   * (an attached file's row and content): the record exists exactly when the
   * event does. A throw here undoes the whole transition.
   */
  records?: (trx: Knex.Transaction, result: TransitionResult) => Promise<void>;
}

export interface TransitionResult {
  case: CaseRow;
  event: CaseEventRow;
}

/** What a 补正 adds to the case's materials: names only (a line of the notice, 材料：理由, names its material), each once. */
export function suppliedMaterials(held: string[], supplied: string[]): string[] {
  return [...new Set([...held, ...supplied.map((m) => m.split('：')[0]!.trim()).filter(Boolean)])];
}

function whereItStands(row: CaseRow) {
  return { state: row.state, step: { kind: row.stepKind, level: row.currentLevel, department: row.currentDepartment } };
}

export const caseClosed = (state: string) =>
  new AppError('CASE_CLOSED', 409, `The case is closed (${state}): it takes no more actions`, { state });

/**
 * Policy first, then the version, then whether the case is closed. Someone
 * who may not even see the case learns nothing of it (404, as for a case
 * that does not exist); one who may see it but not act gets 403; a desk on
 * the route that lost a race or reads an old screen gets 409 (a stale
 * version says "reload" even when the winner closed the case).
 */
export function authorise({ actor, action, expectedVersion }: Pick<TransitionCaseProps, 'actor' | 'action' | 'expectedVersion'>, row: CaseRow): void {
  const stale = expectedVersion !== undefined && expectedVersion !== row.version;
  const closed = FINAL_STATES.includes(row.state);
  if (!canActOnCase(actor, row, action.type)) {
    if (!staffsDeskOnRoute(actor, row)) throw canViewCase(actor, row) ? forbidden('You may not act on this case') : caseNotFound();
    if (stale) throw versionConflict(expectedVersion, row.version);
    if (closed) throw caseClosed(row.state);
    throw invalidTransition(`${action.type} is not possible now: the case waits at another desk`, whereItStands(row));
  }
  if (stale) throw versionConflict(expectedVersion, row.version);
  // A closed case takes no event at all, whatever the machine would say.
  if (closed) throw caseClosed(row.state);
}

/** A transition worked out in memory, not yet written: the case's patch and its event. */
export interface PlannedTransition {
  before: CaseRow;
  patch: Partial<CaseRow>;
  updated: CaseRow;
  event: Omit<NewCaseEvent, 'live' | 'fanout' | 'clockChange'>;
  change: ClockChange;
  urging: ReturnType<typeof urgingNotice>;
  prevDesk: string | null;
  props: TransitionCaseProps;
}

/**
 * Everything about a transition that needs no write: the policy, the version,
 * the machine, the clock, the promise, the timers. Throws the refusal (an
 * AppError) when there is one; a batch relies on that leaving nothing behind.
 */
export async function planTransition(ctx: AppContext, db: Knex, row: CaseRow | undefined, props: TransitionCaseProps): Promise<PlannedTransition> {
  const { actor } = props;
  if (!row) throw caseNotFound();
  authorise(props, row);
  const now = ctx.now();
  const today = chinaDate(now);
  // What the machine cannot know (the promise, today, the tree) is checked and filled in first.
  const action = prepareAction(row, props.action, today, ctx.calendar);
  if (action.type === 'REQUEST_MATERIALS' && materialsNoticeExpired(clockOf(row), today, ctx.calendar)) {
    throw new AppError('MATERIALS_NOTICE_EXPIRED', 409, 'The 5 working days to ask for missing materials are over: the file counts as accepted on arrival; accept it or refuse it with reasons');
  }
  const item = await findItemById(db, row.itemId);
  if (!item) throw notFound('Item version');
  const machine = machineOfCase(row.snapshot);
  const before = restore(machine, row.snapshot as PersistedCase);
  if (before.status !== 'active') throw caseClosed(row.state);
  const event = { ...action, actor: eventActorOf(actor) } as CaseEvent;
  // A machine that takes no transition hands back the very same snapshot.
  const [after] = transition(machine, before, event);
  if (after === before) throw invalidTransition(`${action.type} is not possible now`, whereItStands(row));
  const rules = { yellowAt: ctx.config.YELLOW_AT };
  const prevSide = { state: row.state, context: before.context };
  const persisted: PersistedCase = { value: after.value as PersistedCase['value'], context: after.context };
  const change = deemAcceptedOnArrival(
    clockChangeFor(prevSide, { state: persisted.value, context: after.context }, event, item),
    clockOf(row),
    today,
    ctx.calendar,
  );
  const clock = applyClockChange(clockOf(row), change, today, ctx.calendar, rules);
  const promise = nextPromise(row, prevSide, { state: persisted.value, context: after.context }, event, item, today, ctx.calendar, rules);
  const at = dbTime(now);
  const seq = row.lastSeq + 1;
  const next: Partial<CaseRow> = {
    ...derivedColumns(persisted, row.centreCode, clock, today, ctx.calendar, rules, promise),
    version: row.version + 1,
    lastSeq: seq,
    updatedAt: at,
    ...(action.type === 'ACCEPT' ? { acceptedAt: at } : {}),
    ...(action.type === 'APPROVE' || action.type === 'DENY' ? { decidedAt: at } : {}),
    ...(after.status === 'done' ? { closedAt: at } : {}),
    ...(action.type === 'DELIVER' ? { delivery: { mode: action.mode, address: action.address ?? row.delivery.address, trackingNo: action.trackingNo ?? null } } : {}),
    ...(action.type === 'CHOOSE_DELIVERY' ? { delivery: { mode: action.mode, address: action.address ?? null, trackingNo: null } } : {}),
    ...(action.type === 'SUPPLY_MATERIALS' ? { materials: suppliedMaterials(row.materials, action.materials) } : {}),
    ...amendAndMarkColumns(row, action, after.context),
  };
  // The timers the new state needs ride in the same UPDATE (columns of the case, migration 013).
  const patch: Partial<CaseRow> = { ...next, ...withTimers({ ...row, ...next }, today, ctx.calendar, ctx.config.ESCALATE_AFTER_RED_DAYS) };
  const payload = historyPayload(action, eventActorOf(actor).level);
  const opinion = 'opinion' in action ? action.opinion : 'reason' in action ? action.reason : 'reasons' in action ? action.reasons : 'reply' in action ? action.reply : undefined;
  const eventRow = {
    caseId: row.id,
    seq,
    type: action.type,
    fromState: row.state,
    toState: persisted.value,
    actorUserId: actorUserId(actor),
    actorRole: eventActorOf(actor).role,
    actorName: actorName(actor),
    level: row.currentLevel,
    jurisdictionCode: row.currentJurisdiction,
    opinion: opinion ?? null,
    payload: payload as Record<string, unknown>,
    createdAt: at,
  };
  return {
    before: row,
    patch,
    updated: { ...row, ...patch },
    event: eventRow,
    change,
    urging: urgingNotice(row, action, before.context, eventRow),
    prevDesk: deskOf(row.currentLevel, row.currentJurisdiction, row.currentDepartment, row.stepKind, row.currentDeedNo),
    props: { ...props, action },
  };
}

