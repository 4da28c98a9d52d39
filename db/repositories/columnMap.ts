/**
 * A repository's mapping of its row's fields to table columns, both ways:
 * the fields a column map names, read from a database row (null for a missing
 * value) or written to one (the fields named in `json` as JSON text).
 * The caller turns numbers and JSON back into their types.
 */
export type ColumnMap<T> = Record<keyof T & string, string>;

export function fromColumns<T>(columns: ColumnMap<T>, r: Record<string, any>): Record<string, unknown> {
  const out: Record<string, unknown> = { id: Number(r.id) };
  for (const [k, col] of Object.entries<string>(columns)) out[k] = r[col] ?? null;
  return out;
}

export function toColumns<T>(columns: ColumnMap<T>, values: Partial<T>, json: readonly string[] = []): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) {
    const col = (columns as Record<string, string>)[k];
    if (col) row[col] = json.includes(k) && v != null ? JSON.stringify(v) : v;
  }
  return row;
}

/** The columns every signed record (an e-licence, an e-certificate) keeps: its signed data and its PDF once drawn. */
export const SIGNED_RECORD_COLUMNS = {
  canonical: 'canonical',
  signature: 'signature',
  keyId: 'key_id',
  pdfSha256: 'pdf_sha256',
  pdfSize: 'pdf_size',
  createdAt: 'created_at',
} as const;
