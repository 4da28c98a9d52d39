/// <reference lib="dom" />
import fs from 'node:fs';
import path from 'node:path';
import { accessibilityProblems, browserIt, DESKTOP, PHONE, screenshot, type WatchedPage } from '../helpers/browser';
import { useBrowserSuite } from '../helpers/browserSuite';

/** The administrator's screens in a real browser: catalogue import, the holiday calendar, users. */
jest.setTimeout(120_000);
const UI_MS = 15_000;
const EXAMPLE_CSV = fs.readFileSync(path.resolve(__dirname, '../../docs/examples/items.csv'), 'utf8');

const suite = useBrowserSuite('browser_admin');

/** antd spaces out two-character Chinese button labels (导 入). */
const importButton = (page: WatchedPage['page']) => page.locator('button', { hasText: /^导\s*入$/ });

const adminPage = (viewport = DESKTOP) => suite.staffPage('admin', { viewport });

browserIt('a CSV with a bad line is refused with a line-numbered report; the example file imports', async () => {
  const { page, errors } = await adminPage();
  await page.goto('/admin');
  await page.locator('.ant-table-row').first().waitFor({ timeout: UI_MS });
  await screenshot(page, 'admin-catalogue-desktop');
  expect(await accessibilityProblems(page)).toEqual([]);
  await page.getByRole('button', { name: '导入 CSV' }).click();
  // Under the pointer a primary button keeps its contrast (antd's derived hover shade had 4.2:1).
  await importButton(page).hover();
  expect(await accessibilityProblems(page)).toEqual([]);

  const [header, first] = EXAMPLE_CSV.split('\n');
  const bad = `${header}\n${first!.replace(',market,', ',no-such-department,')}\n`;
  await page.getByLabel('CSV 内容').fill(bad);
  await importButton(page).click();
  const report = page.getByRole('alert').filter({ hasText: '未导入任何事项' });
  await report.waitFor({ timeout: UI_MS });
  const problemRows = page.locator('.ant-table-row').filter({ hasText: 'department' });
  await expect(problemRows.first().locator('td').first().innerText()).resolves.toBe('2');
  await screenshot(page, 'admin-import-report-desktop');
  expect(await accessibilityProblems(page)).toEqual([]);

  await page.getByLabel('CSV 内容').fill(EXAMPLE_CSV);
  await importButton(page).click();
  const lines = EXAMPLE_CSV.trim().split('\n').length - 1;
  await page.locator('.ant-alert-title').getByText(`已导入 ${lines} 个事项`).waitFor({ timeout: UI_MS });
  const code = first!.split(',')[0]!;
  expect((await suite.api.request('GET', `/api/items/${code}`)).status).toBe(200);
  // The browser notes the 422 it was answered for the bad file; nothing else.
  expect(errors.filter((e) => !e.includes('422'))).toEqual([]);
});

browserIt('the administrator adds next year’s holidays by pasting lines', async () => {
  const { page, errors } = await adminPage();
  await page.goto('/admin?tab=calendar');
  const before = (await suite.api.request('GET', '/api/calendar/years')).body;
  await page.getByRole('spinbutton', { name: '年份' }).fill('2027');
  await page.locator('#calendar-paste').fill('2027-01-01,holiday,元旦\n2027-02-06,workday,春节调休');
  await page.getByRole('button', { name: '加入表格' }).click();
  await page.getByRole('button', { name: '保存该年日历' }).click();
  await page.locator('.ant-alert-title').getByText('2027 年已保存 2 天').waitFor({ timeout: UI_MS });
  await screenshot(page, 'admin-calendar-desktop');
  expect(await accessibilityProblems(page)).toEqual([]);
  const after = (await suite.api.request('GET', '/api/calendar/years')).body;
  expect(JSON.stringify(after)).toContain('2027');
  expect(JSON.stringify(before)).not.toContain('2027');
  expect(errors).toEqual([]);
});

browserIt('users and roles are listed, on a phone as well', async () => {
  const { page, errors } = await adminPage(PHONE);
  await page.goto('/admin?tab=users');
  await page.getByText('clerk.village').waitFor({ timeout: UI_MS });
  await screenshot(page, 'admin-users-phone');
  expect(await accessibilityProblems(page)).toEqual([]);
  await page.goto('/admin');
  await page.locator('.ant-table-row').first().waitFor({ timeout: UI_MS });
  await screenshot(page, 'admin-catalogue-phone');
  expect(errors).toEqual([]);
});
