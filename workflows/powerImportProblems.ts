import { IMPORT_MESSAGES, type ImportLang, type ImportProblem, type RenderedImportProblem } from './importProblems';
import { POWER_TYPES } from './powerTypes';

/**
 * The power list import's problems: the file-level ones of the catalogue
 * import (unreadable, field counts, missing columns, empty cells) and its own,
 * rendered in Chinese or English like the catalogue's.
 */
export const POWER_IMPORT_MESSAGES: Record<string, { zh: string; en: string }> = {
  ...IMPORT_MESSAGES,
  BAD_POWER_TYPE: { zh: '权力类型应为：{allowed}', en: 'the power type must be one of: {allowed}' },
  UNKNOWN_BODY: { zh: '本清单没有实施主体“{name}”', en: 'this list has no implementing body "{name}"' },
  DUPLICATE_NAME: { zh: '与第 {firstLine} 行重复（同一实施主体、同一名称）', en: 'duplicate of line {firstLine} (same body and name)' },
  NAME_IN_LIST: { zh: '草稿中该实施主体已有同名权力 {code}', en: 'the draft already holds this body’s power of that name ({code})' },
  CODE_NOT_IN_DRAFT: { zh: '编码 {code} 不在本清单草稿中（新增的权力编码留空）', en: 'the code {code} is not in this list’s draft (leave the code empty for a new power)' },
  POWER_SUMMARY: { zh: '未导入任何权力：共 {n} 个问题，首个在第 {line} 行', en: 'Nothing imported: {n} problem(s), first on line {line}' },
};

export const POWER_TYPE_LIST = POWER_TYPES.join('、');

/** One message of the table; an unknown key still reads, as the key and its params. */
export function powerImportMessage(key: string, params: Record<string, string | number>, lang: ImportLang): string {
  const texts = POWER_IMPORT_MESSAGES[key];
  return texts ? texts[lang].replace(/\{(\w+)\}/g, (whole, k: string) => (params[k] === undefined ? whole : String(params[k]))) : `${key} ${JSON.stringify(params)}`;
}

export function renderPowerProblem(p: ImportProblem, lang: ImportLang): RenderedImportProblem {
  return { ...p, message: powerImportMessage(p.code, p.params, lang) };
}

/** The columns of the import and export files: the Chinese header, and the English one the import also takes. */
export const POWER_COLUMNS = [
  { key: 'code', zh: '编码', en: 'code', required: false },
  { key: 'name', zh: '名称', en: 'name', required: true },
  { key: 'type', zh: '类型', en: 'type', required: true },
  { key: 'department', zh: '实施主体', en: 'department', required: true },
  { key: 'level', zh: '层级', en: 'level', required: false },
  { key: 'scope', zh: '层级标签', en: 'scope', required: false },
  { key: 'basis', zh: '法定依据', en: 'basis', required: false },
] as const;
