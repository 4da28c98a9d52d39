/// <reference lib="dom" />
import { DEMO } from '../../db/seed/users';
import { buildCase } from '../helpers/api';
import { browserIt, screenshot } from '../helpers/browser';
import { useBrowserSuite } from '../helpers/browserSuite';

/*
 * A clerk's queue changes colour by itself as time passes: the scheduler fires
 * the light warnings (every 50 ms here, on the test's clock) and the open page
 * follows without a reload. Dates counted on the 2024 calendar (National Day
 * 10-01…10-07 off, Sun 09-29 worked): filed Fri 09-27, the 5 acceptance days are
 * 09-29, 09-30, 10-08, 10-09, 10-10 → yellow from 10-09 (4 of 5 used); from 10-11 the
 * file counts as accepted (Art. 32: no notice of missing materials came in time) and
 * moves on to the town.
 */
jest.setTimeout(120_000);
const UI_MS = 15_000;
let now = new Date('2024-09-27T02:00:00Z');
const suite = useBrowserSuite('browser_lights', { now: () => now, env: { SCHEDULER: 'on', SCHEDULER_INTERVAL_MS: '50' } });

browserIt('the open queue turns a case yellow as its acceptance days run out, and lets it go when it is deemed accepted', async () => {
  const filed = await suite.api.file(buildCase({ itemCode: DEMO.countyItemCode }));
  const { page, errors } = await suite.staffPage('clerk.village');
  await page.goto('/desk');
  const row = page.locator(`[data-testid="queue-row"][data-case-no="${filed.caseNo}"]`);
  await expect(row.getAttribute('data-light', { timeout: UI_MS })).resolves.toBe('green');
  await page.locator('[data-testid="live-status"][data-status="live"]').waitFor({ timeout: UI_MS });
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 7));

  now = new Date('2024-10-09T02:00:00Z');
  await page.locator(`[data-testid="queue-row"][data-case-no="${filed.caseNo}"][data-light="yellow"]`).waitFor({ timeout: UI_MS });
  await expect(row.innerText()).resolves.toContain('1');
  await screenshot(page, 'clerk-queue-yellow-desktop');
  now = new Date('2024-10-11T02:00:00Z');
  await row.waitFor({ state: 'detached', timeout: UI_MS });

  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(7);
  const events = await suite.api.as('supervisor.city', 'GET', `/api/cases/${filed.caseNo}/events`);
  const history = events.body.events.map((e: { type: string; actor: { role: string }; payload: { light?: string } }) => [e.type, e.actor.role, e.payload.light ?? null]);
  expect(history).toEqual([
    ['SUBMIT', 'system', null],
    ['CLOCK_WARNING', 'system', 'yellow'],
    ['ACCEPT', 'system', null],
  ]);
  expect(errors).toEqual([]);
});
