/// <reference lib="dom" />
import type { Page } from 'playwright-core';
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
