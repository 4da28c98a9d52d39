/** Helpers of the power-list seed: shares by largest remainder, and the row shapes the seed writes. */

/** `total` shared out by `weights` (largest remainder): the parts sum to `total` exactly. */
export function share(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (sum > 0 ? (total * w) / sum : 0));
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) parts[order[k]![1]]!++;
  return parts;
}

export interface ListRow { id: number; jurisdiction_code: string; level: string; name: string }
export interface VersionRow { id: number; list_id: number; seq: number; name: string; kind: 'review' | 'list'; base_seq: number | null; decided_on: string; document: string }
export interface BodyRow { id: number; list_id: number; name: string; kind: string | null; phone: string }
export interface ChangeRow { id: number; list_id: number; version_seq: number; kind: string; reason: string; basis: string; to_level: string | null }
export interface EntryRow {
  id: number;
  list_id: number;
  serial: number;
  type: number;
  body_id: number;
  name_id: number;
  scope: string | null;
  basis: string | null;
  from_seq: number;
  to_seq: number | null;
  start_change_id: number | null;
  end_change_id: number | null;
}

/** Collects the rows with their ids, and the names once each. */
export class SeedRows {
  lists: ListRow[] = [];
  versions: VersionRow[] = [];
  bodies: BodyRow[] = [];
  changes: ChangeRow[] = [];
  entries: EntryRow[] = [];
  names = new Map<string, number>();
  itemPowers: { item_code: string; entry_id: number }[] = [];

  nameId(name: string): number {
    let id = this.names.get(name);
    if (id === undefined) this.names.set(name, (id = this.names.size + 1));
    return id;
  }

  change(c: Omit<ChangeRow, 'id'>): number {
    const id = this.changes.length + 1;
    this.changes.push({ id, ...c });
    return id;
  }

  entry(e: Omit<EntryRow, 'id'>): number {
    const id = this.entries.length + 1;
    this.entries.push({ id, ...e });
    return id;
  }
}

/** The supervision channel of every seeded body: Wenzhou's 12345 government hotline (its own office numbers are not in the sources). */
export const SUPERVISION_PHONE = '0577-12345';
