import type { Knex } from 'knex';
import type { CaseRow } from '../../db/repositories/cases';
import {
  closeClockIntervals,
  insertOutbox,
  openClockInterval,
  type CaseEventRow,
} from '../../db/repositories/caseEvents';
import { CalendarYearMissingError } from '../../workflows/calendar';
import type { ClockChange } from '../../workflows/clock';
import { AppError, calendarMissing } from '../errors';

/** The payload every watcher of a case receives for a committed transition. */
export function caseUpdatedPayload(c: CaseRow, e: CaseEventRow) {
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

/** Outbox row and clock intervals: written in the same transaction as the case and its event. */
export async function recordSideRows(trx: Knex, c: CaseRow, e: CaseEventRow, change: ClockChange, at: string) {
  await insertOutbox(trx, { caseId: c.id, caseEventId: e.id, topic: 'case:updated', payload: caseUpdatedPayload(c, e), createdAt: at });
  if (change.kind === 'none' || change.kind === 'extend') return;
  await closeClockIntervals(trx, c.id, at);
  if (change.kind === 'stop') return;
  const owner = change.kind === 'pause' ? (change.pause === 'materials' ? 'applicant' : 'special') : 'office';
  await openClockInterval(trx, { caseId: c.id, phase: c.clockPhase, owner, startedAt: at });
}

const RETRYABLE = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT', 'SQLITE_BUSY']);

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
