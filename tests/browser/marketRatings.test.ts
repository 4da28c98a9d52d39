/// <reference lib="dom" />
import { accessibilityProblems, browserIt, PHONE, screenshot } from '../helpers/browser';
import { useBrowserSuite } from '../helpers/browserSuite';
import { buildAgency, buildCompletedOrder, buildServiceItem } from '../helpers/marketFactories';

/**
 * Ratings move the public rankings live (issue 12): the public watches the
 * league table of one service item on a phone; the centre approves a client's
 * five-star rating in its moderation queue on a desktop; the agency's stars
 * and its place change on the phone by themselves.
 */
jest.setTimeout(240_000);
const UI_MS = 30_000;

const suite = useBrowserSuite('browser_market_ratings');

browserIt('the rankings page moves live when the centre approves a rating', async () => {
  const db = suite.srv.ctx.db.knex;
  const api = suite.api;
  const item = (await buildServiceItem(db, { department: 'market' })).code;
  const ownerUserId = Number((await db('users').where({ username: 'applicant' }).first('id')).id);
  const top = await buildAgency(db, { services: [item], name: '温州甲级测绘有限公司' });
  const riser = await buildAgency(db, { services: [item], name: '瓯海精准测绘有限公司' });
  const topOrder = await buildCompletedOrder(db, { agencyId: top.id, ownerUserId, serviceItemCode: item });
  const riserOrder = await buildCompletedOrder(db, { agencyId: riser.id, ownerUserId, serviceItemCode: item });
  const marks = (m: number) => ({ quality: m, timeliness: m, attitude: m, fees: m, conduct: m });
  const first = await api.as('applicant', 'POST', `/api/market/orders/${topOrder.id}/ratings`, marks(4));
  expect((await api.as('supervisor.city', 'POST', `/api/market/ratings/${first.body.rating.id}/moderate`, { type: 'APPROVE' })).status).toBe(200);
  const rating = await api.as('applicant', 'POST', `/api/market/orders/${riserOrder.id}/ratings`, { ...marks(5), comment: '测绘成果准确，提前交付' });
  expect(rating.status).toBe(201);

  const watcher = await suite.page({ viewport: PHONE });
  const wp = watcher.page;
  await wp.goto('/market/rankings');
  await wp.getByTestId('market-rankings').waitFor({ timeout: UI_MS });
  await wp.getByLabel('按服务事项编码筛选').fill(item);
  await wp.getByLabel('按服务事项编码筛选').press('Enter');
  await wp.locator(`[data-testid="ranking-row"][data-id="${top.id}"][data-rank="1"][data-stars="3"]`).waitFor({ timeout: UI_MS });
  await wp.locator(`[data-testid="ranking-row"][data-id="${riser.id}"][data-rank="2"][data-stars=""]`).waitFor({ timeout: UI_MS });
  // Connected before the centre acts: the change must arrive by push, not by a reload.
  await wp.locator('[data-testid="live-status"][data-status="live"]').waitFor({ timeout: UI_MS });
  expect(await accessibilityProblems(wp)).toEqual([]);
  await screenshot(wp, 'market-rankings-before-phone');

  const centre = await suite.staffPage('supervisor.city');
  const cp = centre.page;
  await cp.goto('/market/ratings');
  const row = cp.locator(`[data-testid="queue-rating"][data-id="${rating.body.rating.id}"]`);
  await row.waitFor({ timeout: UI_MS });
  expect(await accessibilityProblems(cp)).toEqual([]);
  await row.getByTestId('approve-rating').click();
  await cp.getByText('已通过，机构当前 5 星（100 分）').waitFor({ timeout: UI_MS });
  await screenshot(cp, 'market-rating-moderation');

  // The phone's table moved by itself: five stars, first place, pinned.
  await wp.locator(`[data-testid="ranking-row"][data-id="${riser.id}"][data-rank="1"][data-stars="5"]`).waitFor({ timeout: UI_MS });
  await wp.locator(`[data-testid="ranking-row"][data-id="${top.id}"][data-rank="2"]`).waitFor({ timeout: UI_MS });
  await wp.locator(`[data-testid="ranking-row"][data-id="${riser.id}"]`).getByText('五星置顶').waitFor({ timeout: UI_MS });
  await screenshot(wp, 'market-rankings-after-phone');

  // The centre's supervision screen lists what it watches.
  await cp.goto('/market/supervision');
  await cp.getByTestId('market-supervision').getByText('机构排行').waitFor({ timeout: UI_MS });
  expect(await accessibilityProblems(cp)).toEqual([]);
  await screenshot(cp, 'market-supervision');
  expect(watcher.errors).toEqual([]);
  expect(centre.errors).toEqual([]);
});

browserIt('the client rates a completed order on the rating form, in English', async () => {
  const db = suite.srv.ctx.db.knex;
  const item = (await buildServiceItem(db, { department: 'market' })).code;
  const ownerUserId = Number((await db('users').where({ username: 'applicant' }).first('id')).id);
  const agency = await buildAgency(db, { services: [item] });
  const order = await buildCompletedOrder(db, { agencyId: agency.id, ownerUserId, serviceItemCode: item });
  const client = await suite.staffPage('applicant', { viewport: PHONE, lang: 'en' });
  const p = client.page;
  // From the completed order's page, its rating form.
  await p.goto(`/market/orders/${order.id}`);
  await p.getByTestId('order-rate').getByText('Rate this service').click();
  await p.waitForURL(`**/market/orders/${order.id}/rate`, { timeout: UI_MS });
  await p.getByTestId('rate-order').getByText('You rate as: Client').waitFor({ timeout: UI_MS });
  expect(await accessibilityProblems(p)).toEqual([]);
  await p.getByTestId('submit-rating').click();
  await p.getByTestId('rated').getByText('Awaiting moderation').waitFor({ timeout: UI_MS });
  await screenshot(p, 'market-rate-order-phone');
  expect(client.errors).toEqual([]);
});

browserIt('the centre’s supervision screen on a phone: a one-star agency to review, a complaint closed with its outcome', async () => {
  const db = suite.srv.ctx.db.knex;
  const api = suite.api;
  const item = (await buildServiceItem(db, { department: 'market' })).code;
  const ownerUserId = Number((await db('users').where({ username: 'applicant' }).first('id')).id);
  const agency = await buildAgency(db, { services: [item], name: '鹿城拖延测绘有限公司' });
  const order = await buildCompletedOrder(db, { agencyId: agency.id, ownerUserId, serviceItemCode: item });
  const bad = await api.as('supervisor.city', 'POST', `/api/market/agencies/${agency.id}/bad-acts`, { kind: 'late', orderId: order.id, reason: '逾期 20 天未交付测绘成果' });
  expect(bad.status).toBe(201);
  const filed = await api.as('applicant', 'POST', `/api/market/orders/${order.id}/complaints`, { reason: '机构逾期且不接电话' });
  expect(filed.status).toBe(201);

  const centre = await suite.staffPage('supervisor.city', { viewport: PHONE });
  const cp = centre.page;
  await cp.goto('/market/supervision');
  await cp.locator(`[data-testid="to-review"][data-id="${agency.id}"]`).getByText('复核 / 清退').waitFor({ timeout: UI_MS });
  await cp.getByTestId('market-supervision').getByText('逾期 20 天未交付测绘成果').waitFor({ timeout: UI_MS });
  expect(await accessibilityProblems(cp)).toEqual([]);
  await screenshot(cp, 'market-supervision-phone');
  const item2 = cp.locator('.ant-list-item', { hasText: '机构逾期且不接电话' });
  await item2.getByLabel('处理结果').fill('已约谈机构，责令三日内交付');
  await item2.getByRole('button', { name: '办结' }).click();
  await cp.getByText('投诉已办结').waitFor({ timeout: UI_MS });
  await cp.locator('.ant-list-item', { hasText: '机构逾期且不接电话' }).waitFor({ state: 'detached', timeout: UI_MS });
  expect((await api.as('applicant', 'GET', '/api/market/complaints')).body.complaints.find((c: { id: number }) => c.id === filed.body.complaint.id)).toMatchObject({ state: 'closed', outcome: '已约谈机构，责令三日内交付' });
  expect(centre.errors).toEqual([]);
});
