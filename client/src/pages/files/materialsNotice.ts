import type { CaseFiles } from '../../api/files';
import type { CaseView } from '../../api/types';

/** What a 补正 notice (REQUEST_MATERIALS) will carry before the desk adds anything: the bad marks, and what to tick for it. */
export interface MaterialsNotice {
  /** "材料名：理由" of every material marked 不合格: the server puts these in the notice by itself. */
  bad: string[];
  /** Required materials of the guide neither named at filing nor with a file nor marked: ticked to begin with. */
  prefill: string[];
}

/** The material of a 补正 notice line ("营业执照：照片模糊" → 营业执照), as the server reads it. */
export const materialOfNotice = (line: string) => line.split('：')[0]!;

export function materialsNotice(c: CaseView, itemMaterials: { name: string; required: boolean }[], files: CaseFiles | undefined): MaterialsNotice {
  const entries = files?.materials ?? [];
  const bad = entries.filter((m) => m.verdict === 'bad').map((m) => `${m.name}：${m.reason ?? ''}`);
  const handedIn = (name: string) => c.materials.includes(name) || entries.some((m) => m.name === name && (m.files.length > 0 || m.verdict !== null));
  return { bad, prefill: itemMaterials.filter((m) => m.required && !handedIn(m.name)).map((m) => m.name) };
}

/** The lines of the open 补正 notice whose material has had a file added since the notice: ready to be reported as supplied. */
export function suppliedSince(missing: string[], requestSeq: number, files: CaseFiles | undefined): string[] {
  const fresh = new Set((files?.materials ?? []).filter((m) => m.files.some((f) => f.seq > requestSeq)).map((m) => m.name));
  return missing.filter((line) => fresh.has(materialOfNotice(line)));
}
