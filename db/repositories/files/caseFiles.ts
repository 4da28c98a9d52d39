import type { Knex } from 'knex';

export type FileSource = 'upload' | 'reference';

/** One material file of a case: the content is the blob with its SHA-256 (stored once, however often attached). */
export interface CaseFileRow {
  id: number;
  publicId: string;
  caseId: number;
  material: string;
  sha256: string;
  size: number;
  mediaType: string;
  originalName: string;
  source: FileSource;
  referencedFrom: string | null;
  uploadedByUserId: number | null;
  uploadedByRole: string;
  uploadedByName: string;
  caseEventSeq: number;
  uploadedAt: string;
}

const fromDb = (r: Record<string, any>): CaseFileRow => ({
  id: Number(r.id),
  publicId: r.public_id,
  caseId: Number(r.case_id),
  material: r.material,
  sha256: r.sha256,
  size: Number(r.size),
  mediaType: r.media_type,
  originalName: r.original_name,
  source: r.source,
  referencedFrom: r.referenced_from ?? null,
  uploadedByUserId: r.uploaded_by_user_id == null ? null : Number(r.uploaded_by_user_id),
  uploadedByRole: r.uploaded_by_role,
  uploadedByName: r.uploaded_by_name,
  caseEventSeq: Number(r.case_event_seq),
  uploadedAt: r.uploaded_at,
});

/** Written in the transition's transaction (ATTACH_FILE), so a file exists exactly when its event does. */
export async function insertCaseFile(trx: Knex, f: Omit<CaseFileRow, 'id'>): Promise<void> {
  await trx('case_files').insert({
    public_id: f.publicId,
    case_id: f.caseId,
    material: f.material,
    sha256: f.sha256,
    size: f.size,
    media_type: f.mediaType,
    original_name: f.originalName,
    source: f.source,
    referenced_from: f.referencedFrom,
    uploaded_by_user_id: f.uploadedByUserId,
    uploaded_by_role: f.uploadedByRole,
    uploaded_by_name: f.uploadedByName,
    case_event_seq: f.caseEventSeq,
    uploaded_at: f.uploadedAt,
  });
}

export async function listCaseFiles(db: Knex, caseId: number): Promise<CaseFileRow[]> {
  return (await db('case_files').where('case_id', caseId).orderBy('id')).map(fromDb);
}

export async function findCaseFile(db: Knex, publicId: string): Promise<CaseFileRow | undefined> {
  const r = await db('case_files').where('public_id', publicId).first();
  return r ? fromDb(r) : undefined;
}

/** Bytes a case holds already, against the per-case limit. */
export async function caseFileTotals(db: Knex, caseId: number): Promise<{ count: number; bytes: number }> {
  const r = await db('case_files').where('case_id', caseId).count({ n: '*' }).sum({ bytes: 'size' }).first();
  return { count: Number(r?.n ?? 0), bytes: Number(r?.bytes ?? 0) };
}

/** The files of every case an applicant account filed: what the platform already holds for them (716号令 Art. 7). */
export async function listFilesOfApplicant(db: Knex, userId: number, limit = 200): Promise<Array<CaseFileRow & { caseNo: string }>> {
  const rows = await db('case_files as f')
    .join('cases as c', 'c.id', 'f.case_id')
    .where('c.applicant_user_id', userId)
    // One entry per content and material: the same scan attached to five cases is offered once.
    .orderBy('f.id', 'desc')
    .limit(limit)
    .select('f.*', 'c.case_no');
  const seen = new Set<string>();
  const out: Array<CaseFileRow & { caseNo: string }> = [];
  for (const r of rows) {
    const key = `${r.sha256}|${r.material}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ ...fromDb(r), caseNo: r.case_no });
  }
  return out;
}
