/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { accessibilityProblems, browserIt, DESKTOP, PHONE, screenshot, type WatchedPage } from '../helpers/browser';
import { useBrowserSuite } from '../helpers/browserSuite';

/**
 * The whole journey in a real browser: an applicant on a phone files a linked
 * item at a village centre and watches it climb, while clerks and reviewers
 * in other browser contexts act on it.
 */
jest.setTimeout(180_000);
const UI_MS = 15_000;

const suite = useBrowserSuite('browser');
const pages: WatchedPage[] = [];

async function staffPage(username: string, viewport = DESKTOP): Promise<WatchedPage> {
  const wp = await suite.staffPage(username, { viewport });
  pages.push(wp);
  return wp;
}

async function text(page: Page, testId: string): Promise<string> {
  return (await page.getByTestId(testId).first().innerText()).trim();
}

/** A staff member opens the case from their live queue and takes one action with an opinion. */
async function actFromCase(page: Page, caseNo: string, action: string, opinion: string): Promise<void> {
  await page.goto(`/desk/cases/${caseNo}`);
  await page.locator(`[data-action="${action}"]`).click();
  await page.getByTestId(`action-form-${action}`).locator('textarea').first().fill(opinion);
  await page.getByTestId('action-submit').click();
  await page.waitForURL('**/desk', { timeout: UI_MS });
}

browserIt('an applicant files a linked item at a village centre and watches village, town, county and city move it live, up and back down', async () => {
  // The village clerk's queue is open too: the new case must arrive in it live.
  const village = await staffPage('clerk.village');
  await village.page.goto('/desk');
  await village.page.getByTestId('live-status').and(village.page.locator('[data-status="live"]')).waitFor({ timeout: UI_MS });

  // Applicant, on a phone: catalogue → guide → file.
  const app = await suite.page({ viewport: PHONE });
  pages.push(app);
  const p = app.page;
  await p.goto('/');
  await p.getByRole('searchbox').or(p.getByLabel('搜索')).first().fill('药品零售企业许可');
  await p.keyboard.press('Enter');
  await p.getByRole('link', { name: /药品零售企业许可（单体药店·新办）/ }).first().click();
  await p.getByText('办理流程').waitFor();
  await screenshot(p, 'applicant-guide-phone');
  expect(await accessibilityProblems(p)).toEqual([]);
  await p.getByRole('button', { name: '在线申请' }).click();
  await p.getByLabel('选择收件的便民服务中心').click();
  await p.locator('.ant-cascader-menu-item', { hasText: '鹿城区' }).click();
  await p.locator('.ant-cascader-menu-item', { hasText: '五马街道' }).first().click();
  await p.locator('.ant-cascader-menu-item', { hasText: '安澜社区便民服务中心' }).click();
  await p.locator('.ant-cascader-dropdown').waitFor({ state: 'hidden' });
  await p.getByLabel('姓名').fill('陈小红');
  await p.getByLabel('身份证号').fill('330302199001011235');
  await p.getByLabel('联系电话').fill('13812345678');
  await screenshot(p, 'applicant-file-phone');
  expect(await accessibilityProblems(p)).toEqual([]);
  await p.getByRole('button', { name: '提交申请' }).click();
  const caseNo = await text(p, 'filed-case-no');
  expect(caseNo).toMatch(/^\d{8}-\d{6,}$/);
  expect(await text(p, 'filed-query-code')).not.toBe('');
  await screenshot(p, 'applicant-filed-phone');
  expect(await accessibilityProblems(p)).toEqual([]);
  await p.getByRole('button', { name: '查看办理进度' }).click();
  await p.getByTestId('track').waitFor();
  await expect(text(p, 'case-state')).resolves.toBe('待受理');
  await p.getByTestId('live-status').and(p.locator('[data-status="live"]')).waitFor({ timeout: UI_MS });
  // A marker on the window: if the page reloaded, it would be gone.
  await p.evaluate(() => ((window as unknown as { marker: number }).marker = 42));

  // The case arrived in the village queue without a reload; the clerk works it from the keyboard.
  const vp = village.page;
  const row = vp.locator(`[data-testid="queue-row"][data-case-no="${caseNo}"]`);
  await row.waitFor({ timeout: UI_MS });
  await screenshot(vp, 'clerk-queue-desktop');
  expect(await accessibilityProblems(vp)).toEqual([]);
  const rows = vp.getByTestId('queue-row');
  const index = (await rows.evaluateAll((els, no) => els.findIndex((e) => e.getAttribute('data-case-no') === no), caseNo)) as number;
  for (let i = 0; i < index; i++) await vp.keyboard.press('j');
  await row.and(vp.locator('.queue-row-active')).waitFor({ timeout: UI_MS });
  await vp.keyboard.press('Enter');
  await vp.getByTestId('case-desk').waitFor();
  await screenshot(vp, 'clerk-case-desktop');
  expect(await accessibilityProblems(vp)).toEqual([]);
  await vp.keyboard.press('a'); // accept: A, whatever else is offered (client/src/pages/desk/actionKeys.ts)
  // The form puts the cursor in its first field once it is up (an effect after the render): wait for that.
  const opinion = vp.getByTestId('action-form-ACCEPT').locator('textarea');
  await opinion.and(vp.locator(':focus')).waitFor({ timeout: UI_MS });
  await vp.keyboard.type('材料齐全，予以受理');
  await vp.keyboard.press('Control+Enter');
  await vp.waitForURL('**/desk', { timeout: UI_MS });

  // The applicant's page follows, live: the town step is lit.
  await p.getByTestId('route-step-1').and(p.locator('[data-current="true"]')).waitFor({ timeout: UI_MS });
  await expect(text(p, 'case-state')).resolves.toBe('审查中');

  const town = await staffPage('clerk.town');
  await actFromCase(town.page, caseNo, 'FORWARD', '乡镇初审通过，报县级审查');
  await p.getByTestId('route-step-2').and(p.locator('[data-current="true"]')).waitFor({ timeout: UI_MS });

  const county = await staffPage('reviewer.county');
  await county.page.goto('/desk');
  await county.page.locator(`[data-testid="queue-row"][data-case-no="${caseNo}"]`).waitFor({ timeout: UI_MS });
  await actFromCase(county.page, caseNo, 'FORWARD', '县级审查通过，报市级决定');
  await p.getByTestId('route-step-3').and(p.locator('[data-current="true"]')).waitFor({ timeout: UI_MS });
  await expect(text(p, 'case-state')).resolves.toBe('待决定');
  // Issue 9: the applicant reads the one promised date (the step clock is the desk's).
  expect(await text(p, 'promise-due')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  await screenshot(p, 'applicant-track-decision-phone');
  expect(await accessibilityProblems(p)).toEqual([]);

  // The city decides and issues; the licence comes back down to the village counter.
  const city = await staffPage('reviewer.city');
  await city.page.goto(`/desk/cases/${caseNo}`);
  await city.page.locator('[data-action="APPROVE"]').click();
  await city.page.getByTestId('action-form-APPROVE').locator('textarea').fill('经审查，符合条件，准予许可');
  await city.page.getByTestId('action-submit').click();
  await p.locator('[data-testid="track"][data-state="approved"]').waitFor({ timeout: UI_MS });
  // The licence is the same desk's next job: the page stays, now offering it.
  await city.page.locator('[data-testid="case-desk"][data-state="approved"]').waitFor({ timeout: UI_MS });
  await city.page.locator('[data-action="ISSUE"]').click();
  await city.page.getByLabel('证照编号').fill('浙温药零2026-0001');
  await city.page.getByTestId('action-submit').click();
  await p.getByTestId('route-step-5').and(p.locator('[data-current="true"]')).waitFor({ timeout: UI_MS });
  await vp.goto(`/desk/cases/${caseNo}`);
  await vp.locator('[data-action="DELIVER"]').click();
  // Pickup at the counter, as the applicant chose: not without the recipient's signature on the 送达回证.
  await vp.getByTestId('action-submit').click();
  await vp.getByText('请受送达人确认签收后再送达').waitFor({ timeout: UI_MS });
  await expect(vp.getByTestId('delivery-signed-by').inputValue()).resolves.toBe('陈小红');
  await vp.getByTestId('delivery-sign').check();
  await vp.getByTestId('action-submit').click();
  await p.locator('[data-testid="track"][data-state="completed"]').waitFor({ timeout: UI_MS });
  await expect(p.getByText('浙温药零2026-0001').first().isVisible()).resolves.toBe(true);

  // Every step is in the applicant's timeline with its opinion, and the page never reloaded.
  const timeline = await p.getByTestId('timeline-event').allInnerTexts();
  expect(timeline.join('\n')).toEqual(expect.stringContaining('县级审查通过，报市级决定'));
  expect(timeline.length).toBe(7);
  expect(await p.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
  await screenshot(p, 'applicant-track-phone');

  // A clerk of another town sees neither the case in the queue nor the case itself.
  const other = await staffPage('clerk.othertown');
  await other.page.goto('/desk');
  await other.page.getByTestId('live-status').waitFor();
  await other.page.locator('.ant-table').waitFor();
  await expect(other.page.locator(`[data-case-no="${caseNo}"]`).count()).resolves.toBe(0);
  await other.page.goto(`/desk/cases/${caseNo}`);
  await other.page.getByRole('alert').waitFor({ timeout: UI_MS });
  // The server answers as for a number never given out (404): the page says so, with a way back to the queue.
  await expect(other.page.getByRole('alert').innerText()).resolves.toMatch(/没有找到这个办件[\s\S]*CASE_NOT_FOUND/);
  await other.page.getByRole('button', { name: '返回队列' }).click();
  await other.page.waitForURL('**/desk', { timeout: UI_MS });

  // No console errors anywhere, except the browser's own note of the 404 the other town was given.
  for (const wp of pages.filter((x) => x !== other)) expect(wp.errors).toEqual([]);
  expect(other.errors.every((e) => e.includes('404'))).toBe(true);
});
