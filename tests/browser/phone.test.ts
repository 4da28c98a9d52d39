/// <reference lib="dom" />
import { buildCase } from '../helpers/api';
import { browserIt, PHONE, screenshot } from '../helpers/browser';
import { useBrowserSuite } from '../helpers/browserSuite';

/*
 * A citizen's phone (390 × 844): the centre picker fits the screen while a village is chosen, the
 * timeline reads newest first, and every page has its own title in the reader's language.
 */
jest.setTimeout(120_000);
const UI_MS = 15_000;
const VILLAGE_ITEM = '330300-XK-0013';

const suite = useBrowserSuite('browser_phone');

browserIt('the centre picker keeps its first column on screen while a village is chosen', async () => {
  const { page, errors } = await suite.page({ viewport: PHONE });
  await page.goto(`/items/${VILLAGE_ITEM}/file`);
  await page.getByLabel('选择收件的便民服务中心').click();
  await page.locator('.ant-cascader-menu-item', { hasText: '鹿城区' }).click();
  await page.locator('.ant-cascader-menu-item', { hasText: '五马街道' }).first().click();
  const village = page.locator('.ant-cascader-menu-item', { hasText: '安澜社区便民服务中心' });
  await village.waitFor({ timeout: UI_MS });
  // All three columns are open: each lies wholly within the screen's width.
  const columns = page.locator('.ant-cascader-dropdown:visible .ant-cascader-menu');
  await expect(columns.count()).resolves.toBe(3);
  const boxes = await columns.evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => ({ left: r.left, right: r.right })));
  for (const b of boxes) {
    expect(b.left).toBeGreaterThanOrEqual(0);
    expect(b.right).toBeLessThanOrEqual(PHONE.width);
  }
  await expect(page.locator('.ant-cascader-menu-item', { hasText: '鹿城区' }).isVisible()).resolves.toBe(true);
  await screenshot(page, 'applicant-centre-picker-phone');
  await village.click();
  await page.locator('.ant-cascader-dropdown').waitFor({ state: 'hidden', timeout: UI_MS });
  await expect(page.locator('.ant-cascader').innerText()).resolves.toContain('安澜社区便民服务中心');
  expect(errors).toEqual([]);
});

browserIt('the timeline reads newest first', async () => {
  const filed = await suite.api.file(buildCase());
  expect((await suite.api.act('clerk.village', filed.caseNo, { type: 'ACCEPT', opinion: '材料齐全' })).status).toBe(200);
  expect((await suite.api.act('clerk.town', filed.caseNo, { type: 'FORWARD', opinion: '初审同意' })).status).toBe(200);
  const { page, context, errors } = await suite.page({ viewport: PHONE });
  await context.addInitScript(([k, v]) => sessionStorage.setItem(k!, v!), [`approval.code.${filed.caseNo}`, filed.queryCode]);
  await page.goto(`/track/${filed.caseNo}`);
  const events = page.getByTestId('timeline-event');
  await events.nth(2).waitFor({ timeout: UI_MS });
  const types = await events.evaluateAll((els) => els.map((e) => e.getAttribute('data-type')));
  expect(types).toEqual(['FORWARD', 'ACCEPT', 'SUBMIT']);
  expect(errors).toEqual([]);
});

browserIt('every page has its own title, in Chinese and in English', async () => {
  const filed = await suite.api.file(buildCase());
  const pages: [path: string, zh: string, en: string][] = [
    ['/', '办事指南', 'Service guide'],
    [`/items/${VILLAGE_ITEM}`, '事项办事指南', 'Item guide'],
    [`/items/${VILLAGE_ITEM}/file`, '在线申请', 'Apply online'],
    ['/track', '进度查询', 'Track a case'],
    [`/track/${filed.caseNo}`, `办件进度 ${filed.caseNo}`, `Case ${filed.caseNo}`],
    ['/login', '工作人员登录', 'Staff log-in'],
    ['/verify', '电子证照核验', 'Verify an e-licence'],
  ];
  for (const lang of ['zh', 'en'] as const) {
    const { page, context, errors } = await suite.page({ viewport: PHONE, lang });
    await context.addInitScript(([k, v]) => sessionStorage.setItem(k!, v!), [`approval.code.${filed.caseNo}`, filed.queryCode]);
    const app = lang === 'zh' ? '温州市五级联动审批' : 'Wenzhou Linked Approval';
    for (const [path, zh, en] of pages) {
      await page.goto(path);
      await page.waitForFunction((want) => document.title === want, `${lang === 'zh' ? zh : en} - ${app}`, { timeout: UI_MS });
    }
    expect(errors).toEqual([]);
    await context.close();
  }
  // Staff pages too: the queue and a case at the desk.
  const { page, errors } = await suite.staffPage('clerk.village', { viewport: PHONE });
  await page.goto('/desk');
  await page.waitForFunction(() => document.title === '待办队列 - 温州市五级联动审批', null, { timeout: UI_MS });
  await page.goto(`/desk/cases/${filed.caseNo}`);
  await page.waitForFunction((no) => document.title === `办理办件 ${no} - 温州市五级联动审批`, filed.caseNo, { timeout: UI_MS });
  expect(errors).toEqual([]);
});

browserIt('the catalogue is in the page before any script runs, and the app takes over with the same list', async () => {
  // Scripts off: what a phone shows while the JS is still on its way.
  const bare = await suite.browser.newContext({ baseURL: suite.srv.url, viewport: PHONE, javaScriptEnabled: false });
  const early = await bare.newPage();
  await early.goto('/');
  const shellNames = await early.locator('.catalogue-shell .catalogue-name').allInnerTexts();
  expect(shellNames.length).toBe(10);
  await expect(early.getByRole('heading', { name: '办事指南' }).isVisible()).resolves.toBe(true);
  await bare.close();

  const { page, errors } = await suite.page({ viewport: PHONE });
  // The first page's answers came with the HTML: the app does not ask for them again.
  const asked: string[] = [];
  page.on('request', (r) => {
    if (/\/api\/(items|departments)/.test(r.url())) asked.push(r.url());
  });
  await page.goto('/');
  await page.getByRole('searchbox').waitFor({ timeout: UI_MS });
  await page.getByTestId('catalogue-item').first().waitFor({ timeout: UI_MS });
  await expect(page.locator('[data-testid="catalogue-item"] .catalogue-name').allInnerTexts()).resolves.toEqual(shellNames);
  await expect(page.locator('.catalogue-shell').count()).resolves.toBe(0);
  expect(asked).toEqual([]);
  await expect(page.title()).resolves.toBe('办事指南 - 温州市五级联动审批');
  await screenshot(page, 'applicant-catalogue-phone');
  expect(errors).toEqual([]);
});
