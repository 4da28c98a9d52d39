import type { Knex } from 'knex';

/** One opening of a file: who, at which desk, previewed or downloaded, when. */
export interface FileViewRow {
  caseFileId: number;
  caseId: number;
  viewerUserId: number | null;
  viewerRole: string;
  viewerName: string;
  viewerLevel: string | null;
  viewerDepartment: string | null;
  viewerJurisdiction: string | null;
  disposition: 'inline' | 'attachment';
  viewedAt: string;
}

export async function insertFileView(db: Knex, v: FileViewRow): Promise<void> {
  await db('file_views').insert({
    case_file_id: v.caseFileId,
    case_id: v.caseId,
    viewer_user_id: v.viewerUserId,
    viewer_role: v.viewerRole,
    viewer_name: v.viewerName,
    viewer_level: v.viewerLevel,
    viewer_department: v.viewerDepartment,
    viewer_jurisdiction: v.viewerJurisdiction,
    disposition: v.disposition,
    viewed_at: v.viewedAt,
  });
}

export interface FileViewListRow extends FileViewRow {
  filePublicId: string;
  material: string;
  originalName: string;
}

/** The views of a case's files, newest first (谁看过我的材料). */
export async function listFileViews(db: Knex, caseId: number, limit = 500): Promise<FileViewListRow[]> {
  const rows = await db('file_views as v')
    .join('case_files as f', 'f.id', 'v.case_file_id')
    .where('v.case_id', caseId)
    .orderBy('v.id', 'desc')
    .limit(limit)
    .select('v.*', 'f.public_id', 'f.material', 'f.original_name');
  return rows.map((r: Record<string, any>) => ({
    caseFileId: Number(r.case_file_id),
    caseId: Number(r.case_id),
    viewerUserId: r.viewer_user_id == null ? null : Number(r.viewer_user_id),
    viewerRole: r.viewer_role,
    viewerName: r.viewer_name,
    viewerLevel: r.viewer_level ?? null,
    viewerDepartment: r.viewer_department ?? null,
    viewerJurisdiction: r.viewer_jurisdiction ?? null,
    disposition: r.disposition,
    viewedAt: r.viewed_at,
    filePublicId: r.public_id,
    material: r.material,
    originalName: r.original_name,
  }));
}
