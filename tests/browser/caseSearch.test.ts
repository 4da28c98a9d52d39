/// <reference lib="dom" />
import { DEMO } from '../../db/seed/users';
import { buildCase, fakeIdNumber } from '../helpers/api';
import { accessibilityProblems, browserIt, screenshot } from '../helpers/browser';
import { useBrowserSuite } from '../helpers/browserSuite';

/**
 * Staff find cases: a county reviewer finds a case by its applicant's ID
 * number and opens it; a supervisor clicks the dashboard's overdue count and
 * reaches the case behind it. The server's clock is the test's: a case
 * accepted on 01-05 is long past its promised date on 04-20.
 */
jest.setTimeout(120_000);
const UI_MS = 15_000;
// The first paint of a page that loads its own chunk (the dashboard's charts) on a loaded test machine.
const FIRST_PAINT_MS = 60_000;
const at = (utc: string) => new Date(`2026-${utc.replace(' ', 'T')}:00Z`);
let now = at('01-05 02:00');

const suite = useBrowserSuite('browser_search', { now: () => now });

async function act(user: string, caseNo: string, action: Record<string, unknown>) {
  const res = await suite.api.act(user, caseNo, action);
  if (res.status !== 200) throw new Error(`${user} ${action.type}: ${res.status} ${JSON.stringify(res.body)}`);
}

browserIt('a county reviewer finds a case by the applicant’s ID number and opens it', async () => {
  const idNumber = fakeIdNumber();
  const filed = await suite.api.file(buildCase({ applicant: { name: '检索测试人', idNumber, phone: '13900001111' } }));
  await act('clerk.village', filed.caseNo, { type: 'ACCEPT' });
  await act('clerk.town', filed.caseNo, { type: 'FORWARD', opinion: '初审同意' });

  const { page, errors } = await suite.staffPage('reviewer.county');
  await page.goto('/desk');
  // The desk's lists: 待办, 已办, 查询.
  await page.getByTestId('desk-tabs').getByText('查询').click();
  await page.waitForURL('**/search');
  const box = page.locator('[data-testid="case-search"] input');
  // Typed as people type it: lower-case x, spaces.
  await box.fill(`${idNumber.slice(0, 6)} ${idNumber.slice(6, 14)} ${idNumber.slice(14).toLowerCase()}`);
  await box.press('Enter');
  const row = page.locator(`[data-testid="search-row"][data-case-no="${filed.caseNo}"]`);
  await row.waitFor({ timeout: UI_MS });
  await expect(page.locator('[data-testid="search-row"]').count()).resolves.toBe(1);
  // The case waits at this reviewer's desk: the number is theirs to see in full.
  await expect(row.innerText()).resolves.toContain(idNumber);
  await screenshot(page, 'reviewer-search-desktop');
  expect(await accessibilityProblems(page)).toEqual([]);

  // Part of the number finds nothing.
  await box.fill(idNumber.slice(0, 14));
  await box.press('Enter');
  await page.locator('[data-testid="search-row-total"][data-total="0"]').waitFor({ timeout: UI_MS });

  await box.fill(idNumber);
  await box.press('Enter');
  await row.getByRole('link', { name: filed.caseNo }).click();
  await page.locator(`[data-testid="case-desk"]`).waitFor({ timeout: UI_MS });
  expect(page.url()).toContain(`/desk/cases/${filed.caseNo}`);
  await page.locator('[data-testid="desk-actions"] [data-action="FORWARD"]').waitFor({ timeout: UI_MS });
  expect(errors).toEqual([]);
});

browserIt('a supervisor clicks the overdue count and reaches the case behind it, read-only', async () => {
  now = at('01-05 02:00');
  const late = await suite.api.file(buildCase());
  await act('clerk.village', late.caseNo, { type: 'ACCEPT' });
  now = at('04-20 02:00');
  const dash = await suite.api.as('supervisor.county', 'GET', `/api/stats/dashboard?scope=${DEMO.countyCode}`);
  const overdue = dash.body.counters.overdue as number;
  expect(overdue).toBeGreaterThan(0);

  const { page, errors } = await suite.staffPage('supervisor.county');
  await page.goto('/supervisor');
  const count = page.getByTestId('counter-overdue');
  await count.waitFor({ timeout: FIRST_PAINT_MS });
  await expect(count.innerText()).resolves.toBe(String(overdue));
  await count.click();
  await page.waitForURL('**/supervisor/cases?**');
  expect(page.url()).toContain('overdue=true');
  // The list counts what the dashboard counted, and holds the late case.
  await page.locator(`[data-testid="drill-row-total"][data-total="${overdue}"]`).waitFor({ timeout: UI_MS });
  const row = page.locator(`[data-testid="drill-row"][data-case-no="${late.caseNo}"]`);
  await row.waitFor({ timeout: UI_MS });
  await expect(row.locator('[data-testid="promise-status"]').getAttribute('data-light')).resolves.toBe('red');
  await screenshot(page, 'supervisor-drilldown-desktop');
  expect(await accessibilityProblems(page)).toEqual([]);

  await row.getByRole('link', { name: late.caseNo }).click();
  await page.locator('[data-testid="case-desk"]').waitFor({ timeout: UI_MS });
  expect(page.url()).toContain(`/desk/cases/${late.caseNo}`);
  // Not the supervisor's step: none of the desk's actions, only what the API offers a supervisor (e.g. 督办).
  await page.locator('[data-testid="desk-actions"]').waitFor({ timeout: UI_MS });
  const offered = (await suite.api.as('supervisor.county', 'GET', `/api/cases/${late.caseNo}`)).body.actions as string[];
  const shown = await page.locator('[data-testid="desk-actions"] [data-action]').evaluateAll((els) => els.map((e) => e.getAttribute('data-action')));
  expect(shown).toEqual(offered);
  for (const deskAction of ['ACCEPT', 'REQUEST_MATERIALS', 'REFUSE', 'FORWARD', 'RETURN', 'APPROVE', 'DENY']) expect(shown).not.toContain(deskAction);
  expect(errors).toEqual([]);
});
