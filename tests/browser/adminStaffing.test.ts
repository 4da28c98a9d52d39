/// <reference lib="dom" />
import { browserIt } from '../helpers/browser';
import { useBrowserSuite } from '../helpers/browserSuite';

/**
 * The admin's screens with the whole demo staff: the users tab finds a centre's clerk among ~500 accounts
 * by role and place; the calendar editor refuses an impossible pasted date by its line.
 */
jest.setTimeout(120_000);
const UI_MS = 15_000;
const suite = useBrowserSuite('browser_admin_staffing');

browserIt('the users tab filters the seeded staff by role and place (with everything under it)', async () => {
  const { page, errors } = await suite.staffPage('admin');
  await page.goto('/admin?tab=users');
  await page.locator('.ant-table-row').first().waitFor({ timeout: UI_MS });
  await page.getByRole('combobox', { name: '角色' }).click();
  await page.locator('.ant-select-item-option').filter({ hasText: '窗口人员' }).click();
  await page.getByRole('combobox', { name: '所属区划（含下级）' }).click();
  await page.getByRole('combobox', { name: '所属区划（含下级）' }).fill('虹桥社区');
  await page.locator('.ant-select-tree-title').filter({ hasText: /^虹桥社区$/ }).first().click();
  await page.locator('.ant-table-row').filter({ hasText: 'clerk-330381001001' }).waitFor({ timeout: UI_MS });
  const names = await page.locator('.ant-table-row td:first-child').allInnerTexts();
  expect(names).toEqual(['clerk-330381001001']);
  expect(errors).toEqual([]);
});

browserIt('the calendar editor refuses an impossible pasted date by its line instead of rolling it over', async () => {
  const { page, errors } = await suite.staffPage('admin');
  await page.goto('/admin?tab=calendar');
  await page.getByRole('spinbutton', { name: '年份' }).fill('2027');
  await page.locator('#calendar-paste').fill('2027-01-01,holiday,元旦\n2027-13-01,holiday,不存在\n2027-02-30,休');
  await page.getByRole('button', { name: '加入表格' }).click();
  await page.getByText('第 2, 3 行无法识别').waitFor({ timeout: UI_MS });
  // Only the real day became a row; nothing turned into 2028-01-01 or 2027-03-02.
  await expect(page.getByRole('group', { name: /^日期 \d+$/ }).count()).resolves.toBe(1);
  await expect(page.locator('input[aria-label="日期 1"]').inputValue()).resolves.toBe('2027-01-01');
  expect(errors).toEqual([]);
});
