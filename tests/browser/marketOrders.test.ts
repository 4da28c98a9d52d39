/// <reference lib="dom" />
import { OrderScheduler } from '../../server/market/orders/orderScheduler';
import { accessibilityProblems, browserIt, PHONE, screenshot } from '../helpers/browser';
import { useBrowserSuite } from '../helpers/browserSuite';
import { buildCase } from '../helpers/api';
import { buildAgency, buildServiceItem } from '../helpers/marketFactories';

/**
 * Purchase orders in the web app (issue 12): the owner posts an announcement
 * on a desktop; the city centre approves it; an agency finds it on its
 * workbench and signs up; the public market page on a phone shows the sign-up
 * live; when the selection time comes the system draws, the result appears on
 * the public page by itself, and the draw re-run in the browser (WebCrypto)
 * gives the same winner.
 */
jest.setTimeout(240_000);
const UI_MS = 30_000;
let now = Date.now();

const suite = useBrowserSuite('browser_market_orders', { now: () => new Date(now) });

/** A datetime-local value (the machine's local time, as the browser's). */
function local(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

browserIt('an owner posts, the centre approves, an agency signs up, the draw result shows live on the public page and re-runs in the browser', async () => {
  const db = suite.srv.ctx.db.knex;
  const item = await buildServiceItem(db, { name: '地质勘察' });
  const agency = await buildAgency(db, { services: [item.code], name: '温州瓯越勘察设计有限公司' });
  await buildAgency(db, { services: [item.code], name: '温州鹿城岩土工程有限公司' });

  const owner = await suite.staffPage('applicant');
  const op = owner.page;
  // The market's one menu entry; its front page leads to posting.
  await op.goto('/');
  await op.locator('.app-header').getByText('中介超市').first().click();
  await op.getByTestId('market-links').getByText('发布采购公告').click();
  await op.getByTestId('new-order-page').waitFor({ timeout: UI_MS });
  await op.getByTestId('order-service-item').fill(item.code);
  await op.getByTestId('order-title').fill('药店装修地质勘察');
  await op.getByTestId('order-content').fill('对拟建场地进行岩土工程勘察，提交勘察报告');
  await op.getByTestId('order-budget-min').fill('10000');
  await op.getByTestId('order-budget-max').fill('50000');
  await op.getByTestId('order-signup-deadline').fill(local(now + 86_400_000));
  await op.getByTestId('order-selection-at').fill(local(now + 90_000_000));
  expect(await accessibilityProblems(op)).toEqual([]);
  await op.getByTestId('order-submit').click();
  await op.locator('[data-testid="order-page"][data-state="in_review"]').waitFor({ timeout: UI_MS });
  const id = Number(new URL(op.url()).pathname.split('/').pop());
  await screenshot(op, 'market-order-posted');

  const centre = await suite.staffPage('clerk.city');
  await centre.page.goto('/market');
  await centre.page.locator(`[data-testid="market-review"] [data-testid="market-order"][data-id="${id}"] a`).click();
  await centre.page.getByTestId('order-action-APPROVE').click();
  await centre.page.locator('[data-testid="order-page"][data-state="signup"]').waitFor({ timeout: UI_MS });
  expect(centre.errors).toEqual([]);

  const pub = await suite.page({ viewport: PHONE });
  const pp = pub.page;
  await pp.goto('/market');
  await pp.locator(`[data-testid="market-order"][data-id="${id}"][data-state="signup"]`).waitFor({ timeout: UI_MS });
  await pp.locator('[data-testid="live-status"][data-status="live"]').waitFor({ timeout: UI_MS });

  const ag = await suite.staffPage(agency.username);
  const ap = ag.page;
  await ap.goto('/market/workbench');
  await ap.locator(`[data-testid="workbench-announcement"][data-id="${id}"] a`).click();
  await ap.getByTestId('order-sign-up').click();
  await ap.locator('[data-testid="order-signup-count"]', { hasText: '1' }).waitFor({ timeout: UI_MS });
  expect(ag.errors).toEqual([]);

  // The public page counts the sign-up by itself.
  await pp.locator(`[data-testid="market-order"][data-id="${id}"] [data-testid="market-signups"]`, { hasText: '1' }).waitFor({ timeout: UI_MS });

  // The selection time comes: the durable timer closes sign-up and draws.
  now += 90_000_000 + 60_000;
  await new OrderScheduler(suite.srv.ctx).tick();
  const result = pp.locator(`[data-testid="market-results"] [data-testid="market-order"][data-id="${id}"]`);
  await result.locator('[data-testid="market-chosen"]').waitFor({ timeout: UI_MS });
  await result.getByTestId('market-rerun').click();
  await pp.locator('[data-testid="draw-rerun-result"][data-same="true"]').waitFor({ timeout: UI_MS });
  await screenshot(pp, 'market-draw-rerun-phone');
  expect(pub.errors).toEqual([]);

  // The owner's page moved on by itself.
  await op.locator('[data-testid="order-page"][data-state="awaiting_confirmation"]').waitFor({ timeout: UI_MS });
  await op.getByTestId('order-chosen').waitFor({ timeout: UI_MS });
  expect(owner.errors).toEqual([]);
});

browserIt('a case paused for the intermediary procedure says so on its clock: 中介服务, not the department’s time', async () => {
  const api = suite.api;
  const filed = await api.file(buildCase(), 'applicant');
  expect((await api.act('clerk.village', filed.caseNo, { type: 'ACCEPT' })).status).toBe(200);
  expect((await api.act('clerk.town', filed.caseNo, { type: 'FORWARD', opinion: '初审同意' })).status).toBe(200);
  expect((await api.act('reviewer.county', filed.caseNo, { type: 'START_SPECIAL', procedure: 'intermediary', reason: '需委托中介机构进行地质勘察' })).status).toBe(200);
  const desk = await suite.staffPage('reviewer.county');
  await desk.page.goto(`/desk/cases/${filed.caseNo}`);
  await desk.page.getByTestId('clock-paused').getByText('中介服务', { exact: false }).waitFor({ timeout: UI_MS });
  expect(desk.errors).toEqual([]);
});
