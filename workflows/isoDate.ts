/**
 * Whether `s` is a real calendar date written YYYY-MM-DD. `new Date()` and
 * dayjs roll an impossible one over ("2027-13-01" becomes 2028-01-01,
 * "2027-02-30" 2027-03-02), so the round trip must give the same text back.
 */
export function isRealIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
