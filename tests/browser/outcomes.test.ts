/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { buildCase, DEMO } from '../helpers/api';
import { accessibilityProblems, browserIt, PHONE, screenshot } from '../helpers/browser';
import { useBrowserSuite } from '../helpers/browserSuite';

/*
 * Outcomes that read right, and the catalogue by everyday words (issue 9,
 * §5 and §6): a denied case on the applicant's phone shows no pending
 * 制证/送达 and serves its written decision with the generated review body and
 * court; a withdrawn case reads 已撤回; 开饭店 finds 食品经营许可; an empty
 * result offers to clear the filters.
 */
jest.setTimeout(120_000);
const UI_MS = 15_000;

const suite = useBrowserSuite('browser_outcomes');

async function lookUp(page: Page, caseNo: string, queryCode: string): Promise<void> {
  await page.goto('/track');
  await page.getByLabel('办件编号').fill(caseNo);
  await page.getByLabel('查询码').fill(queryCode);
  await page.getByRole('button', { name: /^查\s*询$/ }).click();
  await page.getByTestId('track').waitFor({ timeout: UI_MS });
}

browserIt('the desk denies with the generated rights notice; the applicant’s phone shows no 制证/送达 and reads the decision', async () => {
  const filed = await suite.api.file(buildCase());
  for (const [user, action] of [
    ['clerk.village', { type: 'ACCEPT', opinion: '材料齐全' }],
    ['clerk.town', { type: 'FORWARD', opinion: '初审同意' }],
    ['reviewer.county', { type: 'FORWARD', opinion: '审查同意' }],
  ] as const) {
    expect((await suite.api.act(user, filed.caseNo, action)).status).toBe(200);
  }

  // The city reviewer opens 不予许可: the notice is already the one generated for this case.
  const desk = await suite.staffPage('reviewer.city');
  await desk.page.goto(`/desk/cases/${filed.caseNo}`);
  await desk.page.locator('[data-action="DENY"]').click();
  const form = desk.page.getByTestId('action-form-DENY');
  await form.locator('textarea[data-generated="true"]').waitFor({ timeout: UI_MS });
  await expect(form.getByLabel('权利告知').inputValue()).resolves.toContain('向温州市人民政府申请行政复议');
  await expect(form.getByTestId('rights-generated').innerText()).resolves.toContain('温州市鹿城区人民法院');
  await form.getByLabel('理由').fill('经营场所不符合药品经营质量管理规范');
  await form.getByTestId('action-submit').click();
  await desk.page.locator('[data-testid="case-desk"][data-state="denied"]').waitFor({ timeout: UI_MS });
  expect(desk.errors).toEqual([]);

  const { page, errors } = await suite.page({ viewport: PHONE });
  await lookUp(page, filed.caseNo, filed.queryCode);
  await page.locator('[data-testid="track"][data-state="denied"]').waitFor({ timeout: UI_MS });
  // The route stops where the case ended: accept, town, county, the city's decision, then 不予许可; no 制证, no 送达.
  const steps = await page.locator('[data-testid^="route-step-"]').allInnerTexts();
  expect(steps).toHaveLength(4);
  expect(steps.join(' ')).not.toMatch(/制证|送达/);
  await expect(page.getByTestId('route-end').getAttribute('data-state')).resolves.toBe('denied');
  await expect(page.getByTestId('closed-notice').innerText()).resolves.toContain('不予许可');
  await expect(page.getByTestId('closed-notice').innerText()).resolves.not.toContain('已办结');

  await page.getByTestId('read-decision').click();
  const doc = page.locator('[data-testid="decision"][data-kind="denial"]');
  await doc.waitFor({ timeout: UI_MS });
  await expect(doc.getByRole('heading', { level: 1 }).innerText()).resolves.toContain('不予许可决定书');
  const text = await doc.innerText();
  expect(text).toContain('经营场所不符合药品经营质量管理规范');
  expect(text).toContain('温州市市场监督管理局');
  await expect(page.getByTestId('review-body').innerText()).resolves.toBe('温州市人民政府');
  await expect(page.getByTestId('court').innerText()).resolves.toBe('温州市鹿城区人民法院');
  expect(await accessibilityProblems(page)).toEqual([]);
  await screenshot(page, 'applicant-decision-phone');
  // On paper: the document, without the site's frame, buttons or the on-screen summary.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.app-header').isVisible()).resolves.toBe(false);
  await expect(page.locator('.decision-doc').isVisible()).resolves.toBe(true);
  await expect(page.locator('.decision-facts').isVisible()).resolves.toBe(false);
  await page.emulateMedia({ media: 'screen' });
  expect(errors).toEqual([]);
});

browserIt('a withdrawn case reads 已撤回, not 已办结 with a red ✗', async () => {
  const filed = await suite.api.file(buildCase());
  const w = await suite.api.request('POST', `/api/cases/${filed.caseNo}/actions`, { body: { type: 'WITHDRAW' }, headers: { 'x-query-code': filed.queryCode } });
  expect(w.status).toBe(200);
  const { page, errors } = await suite.page({ viewport: PHONE });
  await lookUp(page, filed.caseNo, filed.queryCode);
  await page.locator('[data-testid="track"][data-state="withdrawn"]').waitFor({ timeout: UI_MS });
  await expect(page.getByTestId('case-state').innerText()).resolves.toBe('已撤回');
  await expect(page.getByTestId('closed-notice').innerText()).resolves.toContain('已撤回');
  await expect(page.getByTestId('closed-notice').innerText()).resolves.not.toContain('已办结');
  await expect(page.getByTestId('route-end').getAttribute('data-state')).resolves.toBe('withdrawn');
  // No step of the map is in the error state, and no written decision is offered.
  await expect(page.locator('.ant-steps-item-error').count()).resolves.toBe(0);
  await expect(page.getByTestId('read-decision').count()).resolves.toBe(0);
  await expect(page.getByTestId('timeline-event').filter({ hasText: '撤回申请' }).count()).resolves.toBe(1);
  expect(errors).toEqual([]);
});

browserIt('the catalogue finds 食品经营许可 by 开饭店, filters 联动事项, and an empty result clears the filters', async () => {
  const { page, errors } = await suite.page({ viewport: PHONE });
  await page.goto('/');
  await page.getByRole('searchbox').fill('开饭店');
  await page.getByRole('searchbox').press('Enter');
  await page.getByTestId('catalogue-item').filter({ hasText: '食品经营许可' }).first().waitFor({ timeout: UI_MS });
  await expect(page.getByTestId('also-known-as').first().innerText()).resolves.toContain('开饭店');

  // A click, not check(): the box follows the URL, which the router updates in a transition.
  await page.getByLabel('只看联动事项').click();
  await page.waitForURL(/linked=true/, { timeout: UI_MS });
  await expect(page.getByLabel('只看联动事项').isChecked()).resolves.toBe(true);
  await page.getByTestId('catalogue-item').first().waitFor({ timeout: UI_MS });

  await page.getByRole('searchbox').fill('没有这种事项的说法');
  await page.getByRole('searchbox').press('Enter');
  const empty = page.getByTestId('catalogue-empty');
  await empty.waitFor({ timeout: UI_MS });
  await empty.getByRole('button', { name: '清除筛选条件' }).click();
  await page.getByTestId('catalogue-item').first().waitFor({ timeout: UI_MS });
  expect(page.url()).not.toMatch(/linked=|q=/);
  await expect(page.getByRole('searchbox').inputValue()).resolves.toBe('');

  // The guide of the item found: conditions, legal basis, blank forms and the chosen centre's address, hours, phone.
  await page.goto(`/items/${DEMO.countyItemCode}`);
  await page.getByTestId('guide-conditions').waitFor({ timeout: UI_MS });
  await expect(page.getByTestId('guide-legal-basis').innerText()).resolves.toContain('《中华人民共和国');
  await page.getByTestId('blank-forms-link').click();
  await page.getByTestId('blank-form').first().waitFor({ timeout: UI_MS });
  await expect(page.getByTestId('blank-form').first().innerText()).resolves.toContain('申请人（签名或盖章）');
  expect(errors).toEqual([]);
});
