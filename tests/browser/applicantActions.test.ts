/// <reference lib="dom" />
import type { Locator, Page } from 'playwright-core';
import { buildCase } from '../helpers/api';
import { accessibilityProblems, browserIt, PHONE, screenshot, settled } from '../helpers/browser';
import { useBrowserSuite } from '../helpers/browserSuite';

/** The applicant's own actions on the tracking page, on a phone: supply, change delivery, withdraw. */
jest.setTimeout(120_000);
const UI_MS = 15_000;

const suite = useBrowserSuite('browser_applicant');

/** Opens the change-delivery dialog and waits until it is open, still and showing the case's current choice. */
async function openDeliveryDialog(page: Page, current = '窗口领取'): Promise<Locator> {
  await page.getByTestId('applicant-actions').getByRole('button', { name: '更改送达方式' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(current).and(page.locator(':checked')).waitFor({ timeout: UI_MS });
  await settled(page);
  return dialog;
}

browserIt('the applicant looks a case up by number and code, is told live what is missing, supplies it, changes delivery and withdraws', async () => {
  const filed = await suite.api.file(buildCase());
  const { page, errors } = await suite.page({ viewport: PHONE });
  await page.goto('/track');
  await page.getByLabel('办件编号').fill(filed.caseNo);
  await page.getByLabel('查询码').fill(filed.queryCode);
  await page.getByRole('button', { name: /^查\s*询$/ }).click();
  await page.getByTestId('track').waitFor();
  await page.locator('[data-testid="live-status"][data-status="live"]').waitFor({ timeout: UI_MS });

  // Printed (the 打印 button calls window.print()): the record without the site's frame and controls.
  await expect(page.getByRole('button', { name: '打印' }).isVisible()).resolves.toBe(true);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.app-header').isVisible()).resolves.toBe(false);
  await expect(page.getByRole('button', { name: '撤回申请' }).isVisible()).resolves.toBe(false);
  await expect(page.getByTestId('route-step-0').isVisible()).resolves.toBe(true);
  await screenshot(page, 'applicant-print-phone');
  await page.emulateMedia({ media: 'screen' });

  // The counter asks for two materials at once: the page shows the list and the paused clock, live.
  const ask = await suite.api.act('clerk.village', filed.caseNo, { type: 'REQUEST_MATERIALS', missing: ['经营场所使用证明', '执业药师注册证'] });
  expect(ask.status).toBe(200);
  await page.getByTestId('missing-materials').waitFor({ timeout: UI_MS });
  await expect(page.getByTestId('case-state').innerText()).resolves.toBe('待补正材料');
  await expect(page.getByText('计时已暂停').count()).resolves.toBe(1);
  await screenshot(page, 'applicant-materials-phone');
  expect(await accessibilityProblems(page)).toEqual([]);

  const actions = page.getByTestId('applicant-actions');
  await actions.getByLabel('经营场所使用证明').check();
  await actions.getByLabel('执业药师注册证').check();
  await actions.getByRole('button', { name: '补交材料' }).click();
  await page.locator('[data-testid="track"][data-state="acceptanceReview"]').waitFor({ timeout: UI_MS });

  const dialog = await openDeliveryDialog(page);
  await dialog.getByLabel('邮寄送达').check();
  await dialog.getByLabel('邮寄地址').fill('温州市鹿城区五马街 1 号');
  await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(page.getByTestId('delivery-mode').filter({ hasText: '邮寄送达' }).waitFor({ timeout: UI_MS })).resolves.toBeUndefined();

  await actions.getByRole('button', { name: '撤回申请' }).click();
  await page.getByRole('tooltip').getByRole('button', { name: /确\s*定|OK/ }).click();
  await page.locator('[data-testid="track"][data-state="withdrawn"]').waitFor({ timeout: UI_MS });
  await expect(page.getByTestId('applicant-actions').count()).resolves.toBe(0);

  const history = await suite.api.request('GET', `/api/cases/${filed.caseNo}/events`, { headers: { 'x-query-code': filed.queryCode } });
  expect(history.body.events.map((e: { type: string }) => e.type)).toEqual(['SUBMIT', 'REQUEST_MATERIALS', 'SUPPLY_MATERIALS', 'CHOOSE_DELIVERY', 'WITHDRAW']);
  await screenshot(page, 'applicant-withdrawn-phone');
  expect(errors).toEqual([]);
});

browserIt('a live update while the applicant chooses delivery leaves the open dialog and what they typed alone', async () => {
  const filed = await suite.api.file(buildCase());
  const { page, errors } = await suite.page({ viewport: PHONE });
  await page.goto('/track');
  await page.getByLabel('办件编号').fill(filed.caseNo);
  await page.getByLabel('查询码').fill(filed.queryCode);
  await page.getByRole('button', { name: /^查\s*询$/ }).click();
  await page.locator('[data-testid="live-status"][data-status="live"]').waitFor({ timeout: UI_MS });
  const address = '温州市鹿城区五马街 2 号';
  const dialog = await openDeliveryDialog(page);
  await dialog.getByLabel('邮寄送达').check();
  await dialog.getByLabel('邮寄地址').fill(address);
  const stillTyped = async () => {
    await expect(dialog.getByLabel('邮寄送达').isChecked()).resolves.toBe(true);
    await expect(dialog.getByLabel('邮寄地址').inputValue()).resolves.toBe(address);
  };

  // The counter asks for a material meanwhile: the page behind follows live, the dialog stays as it was.
  expect((await suite.api.act('clerk.village', filed.caseNo, { type: 'REQUEST_MATERIALS', missing: ['经营场所使用证明'] })).status).toBe(200);
  await page.locator('[data-testid="track"][data-state="awaitingMaterials"]').waitFor({ timeout: UI_MS });
  await stillTyped();

  // Then refuses the case: the applicant's actions go, but not the dialog under their fingers.
  expect((await suite.api.act('clerk.village', filed.caseNo, { type: 'REFUSE', reasons: '不属于本机关职权范围', rightsNotice: '可申请行政复议' })).status).toBe(200);
  await page.locator('[data-testid="track"][data-state="refused"]').waitFor({ timeout: UI_MS });
  await expect(page.getByTestId('applicant-actions').count()).resolves.toBe(0);
  await stillTyped();
  await dialog.getByRole('button', { name: /取\s*消|Cancel/ }).click();
  await dialog.waitFor({ state: 'hidden', timeout: UI_MS });
  expect(errors).toEqual([]);
});

browserIt('a wrong query code is told plainly, with the form to try again', async () => {
  const filed = await suite.api.file(buildCase());
  const { page, errors } = await suite.page({ viewport: PHONE });
  await page.goto('/track');
  await page.getByLabel('办件编号').fill(filed.caseNo);
  await page.getByLabel('查询码').fill('WRONG-CODE');
  await page.getByRole('button', { name: /^查\s*询$/ }).click();
  await page.getByText('办件编号或查询码不正确').waitFor({ timeout: UI_MS });
  await expect(page.getByTestId('track').count()).resolves.toBe(0);
  // The browser notes the 404 it was answered; nothing else may go wrong.
  expect(errors.filter((e) => !e.includes('404'))).toEqual([]);
});

browserIt('an item filed at county level is filed at the county centre; a town clerk files for a walk-in applicant at their own centre', async () => {
  const { page, errors } = await suite.page({ viewport: PHONE });
  await page.goto('/items/330300-XK-0007/file');
  await page.getByLabel('选择收件的便民服务中心').click();
  await page.locator('.ant-cascader-menu-item', { hasText: '鹿城区' }).click();
  await page.locator('.ant-cascader-menu-item', { hasText: '鹿城区行政服务中心' }).click();
  await page.getByLabel('姓名').fill('王大伟');
  await page.getByLabel('身份证号').fill('330302198505051236');
  await page.getByLabel('联系电话').fill('0577-88881234');
  await page.getByRole('button', { name: '提交申请' }).click();
  const caseNo = (await page.getByTestId('filed-case-no').innerText()).trim();
  const filed = await suite.api.as('supervisor.city', 'GET', `/api/cases/${caseNo}`);
  expect([filed.body.centreCode, filed.body.step.level]).toEqual(['330302000000', 'county']);
  expect(errors).toEqual([]);

  const clerk = await suite.staffPage('clerk.town');
  await clerk.page.goto('/desk');
  await clerk.page.getByRole('button', { name: '窗口收件' }).click();
  // The counter form (窗口收件) of the clerk's own centre files and accepts in one step.
  await clerk.page.getByLabel('办理事项').fill('食品生产许可（粮食加工品·新办）');
  await clerk.page.locator('.ant-select-item-option', { hasText: '食品生产许可（粮食加工品·新办）' }).click({ timeout: UI_MS });
  await clerk.page.getByLabel('申请人姓名').fill('赵敏');
  await clerk.page.getByLabel('申请人身份证号').fill('330302199203031234');
  await clerk.page.getByLabel('申请人联系电话').fill('13900001111');
  await clerk.page.getByLabel('已当面核验申请人（及代理人）的身份证件原件').check();
  await clerk.page.getByRole('button', { name: '收件并受理' }).click();
  const counterNo = (await clerk.page.getByTestId('counter-case-no').innerText({ timeout: UI_MS })).trim();
  const counter = await suite.api.as('clerk.town', 'GET', `/api/cases/${counterNo}`);
  expect([counter.body.centreCode, counter.body.state]).toEqual(['330302006000', 'review']);
  expect(clerk.errors).toEqual([]);
});

browserIt('an applicant with an account logs in, files, finds the case under 我的办件 and follows it live', async () => {
  const { page, errors } = await suite.page({ viewport: PHONE });
  await page.goto('/login');
  await page.getByLabel('用户名').fill('applicant');
  await page.getByLabel('密码').fill('demo1234');
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.waitForURL('**/mine');
  await page.goto('/items/330300-XK-0013/file');
  // The account's own particulars are filled in (GET /api/auth/me's profile).
  await page.getByText('已按您的账户信息填写，请核对').waitFor({ timeout: UI_MS });
  expect(await page.getByLabel('身份证号').inputValue()).toBe('330302198807151232');
  await page.getByLabel('选择收件的便民服务中心').click();
  await page.locator('.ant-cascader-menu-item', { hasText: '鹿城区' }).click();
  await page.locator('.ant-cascader-menu-item', { hasText: '五马街道' }).first().click();
  await page.locator('.ant-cascader-menu-item', { hasText: '安澜社区便民服务中心' }).click();
  await page.getByLabel('姓名').fill('孙悦');
  await page.getByLabel('身份证号').fill('330302199406061230');
  await page.getByLabel('联系电话').fill('13700002222');
  await page.getByRole('button', { name: '提交申请' }).click();
  const caseNo = (await page.getByTestId('filed-case-no').innerText()).trim();

  await page.goto('/mine');
  await page.getByTestId('my-case').filter({ hasText: caseNo }).getByRole('link').click();
  await page.locator('[data-testid="live-status"][data-status="live"]').waitFor({ timeout: UI_MS });
  expect((await suite.api.act('clerk.village', caseNo, { type: 'ACCEPT' })).status).toBe(200);
  await page.locator('[data-testid="track"][data-state="review"]').waitFor({ timeout: UI_MS });
  await screenshot(page, 'applicant-account-track-phone');
  expect(await accessibilityProblems(page)).toEqual([]);
  expect(errors).toEqual([]);
});
