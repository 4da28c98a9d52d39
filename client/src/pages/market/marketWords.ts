/** The colour of an order's state tag. */
export function orderStateColor(state: string): string {
  if (state === 'completed') return 'green';
  if (state === 'signup') return 'blue';
  if (['expired', 'cancelled', 'terminated', 'returned'].includes(state)) return 'default';
  if (state === 'in_review') return 'gold';
  return 'processing';
}

/** A stored UTC time ('2026-12-05 03:01:00.000') as local date and minute. */
export function atLocal(at: string | null | undefined): string {
  if (!at) return '—';
  const d = new Date(`${at.replace(' ', 'T')}${at.endsWith('Z') ? '' : 'Z'}`);
  if (Number.isNaN(d.getTime())) return at;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}
