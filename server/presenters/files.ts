import type { CaseRow } from '../../db/repositories/cases';
import type { CaseFileRow } from '../../db/repositories/files/caseFiles';
import type { FileViewListRow } from '../../db/repositories/files/fileViews';
import type { ItemRow } from '../../db/repositories/items';
import type { CaseContext } from '../../workflows/caseMachine';
import { EXTENSION, type MaterialType } from '../files/fileType';
import { materialsOf } from '../commands/files/attachFile';

/** Types a browser shows in the page (PDF viewer, <img>); anything else is only ever downloaded. */
const PREVIEWABLE = new Set(['application/pdf', 'image/jpeg', 'image/png']);

export const isPreviewable = (mediaType: string) => PREVIEWABLE.has(mediaType);

/** The name a download is saved under: the uploader's name without any path or control character, with the extension of what it really is. */
export function safeFileName(f: Pick<CaseFileRow, 'originalName' | 'material' | 'mediaType'>): string {
  const ext = EXTENSION[f.mediaType as MaterialType] ?? 'bin';
  const base = (f.originalName.split(/[\\/]/).pop() ?? '')
    .replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '')
    .replace(/\.[A-Za-z0-9]{1,5}$/, '')
    .trim()
    .slice(0, 120);
  return `${base || f.material}.${ext}`;
}

export type LinkOf = (fileId: string) => string;

export function presentFile(f: CaseFileRow, link: LinkOf) {
  const url = `/api/files/${f.publicId}/content?t=${link(f.publicId)}`;
  return {
    id: f.publicId,
    material: f.material,
    name: safeFileName(f),
    size: f.size,
    mediaType: f.mediaType,
    sha256: f.sha256,
    source: f.source,
    referencedFrom: f.referencedFrom,
    uploadedBy: { role: f.uploadedByRole, name: f.uploadedByName },
    uploadedAt: f.uploadedAt,
    seq: f.caseEventSeq,
    previewUrl: isPreviewable(f.mediaType) ? `${url}&disposition=inline` : null,
    downloadUrl: url,
  };
}

/** Each material of the case with its verdict and files, then the links' lifetime. */
export function presentCaseFiles(row: CaseRow, item: ItemRow, files: CaseFileRow[], link: LinkOf, ttlSeconds: number, certificates: string[] = []) {
  const ctx = (row.snapshot as { context: CaseContext }).context;
  const required = new Map(item.materials.map((m) => [m.name, m.required]));
  const marks = ctx.marks ?? {};
  return {
    caseNo: row.caseNo,
    version: row.version,
    state: row.state,
    linksExpireInSeconds: ttlSeconds,
    // The case's materials, and any a file was attached under besides (中介服务成果 attached by the market's system).
    materials: [...new Set([...materialsOf(row, item, certificates), ...files.map((f) => f.material)])].map((name) => ({
      name,
      required: required.get(name) ?? false,
      verdict: marks[name]?.verdict ?? null,
      reason: marks[name]?.reason ?? null,
      files: files.filter((f) => f.material === name).map((f) => presentFile(f, link)),
    })),
  };
}

export function presentFileView(v: FileViewListRow) {
  return {
    fileId: v.filePublicId,
    material: v.material,
    fileName: safeFileName({ originalName: v.originalName, material: v.material, mediaType: 'application/octet-stream' }).replace(/\.bin$/, ''),
    viewer: { role: v.viewerRole, name: v.viewerName, level: v.viewerLevel, department: v.viewerDepartment, jurisdictionCode: v.viewerJurisdiction },
    disposition: v.disposition,
    at: v.viewedAt,
  };
}
