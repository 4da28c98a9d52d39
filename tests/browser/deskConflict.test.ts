/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import { Api, buildCase } from '../helpers/api';
import { browserIt, DESKTOP, launchBrowser, openPage, PHONE, screenshot, type WatchedPage } from '../helpers/browser';
import { startLiveServer } from '../helpers/sockets';
import type { TestServer } from '../helpers/testServer';

/** Two people at one desk: whoever acts second is told plainly and sees the case as it now is. */
jest.setTimeout(120_000);
const UI_MS = 15_000;

let srv: TestServer;
let api: Api;
let browser: Browser | null;

beforeAll(async () => {
  srv = await startLiveServer('browser_desk');
  api = new Api(srv.url);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await srv?.close();
});

async function clerkPage(username: string, opts: { offline?: boolean; viewport?: { width: number; height: number } } = {}): Promise<WatchedPage> {
  const login = await api.request('POST', '/api/auth/login', { body: { username, password: 'demo1234' } });
  const wp = await openPage(browser!, srv.url, { viewport: opts.viewport ?? DESKTOP, session: { token: login.body.token, user: login.body.user } });
  // A screen whose pushes do not arrive (a flaky network): only the version check can stop it.
  if (opts.offline) {
    await wp.context.routeWebSocket(/socket\.io/, (ws) => ws.close());
    await wp.context.route('**/socket.io/**', (r) => r.abort());
  }
  return wp;
}

browserIt('a clerk who acts on a case someone else already moved gets a plain conflict and the refreshed case, never an overwrite', async () => {
  const filed = await api.file(buildCase());
  const { page, errors } = await clerkPage('clerk.village', { offline: true });
  await page.goto(`/desk/cases/${filed.caseNo}`);
  await page.locator('[data-action="ACCEPT"]').click();
  await page.getByTestId('action-form-ACCEPT').locator('textarea').fill('予以受理');

  // A colleague at the same counter refuses it first.
  const first = await api.act('clerk.village', filed.caseNo, { type: 'REFUSE', reasons: '不属于本机关职权范围', rightsNotice: '可申请行政复议' });
  expect(first.status).toBe(200);

  await page.getByTestId('action-submit').click();
  await page.getByTestId('conflict').waitFor({ timeout: UI_MS });
  await page.locator('[data-testid="case-desk"][data-state="refused"]').waitFor({ timeout: UI_MS });
  await expect(page.locator('[data-action]').count()).resolves.toBe(0);
  await expect(page.getByTestId('conflict').innerText()).resolves.toContain('其他人已先处理了此办件');
  await expect(page.getByTestId('changed').count()).resolves.toBe(0);
  await screenshot(page, 'clerk-conflict-desktop');

  const now = await api.as('clerk.village', 'GET', `/api/cases/${filed.caseNo}`);
  expect([now.body.state, now.body.version]).toEqual(['refused', 2]);
  // The browser notes the 409 it was answered, and the sockets it could not open; nothing else.
  expect(errors.filter((e) => !e.includes('409') && !/socket|ERR_FAILED|WebSocket/i.test(e))).toEqual([]);
});

browserIt('a live case page that another clerk moves is refreshed at once and says so', async () => {
  const filed = await api.file(buildCase());
  const { page, errors } = await clerkPage('clerk.village', { viewport: PHONE });
  await page.goto(`/desk/cases/${filed.caseNo}`);
  await page.locator('[data-testid="live-status"][data-status="live"]').waitFor({ timeout: UI_MS });
  await page.locator('[data-action="ACCEPT"]').click();

  expect((await api.act('clerk.village', filed.caseNo, { type: 'ACCEPT', opinion: '同事已受理' })).status).toBe(200);

  await page.getByTestId('changed').waitFor({ timeout: UI_MS });
  await page.locator('[data-testid="case-desk"][data-state="review"]').waitFor({ timeout: UI_MS });
  // The form for an action that is no longer possible is gone.
  await expect(page.getByTestId('action-form-ACCEPT').count()).resolves.toBe(0);
  await screenshot(page, 'clerk-case-changed-phone');
  expect(errors).toEqual([]);
});
