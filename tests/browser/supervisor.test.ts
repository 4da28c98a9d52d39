/// <reference lib="dom" />
import type { Page, Route } from 'playwright-core';
import { DEMO } from '../../db/seed/users';
import { buildCase } from '../helpers/api';
import { accessibilityProblems, browserIt, DESKTOP, PHONE, screenshot } from '../helpers/browser';
import { useBrowserSuite } from '../helpers/browserSuite';

/** The supervisor's wall screen: its numbers are the API's, and they move as cases move. */
jest.setTimeout(120_000);
const UI_MS = 15_000;
const COUNTERS = ['filed', 'accepted', 'decided', 'open', 'overdue'] as const;

const suite = useBrowserSuite('browser_supervisor');

const supervisorPage = (viewport = DESKTOP, lang?: 'en') => suite.staffPage('supervisor.city', { viewport, lang });

async function onScreen(page: Page): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const k of COUNTERS) out[k] = Number((await page.getByTestId(`counter-${k}`).innerText()).replace(/[^\d]/g, ''));
  return out;
}

async function fromApi(scope: string): Promise<Record<string, number>> {
  const res = await suite.api.as('supervisor.city', 'GET', `/api/stats/dashboard?scope=${scope}`);
  expect(res.status).toBe(200);
  return Object.fromEntries(COUNTERS.map((k) => [k, res.body.counters[k]]));
}

browserIt('the counters equal the API and move, without a reload, as a case is filed and accepted', async () => {
  await suite.api.file(buildCase());
  const { page, errors } = await supervisorPage();
  await page.goto('/supervisor');
  await page.getByTestId('counter-filed').waitFor({ timeout: UI_MS });
  await page.locator('[data-testid="live-status"][data-status="live"]').waitFor({ timeout: UI_MS });
  const before = await onScreen(page);
  expect(before).toEqual(await fromApi(DEMO.cityCode));

  const filed = await suite.api.file(buildCase());
  expect((await suite.api.act('clerk.village', filed.caseNo, { type: 'ACCEPT' })).status).toBe(200);
  await page.waitForFunction(
    ([filedWas, acceptedWas]) => {
      const n = (k: string) => Number(document.querySelector(`[data-testid="counter-${k}"]`)?.textContent?.replace(/[^\d]/g, ''));
      return n('filed') === filedWas! + 1 && n('accepted') === acceptedWas! + 1;
    },
    [before.filed, before.accepted],
    { timeout: UI_MS },
  );
  expect(await onScreen(page)).toEqual(await fromApi(DEMO.cityCode));
  await screenshot(page, 'supervisor-dashboard-desktop');
  expect(await accessibilityProblems(page)).toEqual([]);

  // Drill into the demo county: the screen shows that subtree, and its numbers are the API's for it.
  await page.locator(`[data-testid="area-row"][data-code="${DEMO.countyCode}"]`).click();
  await page.locator(`[data-testid="dashboard-scope"][data-scope="${DEMO.countyCode}"]`).waitFor({ timeout: UI_MS });
  expect(page.url()).toContain(`scope=${DEMO.countyCode}`);
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="area-row"]').length === n, (await suite.api.as('supervisor.city', 'GET', `/api/stats/dashboard?scope=${DEMO.countyCode}`)).body.areas.length, { timeout: UI_MS });
  expect(await onScreen(page)).toEqual(await fromApi(DEMO.countyCode));
  const town = (await suite.api.as('supervisor.city', 'GET', `/api/stats/dashboard?scope=${DEMO.countyCode}`)).body.areas.find((a: { code: string }) => a.code === DEMO.townCode);
  await expect(page.locator(`[data-testid="area-open"][data-code="${DEMO.townCode}"]`).innerText()).resolves.toBe(String(town.open));
  await screenshot(page, 'supervisor-county-desktop');
  expect(errors).toEqual([]);
});

/**
 * Holds the dashboard API's answers until `release()`, so a test can look at
 * the screen while it loads, however fast the server is. `hold()` closes the gate again.
 */
async function gateDashboard(page: Page) {
  let open: () => void = () => undefined;
  let gate = Promise.resolve();
  const hold = () => {
    gate = new Promise<void>((r) => (open = r));
  };
  hold();
  await page.route(
    (url) => url.pathname === '/api/stats/dashboard',
    async (route: Route) => {
      await gate;
      await route.continue();
    },
  );
  return { hold, release: () => open() };
}

browserIt('while the dashboard loads, first and on every update, the screen is accessible and says it is updating', async () => {
  const { page, errors } = await supervisorPage();
  const api = await gateDashboard(page);
  await page.goto('/supervisor');
  // First load: the page's frame and a skeleton, no numbers yet.
  await page.getByTestId('dashboard-scope').waitFor({ timeout: UI_MS });
  await page.locator('.ant-skeleton').first().waitFor({ timeout: UI_MS });
  expect(await accessibilityProblems(page)).toEqual([]);
  api.release();
  await page.getByTestId('counter-filed').waitFor({ timeout: UI_MS });

  // An update (here another window of days) keeps the numbers on screen, with a spinner beside them.
  api.hold();
  await page.getByText('近 7 天').click();
  await page.locator('.ant-spin-spinning').waitFor({ timeout: UI_MS });
  await expect(page.getByTestId('counter-filed').count()).resolves.toBe(1);
  expect(await accessibilityProblems(page)).toEqual([]);
  await expect(page.getByRole('status').filter({ hasText: '正在更新' }).count()).resolves.toBe(1);
  api.release();
  await page.locator('[data-testid="updating"][data-busy="false"]').waitFor({ state: 'attached', timeout: UI_MS });
  expect(page.url()).toContain('days=7');
  expect(errors).toEqual([]);
});

browserIt('on a phone, and in English', async () => {
  const { page, errors } = await supervisorPage(PHONE, 'en');
  await page.goto('/supervisor');
  await page.getByTestId('counter-filed').waitFor({ timeout: UI_MS });
  expect(await onScreen(page)).toEqual(await fromApi(DEMO.cityCode));
  await expect(page.locator('header').innerText()).resolves.toContain('中文');
  await screenshot(page, 'supervisor-dashboard-phone-en');
  expect(await accessibilityProblems(page)).toEqual([]);
  expect(errors).toEqual([]);
});
