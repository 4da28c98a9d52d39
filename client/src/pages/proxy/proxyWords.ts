/** Colours of the proxy order states, and local times. */
export function proxyStateColor(state: string): string {
  return ({ requested: 'gold', dispatched: 'blue', in_service: 'processing', completed: 'green', stopped: 'default', cancelled: 'default' } as Record<string, string>)[state] ?? 'default';
}

/** A stored UTC time ("2026-12-04 02:00:00.000") in the viewer's local time, to the minute. */
export function localTime(at: string | null | undefined): string {
  if (!at) return '—';
  const d = new Date(`${at.replace(' ', 'T')}${at.endsWith('Z') ? '' : 'Z'}`);
  return Number.isNaN(d.getTime()) ? at : d.toLocaleString(undefined, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
}

/** Hours left until a stored UTC time (negative once passed). */
export function hoursLeft(at: string | null | undefined, now = Date.now()): number | null {
  if (!at) return null;
  return Math.floor((Date.parse(`${at.replace(' ', 'T')}Z`) - now) / 3_600_000);
}
