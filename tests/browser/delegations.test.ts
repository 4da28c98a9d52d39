/// <reference lib="dom" />
import { browserIt, PHONE, screenshot } from '../helpers/browser';
import { useBrowserSuite } from '../helpers/browserSuite';
import { buildDelegatedCase, TANGXIA } from '../helpers/delegationsFactories';

/*
 * The public page of the pilot towns' delegated powers (赋权), on a phone,
 * in Chinese and English; and a 塘下镇 citizen's case page, whose route map
 * says the decision is made at the town by delegation.
 */
jest.setTimeout(120_000);
const UI_MS = 15_000;

const suite = useBrowserSuite('browser_delegations');

browserIt('shows each pilot town’s deeds and the items they delegate, 龙港镇’s as expired', async () => {
  const { page, errors } = await suite.page({ viewport: PHONE });
  await page.goto('/delegations');
  const deed = page.getByTestId('delegation-deed').first();
  await deed.waitFor({ timeout: UI_MS });
  await expect(deed.innerText()).resolves.toContain(TANGXIA.deedNo);
  await expect(deed.innerText()).resolves.toContain('瑞安市市场监督管理局');
  await expect(page.getByTestId('delegation-item').first().innerText()).resolves.toContain('食品经营许可（食品销售·新办）');
  await expect(page.title()).resolves.toContain('试点镇赋权事项');
  await screenshot(page, 'delegations-tangxia-phone');

  await page.getByTestId('delegation-town-330327102000').click();
  await page.getByText('该镇没有委托书').waitFor({ timeout: UI_MS });
  await page.getByText('全部', { exact: true }).click();
  await page.getByText('已到期').waitFor({ timeout: UI_MS });
  await expect(page.getByTestId('delegation-deed').innerText()).resolves.toContain('苍市监赋〔2011〕1号');
  expect(errors).toEqual([]);
});

browserIt('reads in English', async () => {
  const { page, errors } = await suite.page({ lang: 'en' });
  await page.goto('/delegations');
  await page.getByTestId('delegation-deed').first().waitFor({ timeout: UI_MS });
  await expect(page.getByTestId('delegations').innerText()).resolves.toContain('Powers delegated to the pilot towns');
  await expect(page.getByTestId('delegation-deed').first().innerText()).resolves.toContain('in force');
  expect(errors).toEqual([]);
});

browserIt('shows on the case page that the town decides by delegation', async () => {
  const filed = await suite.api.file(buildDelegatedCase());
  const { page, context, errors } = await suite.page({ viewport: PHONE });
  await context.addInitScript(([k, v]) => sessionStorage.setItem(k!, v!), [`approval.code.${filed.caseNo}`, filed.queryCode]);
  await page.goto(`/track/${filed.caseNo}`);
  const deed = page.getByTestId('route-step-1-deed');
  await deed.waitFor({ timeout: UI_MS });
  await expect(deed.innerText()).resolves.toBe(`受委托（${TANGXIA.deedNo}）`);
  expect(errors).toEqual([]);
});

browserIt('lets the administrator revoke a deed from today: it leaves the town’s deeds in force', async () => {
  const today: string = (await suite.api.request('GET', '/api/delegations')).body.today;
  const { page, errors } = await suite.staffPage('admin');
  await page.goto('/delegations');
  await page.getByTestId('delegation-town-330329100000').click();
  await page.getByText('泰市监赋〔2017〕1号').waitFor({ timeout: UI_MS });
  await page.getByTestId('deed-revoke').click();
  await page.getByTestId('deed-revoke-reason').fill('镇级审批力量调整');
  const date = page.locator('.ant-modal .ant-picker input');
  await date.click();
  await date.fill(today);
  // Leave the date field (closing its panel) rather than pressing Enter, which would submit the form at once.
  await page.getByTestId('deed-revoke-reason').click();
  await page.locator('.ant-modal-footer .ant-btn-primary').click();
  await page.getByText('该镇没有委托书').waitFor({ timeout: UI_MS });
  const deed = (await suite.api.request('GET', `/api/delegations/${encodeURIComponent('泰市监赋〔2017〕1号')}`)).body.deed;
  expect(deed).toMatchObject({ standing: 'revoked', revokedOn: today, revokeReason: '镇级审批力量调整' });
  expect(errors).toEqual([]);
});
