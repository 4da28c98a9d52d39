/// <reference lib="dom" />
import { accessibilityProblems, browserIt, PHONE, screenshot } from '../helpers/browser';
import { useBrowserSuite } from '../helpers/browserSuite';
import { closedCase } from '../helpers/ratingsFactories';

/**
 * 好差评 in the web app: the 温州市 market reviewer has the rectification
 * workbench open (from the queue's button); the applicant on a phone rates the
 * closed case badly with stars and words on the case page; the rectification
 * arrives at the desk live; the desk verifies, calls back and fixes it; the
 * applicant's page shows the outcome by itself and the applicant rates it; the
 * supervisor's dashboard shows both panels. Then a supervisor on a phone, in
 * English, follows a bad rating from the dashboard to the rectification, the
 * power behind the item and its responsibility list (问责).
 */
jest.setTimeout(240_000);
const UI_MS = 30_000;

const suite = useBrowserSuite('browser_ratings');

browserIt('a phone applicant rates a case badly; the desk rectifies it live; the applicant rates the outcome', async () => {
  const c = await closedCase(suite.api);

  const desk = await suite.staffPage('reviewer.city');
  const dp = desk.page;
  await dp.goto('/desk');
  await dp.getByTestId('open-rectifications').click();
  await dp.getByTestId('rectifications').waitFor({ timeout: UI_MS });
  await dp.locator('[data-testid="live-status"][data-status="live"]').waitFor({ timeout: UI_MS });

  const applicant = await suite.staffPage('applicant', { viewport: PHONE });
  const ap = applicant.page;
  await ap.goto(`/track/${c.caseNo}`);
  const form = ap.locator('[data-testid="rate-form"][data-stage="final"]');
  await form.waitFor({ timeout: UI_MS });
  for (const k of ['overall', 'efficiency', 'guideAccuracy', 'convenience', 'usability']) await form.getByTestId(`rate-${k}`).locator('.ant-rate-star').first().click();
  await form.getByText('非常不满意').first().waitFor({ timeout: UI_MS });
  await form.getByLabel('意见和建议（选填）').fill('补正要求前后不一致');
  await screenshot(ap, 'rating-form-phone');
  expect(await accessibilityProblems(ap)).toEqual([]);
  await form.getByTestId('rate-submit').click();
  await ap.locator('[data-testid="case-rectification"] [data-testid="rectification-state"][data-state="verifying"]').waitFor({ timeout: UI_MS });

  // The rectification arrives at the desk by itself; the desk works it through.
  const row = dp.locator(`[data-testid="rectification-row"][data-case-no="${c.caseNo}"]`);
  await row.waitFor({ timeout: UI_MS });
  await row.locator('a').click();
  await dp.locator('[data-testid="rectification"][data-state="verifying"]').waitFor({ timeout: UI_MS });
  await dp.getByTestId('rectification-contact').getByText('13812345678').waitFor({ timeout: UI_MS });
  for (const [state, reason] of [
    ['callingBack', '经核实，县市两级材料要求表述不一致'],
    ['resolving', '电话回访，向申请人说明整改措施'],
    ['resolved', '已统一办事指南的材料表述'],
  ] as const) {
    await dp.getByLabel('情况说明').fill(reason);
    await dp.getByTestId('rectification-submit').click();
    await dp.locator(`[data-testid="rectification"][data-state="${state}"]`).waitFor({ timeout: UI_MS });
  }
  expect(await accessibilityProblems(dp)).toEqual([]);
  await screenshot(dp, 'rectification-desk');

  // The applicant's page shows the outcome by itself; the applicant rates it.
  await ap.getByTestId('rectification-outcome').getByText('已统一办事指南的材料表述').waitFor({ timeout: UI_MS });
  await ap.getByTestId('rate-outcome-stars').locator('.ant-rate-star').nth(3).click();
  await ap.getByTestId('rate-outcome').getByRole('button').click();
  await ap.locator('[data-testid="case-rectification"] [data-testid="rectification-state"][data-state="closed"]').waitFor({ timeout: UI_MS });
  await screenshot(ap, 'rectification-outcome-phone');
  expect(await accessibilityProblems(ap)).toEqual([]);

  // The supervisor's dashboard: satisfaction and rectification panels, and the public monthly results.
  const sup = await suite.staffPage('supervisor.city');
  const sp = sup.page;
  await sp.goto('/supervisor');
  await sp.getByTestId('rectification-panel').getByText('实名差评回访率').waitFor({ timeout: UI_MS });
  await sp.getByTestId('satisfaction-panel').getByText('安澜社区', { exact: false }).first().waitFor({ timeout: UI_MS });
  await screenshot(sp, 'rating-panels-supervisor');
  await sp.goto('/ratings');
  await sp.getByTestId('ratings-monthly').getByText('市场监督管理局', { exact: false }).first().waitFor({ timeout: UI_MS });
  expect(await accessibilityProblems(sp)).toEqual([]);

  expect(applicant.errors).toEqual([]);
  expect(desk.errors).toEqual([]);
  expect(sup.errors).toEqual([]);
});

browserIt('a supervisor follows a bad rating to the power and the responsibility behind it (问责), on a phone in English', async () => {
  const c = await closedCase(suite.api);
  const rated = await suite.api.as('applicant', 'POST', `/api/cases/${c.caseNo}/rating`, { stage: 'final', overall: 1, efficiency: 1, guideAccuracy: 1, convenience: 1, usability: 1, comment: '审查拖延' });
  expect(rated.status).toBe(201);

  const sup = await suite.staffPage('supervisor.city', { viewport: PHONE, lang: 'en' });
  const sp = sup.page;
  await sp.goto('/supervisor');
  await sp.getByTestId('rectification-panel').getByRole('link', { name: 'All rectifications (appeals to rule on)' }).click();
  const row = sp.locator(`[data-testid="rectification-row"][data-case-no="${c.caseNo}"]`);
  await row.waitFor({ timeout: UI_MS });
  await row.locator('a').click();
  const card = sp.getByTestId('accountability');
  await card.locator('[data-testid="accountability-trigger"][data-kind="bad_rating"]').getByText('Bad rating at the end: 1 of 5').waitFor({ timeout: UI_MS });
  // A granted case rated badly reaches review, decision and delivery; acceptance is not reached.
  const reached = card.locator('[data-testid="accountability-duty"][data-reached="yes"]');
  await reached.first().waitFor({ timeout: UI_MS });
  expect(await reached.locator('strong').allInnerTexts()).toEqual([expect.stringMatching(/^审查责任/), expect.stringMatching(/^决定责任/), expect.stringMatching(/^送达责任/)]);
  await card.getByText('Who is accountable', { exact: false }).first().waitFor({ timeout: UI_MS });
  expect(await accessibilityProblems(sp)).toEqual([]);
  await screenshot(sp, 'accountability-phone-en');

  // The case page shows the same card to the supervisor (where the dashboard's overdue drill-down leads).
  await sp.goto(`/desk/cases/${c.caseNo}`);
  await sp.getByTestId('accountability').locator('[data-testid="accountability-trigger"][data-kind="bad_rating"]').waitFor({ timeout: UI_MS });
  expect(await accessibilityProblems(sp)).toEqual([]);
  await sp.goBack();

  // From there to the power's own page and its whole responsibility list.
  const power = card.getByTestId('accountability-power');
  const name = await power.innerText();
  await power.click();
  await sp.getByTestId('power-page').getByRole('heading', { name }).waitFor({ timeout: UI_MS });
  await sp.getByText('受理责任', { exact: false }).first().waitFor({ timeout: UI_MS });
  expect(sup.errors).toEqual([]);
});
