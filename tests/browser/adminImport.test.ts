/// <reference lib="dom" />
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { CSV_COLUMNS } from '../../server/commands/importItems';
import { accessibilityProblems, browserIt } from '../helpers/browser';
import { useBrowserSuite } from '../helpers/browserSuite';

/**
 * The administrator uploads what Excel saved: a GBK CSV whose problems are listed by line and field in the
 * UI's language (English here, Chinese after switching), and an .xlsx workbook that imports.
 */
jest.setTimeout(120_000);
const UI_MS = 15_000;
const RUN = Math.random().toString(36).slice(2, 8).toUpperCase();
const suite = useBrowserSuite('browser_admin_import');

function row(code: string, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    code, name: `个体工商户登记（浏览器导入）${RUN}`, type: '行政许可', department: 'market', decide_level: 'county',
    accept_levels: 'village|town', statutory_days: '20', promised_days: '8', fee_yuan: '0', online: '是', visits: '1',
    materials: '登记申请书!;经营者身份证明!', intermediaries: '', result: '营业执照',
    route: 'accept@village/5;review@town:market/2;decide@county:market/3;issue@county:market/1;deliver@village/1',
    ...overrides,
  };
}
const csv = (rows: Record<string, string>[]) => [CSV_COLUMNS.join(','), ...rows.map((r) => CSV_COLUMNS.map((c) => r[c]).join(','))].join('\r\n') + '\r\n';

browserIt('a GBK file’s problems are listed by line and field in English, then in Chinese; an .xlsx imports', async () => {
  const { page, errors } = await suite.staffPage('admin', { lang: 'en' });
  await page.goto('/admin');
  await page.getByRole('button', { name: 'Import CSV' }).click();
  const gbk = iconv.encode(csv([row(`B-${RUN}-1`), row(`B-${RUN}-2`, { visits: '很多', type: '许可' })]), 'gbk');
  await page.locator('input[type=file]').setInputFiles({ name: '事项目录.csv', mimeType: 'text/csv', buffer: gbk });
  await page.getByText('事项目录.csv', { exact: true }).waitFor({ timeout: UI_MS });
  await page.getByRole('button', { name: /^Import$/ }).click();
  await page.getByRole('alert').filter({ hasText: 'Nothing imported: 2 problem(s)' }).waitFor({ timeout: UI_MS });
  const cells = async () => page.locator('.import-problems .ant-table-row').evaluateAll((rows) => rows.map((r) => Array.from(r.querySelectorAll('td'), (td) => td.textContent)));
  expect(await cells()).toEqual([
    ['3', 'type', expect.stringMatching(/^the item type must be one of: 行政许可/)],
    ['3', 'visits', 'must be a whole number from 0 to 5'],
  ]);
  expect(await accessibilityProblems(page)).toEqual([]);

  // The same report in Chinese after switching the UI's language: rendered from the one message table.
  await page.getByRole('button', { name: 'Language: 中文' }).click();
  await page.getByRole('alert').filter({ hasText: '未导入任何事项：共 2 个问题' }).waitFor({ timeout: UI_MS });
  expect((await cells())[1]).toEqual(['3', 'visits', '应为 0–5 之间的整数']);
  expect((await suite.api.request('GET', `/api/items/B-${RUN}-1`)).status).toBe(404);

  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('事项');
  sheet.addRow([...CSV_COLUMNS]);
  const good = row(`B-${RUN}-XL`);
  sheet.addRow(CSV_COLUMNS.map((c) => (c === 'statutory_days' || c === 'promised_days' || c === 'visits' ? Number(good[c]) : good[c]!)));
  const xlsx = Buffer.from(await book.xlsx.writeBuffer());
  await page.locator('input[type=file]').setInputFiles({ name: 'items.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: xlsx });
  await page.locator('button', { hasText: /^导\s*入$/ }).click();
  await page.locator('.ant-alert-title').getByText('已导入 1 个事项').waitFor({ timeout: UI_MS });
  expect((await suite.api.request('GET', `/api/items/B-${RUN}-XL`)).body).toMatchObject({ name: good.name, visits: 1 });
  expect(errors.filter((e) => !e.includes('422'))).toEqual([]);
});
