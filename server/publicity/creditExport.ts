import type { RegisterEntryView } from '../presenters/publicity';

/**
 * The file the city's credit platform (信用平台) takes: one record per
 * published licensing decision, with the fields of the national credit data
 * standard for 行政许可 (双公示; the keys are its XK_ field codes), then four
 * of ours (EXT_). docs/publicity.md documents every field; a unit test holds
 * this list and that table together.
 */
export interface ExportField {
  key: string;
  /** The CSV header: the standard's Chinese field name. */
  name: string;
  value: (e: RegisterEntryView) => string;
}

const person = (e: RegisterEntryView) => e.holder.type === 'person';
const org = (e: RegisterEntryView) => e.holder.type === 'organisation';

export const EXPORT_FIELDS: readonly ExportField[] = [
  { key: 'XK_XDR_MC', name: '行政相对人名称', value: (e) => e.holder.name },
  { key: 'XK_XDR_LB', name: '行政相对人类别', value: (e) => (org(e) ? '法人及非法人组织' : '自然人') },
  { key: 'XK_XDR_SHXYM', name: '统一社会信用代码', value: (e) => (org(e) ? e.holder.code : '') },
  { key: 'XK_FDDBR', name: '法定代表人', value: (e) => (org(e) ? (e.holder.legalRepresentative ?? '') : '') },
  { key: 'XK_XDR_ZJLX', name: '证件类型', value: (e) => (person(e) ? '身份证' : '') },
  { key: 'XK_XDR_ZJHM', name: '证件号码', value: (e) => (person(e) ? e.holder.code : '') },
  { key: 'XK_XKWS', name: '行政许可决定文书名称', value: (e) => e.decision.title },
  { key: 'XK_WSH', name: '行政许可决定文书号', value: (e) => e.decision.docNo },
  { key: 'XK_XKLB', name: '许可类别', value: (e) => e.category },
  { key: 'XK_XKZS', name: '许可证书名称', value: (e) => e.licence.name },
  { key: 'XK_XKBH', name: '许可编号', value: (e) => e.licence.licenceNo ?? '' },
  { key: 'XK_NR', name: '许可内容', value: (e) => e.content },
  { key: 'XK_JDRQ', name: '许可决定日期', value: (e) => e.decision.decidedOn },
  { key: 'XK_YXQZ', name: '有效期自', value: (e) => e.licence.validity?.from ?? '' },
  { key: 'XK_YXQZI', name: '有效期至', value: (e) => e.licence.validity?.until ?? '' },
  { key: 'XK_XKJG', name: '许可机关', value: (e) => e.issuer.name },
  { key: 'XK_XKJGDM', name: '许可机关统一社会信用代码', value: (e) => e.issuer.code },
  { key: 'XK_ZT', name: '当前状态', value: (e) => (e.standing === 'valid' ? '1' : '2') },
  { key: 'XK_LYDW', name: '数据来源单位', value: (e) => e.issuer.name },
  { key: 'XK_LYDWDM', name: '数据来源单位统一社会信用代码', value: (e) => e.issuer.code },
  { key: 'BZ', name: '备注', value: (e) => (e.licence.status ? (e.licence.status.code === '01' ? '' : `证照${e.licence.status.zh}`) : '证照待发') },
  { key: 'EXT_DZZZBS', name: '电子证照标识', value: (e) => e.licence.id ?? '' },
  { key: 'EXT_ZZZT', name: '证照状态代码', value: (e) => e.licence.status?.code ?? '' },
  { key: 'EXT_SXBM', name: '事项编码', value: (e) => e.item.code },
  { key: 'EXT_GSRQ', name: '公示日期', value: (e) => e.publishedOn },
];

/** The format's name and version, in the JSON file and the documentation. */
export const EXPORT_FORMAT = { name: 'wenzhou-xzxk-publicity', version: 1 } as const;

/**
 * A CSV cell (RFC 4180): quoted when it holds a comma, quote or line break.
 * A cell a spreadsheet would run as a formula (=, +, -, @, tab, CR first) is
 * prefixed with an apostrophe (OWASP's CSV-injection rule): a holder's name is
 * text the public may have typed.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Any field list as CSV: UTF-8 with a BOM, CRLF line ends, a header row of the fields' Chinese names. */
export function fieldsCsv<T>(fields: readonly { name: string; value: (e: T) => string }[], entries: readonly T[]): string {
  const lines = [fields.map((f) => csvCell(f.name)).join(',')];
  for (const e of entries) lines.push(fields.map((f) => csvCell(f.value(e))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** UTF-8 with a BOM (so Excel on a Chinese Windows reads it as UTF-8), CRLF line ends, a header row of the Chinese field names. */
export function toCsv(entries: RegisterEntryView[]): string {
  return fieldsCsv(EXPORT_FIELDS, entries);
}

/** The same records as JSON: the field list first, then one object per record keyed by the field codes. */
export function toJsonExport(entries: RegisterEntryView[], generatedAt: string, filter: Record<string, unknown>) {
  return {
    format: EXPORT_FORMAT.name,
    version: EXPORT_FORMAT.version,
    generatedAt,
    filter,
    count: entries.length,
    fields: EXPORT_FIELDS.map((f) => ({ key: f.key, name: f.name })),
    records: entries.map((e) => Object.fromEntries(EXPORT_FIELDS.map((f) => [f.key, f.value(e)]))),
  };
}
