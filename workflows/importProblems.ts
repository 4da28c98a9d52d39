/**
 * The problems a catalogue import reports: one structured shape, rendered in
 * Chinese or English by the one table below. The server answers each problem
 * with its `message` in the caller's language, the CLI prints Chinese, and the
 * web app renders the same table in its own language (it may switch after the
 * answer came).
 */

export type ImportLang = 'zh' | 'en';

export interface ImportProblem {
  /** 1-based line of the file (the header is line 1; a spreadsheet's row number). */
  line: number;
  /** The column, or `(file)` / `(header)` for the file as a whole. */
  field: string;
  /** Stable code, a key of IMPORT_MESSAGES. */
  code: string;
  params: Record<string, string | number>;
}

export interface RenderedImportProblem extends ImportProblem {
  message: string;
}

type Texts = { zh: string; en: string };

/** `{name}` is replaced by the param of that name; levels are named in the language. */
export const IMPORT_MESSAGES: Record<string, Texts> = {
  FILE_UNREADABLE: { zh: '文件无法按 CSV 读取：{detail}', en: 'The file cannot be read as CSV: {detail}' },
  ROW_FIELD_COUNT: { zh: '这一行有 {found} 列，表头有 {expected} 列（检查逗号和引号）', en: 'this row has {found} fields, the header {expected} (check commas and quotes)' },
  QUOTE_NOT_CLOSED: { zh: '引号没有闭合', en: 'a quote is not closed' },
  XLSX_UNREADABLE: { zh: '无法读取该 Excel 文件（需要 .xlsx 格式）', en: 'This Excel file cannot be read (an .xlsx workbook is needed)' },
  NO_ROWS: { zh: '文件中没有数据行', en: 'The file has no data rows' },
  MISSING_COLUMNS: { zh: '缺少列：{columns}', en: 'Missing columns: {columns}' },
  REQUIRED: { zh: '不能为空', en: 'must not be empty' },
  BAD_CODE: { zh: '编码只能由字母、数字和短横线组成，3–32 位', en: 'letters, digits and dashes, 3–32' },
  TOO_LONG: { zh: '不能超过 {max} 个字', en: 'at most {max} characters' },
  BAD_TYPE: { zh: '事项类型应为：{allowed}', en: 'the item type must be one of: {allowed}' },
  BAD_LEVEL: { zh: '“{value}”不是层级（province、city、county、town、village）', en: '"{value}" is not a level (province, city, county, town, village)' },
  LEVEL_TWICE: { zh: '层级 {level} 重复', en: 'the level {level} is listed twice' },
  BAD_NUMBER: { zh: '应为 {min}–{max} 之间的数', en: 'must be a number from {min} to {max}' },
  BAD_INTEGER: { zh: '应为 {min}–{max} 之间的整数', en: 'must be a whole number from {min} to {max}' },
  BAD_BOOLEAN: { zh: '应为 是/否（或 true/false、1/0）', en: 'must be true or false (or 1/0, 是/否)' },
  BAD_STEP: { zh: '环节“{step}”格式不对，应如 review@county:market/20', en: 'the step "{step}" is not like review@county:market/20' },
  TOO_FEW_STEPS: { zh: '至少需要 {min} 个环节', en: 'at least {min} steps are needed' },
  DUPLICATE_CODE: { zh: '与第 {firstLine} 行编码重复', en: 'duplicate of line {firstLine}' },
  UNKNOWN_DEPARTMENT: { zh: '没有部门 {department}', en: 'unknown department {department}' },
  ROUTE_START: { zh: '流程必须以受理环节（accept）开始', en: 'the route must start with an accept step' },
  ROUTE_ONE_ACCEPT: { zh: '流程只能有一个受理环节', en: 'the route needs exactly one accept step' },
  ROUTE_ONE_DECIDE: { zh: '流程只能有一个决定环节（decide）', en: 'the route needs exactly one decide step' },
  ROUTE_ONE_ISSUE: { zh: '流程只能有一个制证环节（issue）', en: 'the route needs exactly one issue step' },
  ROUTE_END: { zh: '流程必须以送达环节（deliver）结束', en: 'the route must end with a deliver step' },
  ROUTE_REVIEWS_ONLY: { zh: '受理与决定之间只能是审查环节（review）', en: 'only review steps may stand between accept and decide' },
  ROUTE_ISSUE_AFTER_DECIDE: { zh: '制证环节必须紧接决定环节', en: 'the issue step must follow the decide step' },
  ROUTE_INVALID: { zh: '流程不成立：{detail}', en: 'the route is not valid: {detail}' },
  DECIDE_NOT_AT_LEVEL: { zh: '决定环节必须在 decide_level（{level}）', en: 'the decide step must be at decide_level ({level})' },
  // The time-limit codes of workflows/timeLimits.ts checkItemTimeLimits (working days).
  PROMISE_EXCEEDS_STATUTE: { zh: '承诺时限 {promisedDays} 个工作日超过法定时限 {statutoryDays} 个工作日', en: 'the promised limit ({promisedDays} working days) exceeds the statutory one ({statutoryDays})' },
  STEPS_EXCEED_PROMISE: { zh: '受理后各环节时限合计 {stepDays} 个工作日，超过承诺时限 {promisedDays} 个工作日', en: 'the steps after acceptance take {stepDays} working days, more than the promised {promisedDays}' },
  STATUTE_EXCEEDS_CEILING: { zh: '法定时限 {statutoryDays} 个工作日超过行政许可法允许的 {ceilingDays} 个工作日', en: 'the statutory limit ({statutoryDays} working days) exceeds the {ceilingDays} the Administrative Licensing Law allows' },
  ACCEPT_NOT_LOWEST: { zh: '受理环节必须在最低的受理层级（{level}）', en: 'the accept step must be at the lowest accept level ({level})' },
  ACCEPT_ABOVE_DECIDE: { zh: '受理层级 {level} 高于决定层级 {decideLevel}', en: '{level} is above decide_level {decideLevel}' },
  STEP_GOES_DOWN: { zh: '第 {step} 个环节（{text}）低于前一个环节', en: 'step {step} ({text}) is below the step before it' },
  SUMMARY: { zh: '未导入任何事项：共 {n} 个问题，首个在第 {line} 行', en: 'Nothing imported: {n} problem(s), first on line {line}' },
};

const LEVEL_NAMES: Record<ImportLang, Record<string, string>> = {
  zh: { province: '省级', city: '市级', county: '县级', town: '乡镇（街道）', village: '村（社区）' },
  en: { province: 'province', city: 'city', county: 'county', town: 'town', village: 'village' },
};
const LEVEL_PARAMS = new Set(['level', 'decideLevel']);

/** 'zh' unless the language tag is English ('en', 'en-US', …). */
export function importLang(tag: string | undefined | null): ImportLang {
  return /^en\b/i.test(tag ?? '') ? 'en' : 'zh';
}

/** One message from the table; an unknown code still reads, as the code and its params. */
export function importMessage(code: string, params: Record<string, string | number>, lang: ImportLang): string {
  const texts = IMPORT_MESSAGES[code];
  if (!texts) return `${code} ${JSON.stringify(params)}`;
  return texts[lang].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    if (v === undefined) return whole;
    return LEVEL_PARAMS.has(name) ? (LEVEL_NAMES[lang][String(v)] ?? String(v)) : String(v);
  });
}

export function renderProblem(p: ImportProblem, lang: ImportLang): RenderedImportProblem {
  return { ...p, message: importMessage(p.code, p.params, lang) };
}
