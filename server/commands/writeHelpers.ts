import type { Knex } from 'knex';
import type { CaseRow } from '../../db/repositories/cases';
import { insertCaseEvent, type CaseEventRow, type NewCaseEvent } from '../../db/repositories/caseEvents';
import { timerColumns } from '../../db/repositories/timers';
import { CalendarYearMissingError, type WorkCalendar } from '../../workflows/calendar';
import type { ClockChange } from '../../workflows/clock';
import { planTimers, type TimerPlan } from '../../workflows/deadlineTimers';
import type { CaseUpdated, CaseUrged } from '../../workflows/socketContract';
import { escalationTimer } from '../../workflows/deadlineTimers';
import { AppError, calendarMissing } from '../errors';
import { deskOf } from '../realtime/desks';

/** What the publisher sends for an event: what watchers get, and whom else to tell (desks the case left and reached, stats scopes). */
export interface OutboxPayload {
  live: CaseUpdated;
  desks: { from: string | null; to: string | null };
  centrePath: string;
  /** 督办/催办/escalation: a notice for the desk or supervisors who must answer (server/commands/returnsAndUrging.ts). */
  urged?: { notice: CaseUrged; rooms: string[] };
}

/** The payload every watcher of a case receives for a committed transition. */
export function caseUpdatedPayload(c: CaseRow, e: Pick<CaseEventRow, 'seq' | 'type' | 'createdAt'>): CaseUpdated {
  return {
    caseNo: c.caseNo,
    seq: e.seq,
    version: c.version,
    type: e.type,
    state: c.state,
    step: c.stepKind,
    level: c.currentLevel,
    jurisdictionCode: c.currentJurisdiction,
    department: c.currentDepartment,
    light: c.light,
    deadline: c.deadlineOn,
    at: e.createdAt,
  };
}

/**
 * Everything written with a transition besides the case row, in the same
 * transaction: one event row (what watchers are sent, whom else to tell, how
 * the clock changed; the event table is the outbox). The case's deadline
 * timers are columns of its row (`withTimers`), written by the caller's UPDATE.
 */
export async function writeEvent(
  trx: Knex,
  c: CaseRow,
  event: Omit<NewCaseEvent, 'live' | 'fanout' | 'clockChange'>,
  change: ClockChange,
  when: EventWhen,
): Promise<CaseEventRow> {
  const record = eventRecord(c, event, change, when);
  const id = await insertCaseEvent(trx, record);
  return { ...event, id, live: record.live };
}

interface EventWhen {
  at: string;
  prevDesk: string | null;
  notice?: OutboxPayload['urged'];
}

/** The event row of a transition as stored: with what watchers are sent, whom else to tell, how the clock changed. */
export function eventRecord(c: CaseRow, event: Omit<NewCaseEvent, 'live' | 'fanout' | 'clockChange'>, change: ClockChange, when: EventWhen): NewCaseEvent & { live: CaseUpdated } {
  const live = caseUpdatedPayload(c, event);
  const desk = c.closedAt ? null : deskOf(c.currentLevel, c.currentJurisdiction, c.currentDepartment, c.stepKind, c.currentDeedNo);
  const fanout: Omit<OutboxPayload, 'live'> = { desks: { from: when.prevDesk, to: desk }, centrePath: c.centrePath, ...(when.notice ? { urged: when.notice } : {}) };
  return { ...event, live, fanout, clockChange: clockChangeLabel(change) };
}

/** The clock interval an event opens or closes: `start:<phase>` and `resume` (the office's time), `pause:applicant`, `pause:special`, `stop`. */
export function clockChangeLabel(change: ClockChange): string | null {
  switch (change.kind) {
    case 'start':
      return `start:${change.phase}`;
    case 'resume':
      return 'resume';
    case 'pause':
      return `pause:${change.pause === 'materials' ? 'applicant' : 'special'}`;
    case 'stop':
      return 'stop';
    default:
      return null;
  }
}

/** The timer columns for a case row about to be written: the plan its state needs (deadlineTimers.ts). */
export function withTimers(c: CaseRow, today: string, cal: WorkCalendar, escalateAfterRedDays?: number) {
  return timerColumns(timersFor(c, today, cal, escalateAfterRedDays));
}

/** The deadline timers a case needs in the state its row is in. */
export function timersFor(c: CaseRow, today: string, cal: WorkCalendar, escalateAfterRedDays?: number): TimerPlan[] {
  const escalation = escalateAfterRedDays
    ? escalationTimer({ closed: c.closedAt !== null, phase: c.promisePhase, dueOn: c.promiseDueOn, escalatedFor: (c.snapshot as { context: { escalatedFor?: string | null } }).context.escalatedFor ?? null }, escalateAfterRedDays, cal)
    : [];
  return [...escalation, ...planTimers(
    {
      state: c.state,
      phase: c.clockPhase,
      paused: c.clockPhase !== 'stopped' && c.clockPausedSince !== null,
      deadline: c.deadlineOn,
      yellowOn: c.yellowOn,
      light: c.light,
      deliveryMode: c.delivery.mode,
      today,
    },
    cal,
  )];
}

// SQLITE_BUSY_SNAPSHOT: with several processes on one WAL file, another process committed after
// this transaction's first read, so its first write is refused; run it again on a fresh snapshot.
const RETRYABLE = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT', 'SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT']);

/**
 * Retries a whole transaction when the database gave up on it (deadlock,
 * Galera certification failure); turns a missing calendar year into an AppError.
 */
export async function withRetry<T>(fn: () => Promise<T>, attempts = 4): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (err) {
      if (err instanceof CalendarYearMissingError) throw calendarMissing(err.year);
      const code = (err as { code?: string }).code;
      if (err instanceof AppError || i >= attempts || !code || !RETRYABLE.has(code)) throw err;
      await new Promise((r) => setTimeout(r, 5 * i + Math.random() * 10));
    }
  }
}
