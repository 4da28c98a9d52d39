import { ApiError, api } from '../api/http';
import type { ActionType, CaseView } from '../api/types';

export type ActionBody = { type: ActionType } & Record<string, unknown>;

/** Conflicts the screen shows plainly and answers with a refresh: someone acted first, or the case moved on. */
export function isConflict(e: unknown): boolean {
  return e instanceof ApiError && e.status === 409 && ['VERSION_CONFLICT', 'INVALID_TRANSITION', 'CASE_CLOSED'].includes(e.code);
}

/**
 * Sends an action on the version the screen shows: if the case changed in
 * between, the server answers 409 instead of acting on a case nobody looked at.
 */
export function sendAction(c: CaseView, body: ActionBody, queryCode?: string | null) {
  return api<{ case: CaseView }>('POST', `/api/cases/${c.caseNo}/actions`, {
    body: { ...body, expectedVersion: c.version },
    queryCode: queryCode ?? undefined,
  });
}
