/// <reference lib="dom" />
import { buildCase } from '../helpers/api';
import { accessibilityProblems, browserIt, PHONE, screenshot, type WatchedPage } from '../helpers/browser';
import { useBrowserSuite } from '../helpers/browserSuite';

/** Two people at one desk: whoever acts second is told plainly and sees the case as it now is. */
jest.setTimeout(120_000);
const UI_MS = 15_000;

const suite = useBrowserSuite('browser_desk');

async function clerkPage(username: string, opts: { offline?: boolean; viewport?: { width: number; height: number } } = {}): Promise<WatchedPage> {
  const wp = await suite.staffPage(username, { viewport: opts.viewport });
  // A screen whose pushes do not arrive (a flaky network): only the version check can stop it.
  if (opts.offline) {
    await wp.context.routeWebSocket(/socket\.io/, (ws) => ws.close());
    await wp.context.route('**/socket.io/**', (r) => r.abort());
  }
  return wp;
}

browserIt('a clerk who acts on a case someone else already moved gets a plain conflict and the refreshed case, never an overwrite', async () => {
  const filed = await suite.api.file(buildCase());
  const { page, errors } = await clerkPage('clerk.village', { offline: true });
  await page.goto(`/desk/cases/${filed.caseNo}`);
  await page.locator('[data-action="ACCEPT"]').click();
  await page.getByTestId('action-form-ACCEPT').locator('textarea').fill('予以受理');

  // A colleague at the same counter refuses it first.
  const first = await suite.api.act('clerk.village', filed.caseNo, { type: 'REFUSE', reasons: '不属于本机关职权范围', rightsNotice: '可申请行政复议' });
  expect(first.status).toBe(200);

  await page.getByTestId('action-submit').click();
  await page.getByTestId('conflict').waitFor({ timeout: UI_MS });
  await page.locator('[data-testid="case-desk"][data-state="refused"]').waitFor({ timeout: UI_MS });
  await expect(page.locator('[data-action]').count()).resolves.toBe(0);
  await expect(page.getByTestId('conflict').innerText()).resolves.toContain('其他人已先处理了此办件');
  await expect(page.getByTestId('changed').count()).resolves.toBe(0);
  await screenshot(page, 'clerk-conflict-desktop');
  expect(await accessibilityProblems(page)).toEqual([]);

  const now = await suite.api.as('clerk.village', 'GET', `/api/cases/${filed.caseNo}`);
  expect([now.body.state, now.body.version]).toEqual(['refused', 2]);
  // The browser notes the 409 it was answered, and the sockets it could not open; nothing else.
  expect(errors.filter((e) => !e.includes('409') && !/socket|ERR_FAILED|WebSocket/i.test(e))).toEqual([]);
});

browserIt('a live case page that another clerk moves is refreshed at once and says so', async () => {
  const filed = await suite.api.file(buildCase());
  const { page, errors } = await clerkPage('clerk.village', { viewport: PHONE });
  await page.goto(`/desk/cases/${filed.caseNo}`);
  await page.locator('[data-testid="live-status"][data-status="live"]').waitFor({ timeout: UI_MS });
  await page.locator('[data-action="ACCEPT"]').click();

  expect((await suite.api.act('clerk.village', filed.caseNo, { type: 'ACCEPT', opinion: '同事已受理' })).status).toBe(200);

  await page.getByTestId('changed').waitFor({ timeout: UI_MS });
  await page.locator('[data-testid="case-desk"][data-state="review"]').waitFor({ timeout: UI_MS });
  // The form for an action that is no longer possible is gone.
  await expect(page.getByTestId('action-form-ACCEPT').count()).resolves.toBe(0);
  await screenshot(page, 'clerk-case-changed-phone');
  expect(errors).toEqual([]);
});
