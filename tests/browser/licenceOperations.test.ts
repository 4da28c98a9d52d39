/// <reference lib="dom" />
import { caseAt } from '../authz/fixtures';
import { accessibilityProblems, browserIt, PHONE, screenshot } from '../helpers/browser';
import { useBrowserSuite } from '../helpers/browserSuite';

/**
 * An e-licence's life in the web app (issue 11): the city reviewer finds the
 * licence under 证照管理, suspends it (暂扣) with a decision number; the
 * holder, on a phone with the licence's page open, sees it turn 暂扣 with the
 * reason, live, without reloading; the reviewer renews it (延续) and lands on
 * the second version, whose page lists both; the public check of the first
 * says it was replaced. The same in English on the desk's side.
 */
jest.setTimeout(240_000);
const UI_MS = 30_000;

const suite = useBrowserSuite('browser_licenceops');

browserIt('suspends a licence at the desk, the holder sees it live; renews it into a second version', async () => {
  const { caseNo } = await caseAt(suite.api, 'approved');
  const issued = await suite.api.act('reviewer.city', caseNo, { type: 'ISSUE' });
  expect(issued.status).toBe(200);
  const first: string = issued.body.case.eLicence.id;

  // The holder opens the licence's page on a phone, from 我的办件's licence list.
  const holder = await suite.staffPage('applicant', { viewport: PHONE });
  const hp = holder.page;
  await hp.goto(`/licences/${encodeURIComponent(first)}`);
  await hp.locator(`[data-testid="licence-page"][data-licence-id="${first}"]`).waitFor({ timeout: UI_MS });
  await expect(hp.getByTestId('licence-status').innerText()).resolves.toBe('有效');
  await expect(hp.getByTestId('licence-operations').count()).resolves.toBe(0);
  // Connected before the desk acts: the change must then arrive by push, not by a reload.
  await hp.locator('[data-testid="live-status"][data-status="live"]').waitFor({ timeout: UI_MS });

  // The reviewer finds it under 证照管理 and suspends it.
  const desk = await suite.staffPage('reviewer.city');
  const dp = desk.page;
  await dp.goto('/licences');
  await dp.getByRole('link', { name: '证照管理' }).first().waitFor({ timeout: UI_MS });
  await dp.locator(`[data-testid="issued-licence"][data-licence-id="${first}"] a`).click();
  await dp.locator(`[data-testid="licence-page"][data-licence-id="${first}"]`).waitFor({ timeout: UI_MS });
  await dp.getByTestId('licence-op-type').click();
  await dp.locator('.ant-select-item-option[title="暂扣"]').click();
  await dp.getByTestId('licence-op-decision').fill('温市监罚〔2026〕88号');
  await dp.getByTestId('licence-op-reason').fill('超范围经营，责令整改');
  expect(await accessibilityProblems(dp)).toEqual([]);
  await dp.getByTestId('licence-op-submit').click();
  await dp.getByTestId('licence-op-confirm').click();
  await dp.locator('[data-testid="licence-page"][data-revision="2"]').waitFor({ timeout: UI_MS });
  await expect(dp.getByTestId('licence-status').innerText()).resolves.toBe('暂扣');
  await dp.locator('[data-testid="licence-history-entry"][data-type="SUSPEND"]').waitFor({ timeout: UI_MS });

  // The holder's page changed by itself: status and reason.
  await hp.locator('[data-testid="licence-page"][data-revision="2"]').waitFor({ timeout: UI_MS });
  await expect(hp.getByTestId('licence-status').innerText()).resolves.toBe('暂扣');
  await hp.getByText('超范围经营，责令整改').first().waitFor({ timeout: UI_MS });
  await screenshot(hp, 'licence-suspended-phone');
  expect(await accessibilityProblems(hp)).toEqual([]);

  // 发还, then 延续: the desk lands on the second version.
  await dp.getByTestId('licence-op-type').click();
  await dp.locator('.ant-select-item-option[title="发还"]').click();
  await dp.getByTestId('licence-op-reason').fill('整改完毕');
  await dp.getByTestId('licence-op-submit').click();
  await dp.getByTestId('licence-op-confirm').click();
  await dp.locator('[data-testid="licence-page"][data-revision="3"]').waitFor({ timeout: UI_MS });
  await dp.getByTestId('licence-op-type').click();
  await dp.locator('.ant-select-item-option[title="延续"]').click();
  await dp.getByTestId('licence-op-reason').fill('有效期届满前申请延续');
  await dp.getByTestId('licence-op-submit').click();
  await dp.getByTestId('licence-op-confirm').click();
  await dp.waitForURL((u) => !decodeURIComponent(u.pathname).endsWith(first), { timeout: UI_MS });
  await dp.locator('[data-testid="licence-version"][data-version="002"]').waitFor({ timeout: UI_MS });
  await expect(dp.locator('[data-testid="licence-version"]').count()).resolves.toBe(2);
  const second = decodeURIComponent(new URL(dp.url()).pathname.split('/').pop()!);
  expect(second.split('.').at(-2)).toBe('002');
  await screenshot(dp, 'licence-renewed-desk');
  expect(desk.errors).toEqual([]);

  // The holder's page of the first version now says it was replaced.
  await hp.getByTestId('licence-superseded').waitFor({ timeout: UI_MS });
  expect(holder.errors).toEqual([]);

  // Anyone's check of the first: genuine, replaced by a new version.
  const pub = await suite.page({ viewport: PHONE });
  await pub.page.goto(`/verify?code=${encodeURIComponent(first)}`);
  await expect(pub.page.getByTestId('licence-status').innerText({ timeout: UI_MS })).resolves.toBe('已换发新版本');
  expect(pub.errors).toEqual([]);
});

browserIt('shows the desk’s list and the operations in English, and ends a licence for good', async () => {
  const { caseNo } = await caseAt(suite.api, 'approved');
  const issued = await suite.api.act('reviewer.city', caseNo, { type: 'ISSUE' });
  const id: string = issued.body.case.eLicence.id;
  const desk = await suite.staffPage('reviewer.city', { lang: 'en' });
  const dp = desk.page;
  // The item is one of the online licence pilot's (证照网上办理一条龙): its guide says so.
  await dp.goto('/items/330300-XK-0013');
  await expect(dp.getByTestId('e-licence-pilot').innerText({ timeout: UI_MS })).resolves.toBe('Licence issued online');
  await dp.goto('/licences');
  await dp.getByRole('heading', { name: 'Issued licences' }).waitFor({ timeout: UI_MS });
  await dp.locator(`[data-testid="issued-licence"][data-licence-id="${id}"]`).waitFor({ timeout: UI_MS });
  await dp.goto(`/licences/${encodeURIComponent(id)}`);
  await dp.getByTestId('licence-op-type').click();
  await dp.locator('.ant-select-item-option[title="Cancel"]').click();
  await dp.getByTestId('licence-op-reason').fill('The holder closed the business');
  await dp.getByTestId('licence-op-submit').click();
  await dp.getByTestId('licence-op-confirm').click();
  await dp.getByTestId('licence-ended').waitFor({ timeout: UI_MS });
  await expect(dp.getByTestId('licence-status').innerText()).resolves.toBe('cancelled');
  expect(await accessibilityProblems(dp)).toEqual([]);
  expect(desk.errors).toEqual([]);
});
