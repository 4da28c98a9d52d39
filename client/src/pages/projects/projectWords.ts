/** Colours of a project's and a stage's states, shared by the list and the page. */
export const projectStateColor = (s: string): string => ({ coded: 'default', in_stage: 'processing', held: 'warning', completed: 'success', cancelled: 'default' })[s] ?? 'default';
export const stageStateColor = (s: string): string => ({ not_started: 'default', in_progress: 'processing', held: 'warning', completed: 'success' })[s] ?? 'default';
export const lightColor = (l: string): string => ({ green: 'success', yellow: 'warning', red: 'error' })[l] ?? 'default';
/** A database time (UTC, "2026-12-04 02:53:10.000") in the reader's local time, to the minute. */
export const atLocal = (at: string | null | undefined): string => (at ? new Date(`${at.replace(' ', 'T')}Z`).toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'short' }) : '');
