/// <reference lib="dom" />
import { DEMO } from '../../db/seed/users';
import { accessibilityProblems, browserIt, DESKTOP, PHONE, screenshot } from '../helpers/browser';
import { useBrowserSuite } from '../helpers/browserSuite';

/**
 * The power and responsibility lists in the web app (issue 14 part A): anyone
 * reaches /powers from the menu, reads the city's published list (4,168 powers
 * of 44 bodies, the server's counts), opens an entry with its responsibility
 * list, reads the versions' figures; an item's guide links to its power on a
 * phone, in English; the administrator's tab opens a draft of a county list
 * and records a cut with its reason and basis.
 */
jest.setTimeout(240_000);
const UI_MS = 30_000;

const suite = useBrowserSuite('browser_powers');

browserIt('lets anyone browse the power lists, and the administrator adjust a draft', async () => {
  // 1. A desktop, in Chinese, without logging in: from the menu to the city's list, an entry, the versions.
  const desk = await suite.page({ viewport: DESKTOP });
  const dp = desk.page;
  await dp.goto('/track');
  await dp.getByRole('link', { name: '权力清单', exact: true }).click();
  await dp.locator('[data-testid="powers-total"][data-total="4168"][data-departments="44"]').waitFor({ timeout: UI_MS });
  await dp.waitForFunction(() => document.title === '权力清单和责任清单 - 温州市五级联动审批', null, { timeout: UI_MS });
  expect(await accessibilityProblems(dp)).toEqual([]);
  await screenshot(dp, 'powers-desktop');
  // The one menu entry reaches the other accountability lists.
  await dp.getByTestId('accountability-links').getByRole('link', { name: '职能转移清单' }).click();
  await dp.locator('[data-testid="transfers-total"][data-total="252"]').waitFor({ timeout: UI_MS });
  await dp.goBack();
  await dp.getByTestId('accountability-links').getByRole('link', { name: '强镇赋权（委托书）' }).click();
  await dp.waitForURL('**/delegations', { timeout: UI_MS });
  await dp.goBack();
  await dp.locator('[data-testid="powers-total"][data-total="4168"]').waitFor({ timeout: UI_MS });
  await dp.getByTestId('powers-results').locator('a').first().click();
  await dp.getByTestId('power-page').waitFor({ timeout: UI_MS });
  await expect(dp.getByTestId('power-page').innerText()).resolves.toContain('追责情形');
  expect(await accessibilityProblems(dp)).toEqual([]);
  await dp.goto('/powers/versions');
  await dp.getByTestId('power-totals-city').waitFor({ timeout: UI_MS });
  await expect(dp.getByTestId('power-totals-city').innerText()).resolves.toContain('梳理 12723 项，公布 4168 项，精简 8555 项（67.2%）');
  expect(desk.errors).toEqual([]);
  await desk.context.close();

  // 2. A phone, in English: an item's guide names the power it implements and opens it.
  const phone = await suite.page({ viewport: PHONE, lang: 'en' });
  const pp = phone.page;
  await pp.goto(`/items/${DEMO.cityItemCode}`);
  await pp.getByTestId('guide-power').waitFor({ timeout: UI_MS });
  await pp.getByRole('link', { name: 'Power and responsibility list' }).click();
  await pp.getByTestId('power-page').waitFor({ timeout: UI_MS });
  await expect(pp.getByTestId('power-page').innerText()).resolves.toContain('Responsibility list');
  expect(await accessibilityProblems(pp)).toEqual([]);
  await screenshot(pp, 'powers-phone');
  expect(phone.errors).toEqual([]);
  await phone.context.close();

  // 3. The administrator: a draft of 文成县's list, one cut recorded with its reason and basis.
  const wencheng = (await suite.api.request('GET', '/api/powers?jurisdiction=330328000000&pageSize=1')).body.powers[0].code as string;
  const admin = await suite.staffPage('admin', { viewport: DESKTOP });
  const ap = admin.page;
  await ap.goto('/admin?tab=powers');
  await ap.getByTestId('powers-admin').waitFor({ timeout: UI_MS });
  await ap.getByRole('combobox', { name: '清单', exact: true }).click();
  await ap.keyboard.type('文成');
  await ap.locator('.ant-select-item-option', { hasText: '文成县' }).click();
  await ap.getByLabel('版本名称').fill('2026年文成县权力清单调整');
  await ap.getByRole('button', { name: '新建草稿' }).click();
  await ap.getByTestId('powers-draft').waitFor({ timeout: UI_MS });
  await ap.getByLabel('权力编码（每行一个）').fill(wencheng);
  await ap.getByLabel('调整理由').first().fill('依据已废止，予以取消');
  await ap.getByLabel('调整依据').first().fill('《中华人民共和国行政许可法》第十四条');
  await ap.getByRole('button', { name: '提交调整' }).click();
  const draftId = async () => (await suite.api.as('admin', 'GET', '/api/powers/versions?jurisdiction=330328000000')).body.versions.find((v: { state: string }) => v.state === 'draft')?.id as number | undefined;
  await ap.locator('.ant-message', { hasText: '已记录调整' }).waitFor({ timeout: UI_MS });
  const id = await draftId();
  expect((await suite.api.as('admin', 'GET', `/api/powers?version=${id}&q=${wencheng}`)).body.total).toBe(0);
  // Until it is published the public neither lists nor reads the draft.
  expect((await suite.api.request('GET', `/api/powers?version=${id}`)).status).toBe(404);
  expect(await accessibilityProblems(ap)).toEqual([]);
  expect(admin.errors).toEqual([]);
  await admin.context.close();
});
