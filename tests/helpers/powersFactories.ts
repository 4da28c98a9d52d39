import ExcelJS from 'exceljs';
import type { Api } from './api';

/** Factories of the power-list tests: import files, drafts, codes read from the public list. */

export const POWER_HEADER = ['编码', '名称', '类型', '实施主体', '层级', '层级标签', '法定依据'];

/** A CSV (UTF-8, no BOM) of the import's columns. */
export function powersCsv(rows: string[][], header = POWER_HEADER): Buffer {
  const cell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return Buffer.from([header, ...rows].map((r) => r.map(cell).join(',')).join('\n'));
}

export async function powersXlsx(rows: string[][], header = POWER_HEADER): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('权力清单');
  sheet.addRow(header);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** A row of a new entry (no code). */
export const newRow = (name: string, department: string, type = '行政检查', basis = '《中华人民共和国行政许可法》第六十一条'): string[] => ['', name, type, department, '', '本级保留', basis];

/** Uploads a file to a draft's import as the admin. */
export async function uploadPowers(api: Api, versionId: number, bytes: Buffer, type: string, lang = 'zh-CN') {
  const res = await fetch(`${api.baseUrl}/api/powers/versions/${versionId}/import?reason=${encodeURIComponent('导入新增职权')}&basis=${encodeURIComponent('相关法律法规')}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await api.token('admin')}`, 'content-type': type, 'accept-language': lang },
    body: new Uint8Array(bytes),
  });
  return { status: res.status, body: (await res.json()) as any };
}

/** Opens a draft of a list as the admin; returns the version. */
export async function openDraft(api: Api, jurisdiction: string, name = '测试调整版本') {
  const res = await api.as('admin', 'POST', '/api/powers/versions', { jurisdiction, name, document: '测试文号' });
  if (res.status !== 201) throw new Error(`open draft: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.version as { id: number; seq: number };
}

/** Entries of the public list (first page) for a query string; as `user` when given (an administrator reads drafts). */
export async function powersOf(api: Api, query: string, pageSize = 20, user?: string) {
  const path = `/api/powers?${query}&pageSize=${pageSize}`;
  const res = user ? await api.as(user, 'GET', path) : await api.request('GET', path);
  if (res.status !== 200) throw new Error(`powers: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { total: number; departments: number; departmentCounts: { id: number; name: string; count: number }[]; powers: { code: string; name: string; type: string; department: { name: string } }[] };
}
