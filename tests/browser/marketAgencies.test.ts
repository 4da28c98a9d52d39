/// <reference lib="dom" />
import { fakeUscc } from '../helpers/api';
import { accessibilityProblems, browserIt, PHONE, screenshot } from '../helpers/browser';
import { useBrowserSuite } from '../helpers/browserSuite';

/**
 * The market's agencies in the web app (issue 12 part A): the public list on a
 * phone shows the seeded market and, watching a name, nothing yet; an agency
 * registers (入驻) through the public form on a desktop; the city centre's
 * supervisor approves it on the review screen; the phone's list shows it by
 * itself (pushed on the public market room), with its profile.
 */
jest.setTimeout(240_000);
const UI_MS = 30_000;

const suite = useBrowserSuite('browser_market_agencies');

browserIt('an agency registers, the centre approves it, the public list shows it live', async () => {
  const name = `温州浏览器测试${process.pid % 1000}工程咨询有限公司`;
  const pub = await suite.page({ viewport: PHONE });
  const pp = pub.page;
  await pp.goto('/market/agencies');
  await pp.locator('[data-testid="agency-results"][data-total="626"]').waitFor({ timeout: UI_MS });
  expect(await accessibilityProblems(pp)).toEqual([]);
  await screenshot(pp, 'market-agencies-phone');
  await pp.getByTestId('agency-q').fill(name);
  await pp.getByTestId('agency-search').click();
  await pp.locator('[data-testid="agency-results"][data-total="0"]').waitFor({ timeout: UI_MS });
  // Connected before the centre acts: the agency must then arrive by push, not by a reload.
  await pp.locator('[data-testid="live-status"][data-status="live"]').waitFor({ timeout: UI_MS });

  const reg = await suite.page();
  const rp = reg.page;
  await rp.goto('/market/register');
  await rp.getByTestId('market-register').waitFor({ timeout: UI_MS });
  await rp.getByTestId('reg-name').fill(name);
  await rp.getByTestId('reg-uscc').fill(fakeUscc());
  await rp.getByTestId('reg-legal').fill('陈建国');
  await rp.getByTestId('reg-phone').fill('0577-88886666');
  await rp.getByTestId('reg-address').fill('鹿城区人民路100号');
  // The choice counts once it is in the field (a tag): under load the list can re-render (the service items
  // arriving) between the search and the click, which then selects nothing; choose again until it holds.
  const chosen = rp.locator('.ant-select-selection-item', { hasText: '地质灾害危险性评估' });
  for (let attempt = 0; attempt < 5 && !(await chosen.isVisible()); attempt++) {
    await rp.getByLabel('服务事项').click();
    await rp.getByLabel('服务事项').fill('ZJFW001');
    await rp.locator('.ant-select-item-option', { hasText: '地质灾害危险性评估' }).click();
    await rp.keyboard.press('Escape');
    await chosen.waitFor({ timeout: 5_000 }).catch(() => undefined);
  }
  await chosen.waitFor({ timeout: UI_MS });
  await rp.getByTestId('reg-qual-name').fill('地质灾害危险性评估资质');
  await rp.getByTestId('reg-qual-level').fill('乙级');
  await rp.getByTestId('reg-qual-no').fill('DZ-2026-0001');
  await rp.getByTestId('reg-qual-issuer').fill('浙江省自然资源厅');
  // A typed date counts once the picker has taken it (Enter, panel closed, the field keeping it); a picker still
  // opening under load can drop the Enter, and the field then empties on blur: type it again until it holds.
  const expires = rp.getByLabel('有效期至');
  for (let attempt = 0; attempt < 5 && (await expires.inputValue()) !== '2030-06-30'; attempt++) {
    await expires.click();
    await rp.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)').waitFor({ timeout: UI_MS });
    await expires.fill('2030-06-30');
    await rp.keyboard.press('Enter');
    await rp.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)').waitFor({ state: 'hidden', timeout: UI_MS }).catch(() => rp.keyboard.press('Escape'));
  }
  expect(await expires.inputValue()).toBe('2030-06-30');
  await rp.getByTestId('reg-staff-name').fill('林海峰');
  await rp.getByTestId('reg-staff-title').fill('高级工程师');
  await rp.getByTestId('reg-staff-no').fill('ZY-330001');
  await rp.getByTestId('reg-username').fill(`browser${process.pid % 100000}`);
  await rp.getByTestId('reg-password').fill('demo12345');
  await rp.getByTestId('reg-submit').click();
  const done = rp.getByTestId('register-done');
  // Waits for the form's outcome, either way, so a refusal fails with the words the visitor saw.
  await rp.locator('[data-testid="register-done"], .ant-form-item-explain-error, .ant-message-error').first().waitFor({ timeout: UI_MS });
  expect(await rp.locator('.ant-form-item-explain-error, .ant-message-error').allInnerTexts()).toEqual([]);
  await done.waitFor({ timeout: UI_MS });
  const id = Number(await done.getAttribute('data-id'));
  expect(id).toBeGreaterThan(0);
  await screenshot(rp, 'market-register-done');
  expect(reg.errors).toEqual([]);

  const centre = await suite.staffPage('supervisor.city');
  const cp = centre.page;
  await cp.goto('/market/review');
  const entry = cp.locator(`[data-testid="review-entry"][data-id="${id}"]`);
  await entry.waitFor({ timeout: UI_MS });
  expect(await accessibilityProblems(cp)).toEqual([]);
  await entry.getByTestId('agency-op-APPROVE').click();
  await cp.getByTestId('agency-op-confirm').click();
  await entry.waitFor({ state: 'detached', timeout: UI_MS });
  await screenshot(cp, 'market-review-approved');
  expect(centre.errors).toEqual([]);

  // The phone's list changed by itself; the profile shows the registration's particulars.
  const row = pp.locator(`[data-testid="agency-row"][data-id="${id}"]`);
  await row.waitFor({ timeout: UI_MS });
  await row.getByRole('link', { name }).click();
  await pp.locator('[data-testid="agency-profile"][data-state="listed"]').waitFor({ timeout: UI_MS });
  await pp.getByText('地质灾害危险性评估资质').waitFor({ timeout: UI_MS });
  await pp.getByText('林海峰（高级工程师）').waitFor({ timeout: UI_MS });
  await screenshot(pp, 'market-agency-profile-phone');
  expect(pub.errors).toEqual([]);
});

browserIt('the public sees the expelled list and the 121 service items in English', async () => {
  const pub = await suite.page({ lang: 'en' });
  const pp = pub.page;
  await pp.goto('/market/service-items');
  await pp.locator('[data-testid="service-item-results"][data-total="121"]').waitFor({ timeout: UI_MS });
  await pp.goto('/market/agencies');
  await pp.getByTestId('agency-results').waitFor({ timeout: UI_MS });
  await pp.getByLabel('State').click();
  await pp.locator('.ant-select-item-option', { hasText: 'Expelled' }).click();
  await pp.getByTestId('agency-search').click();
  await pp.locator('[data-testid="agency-results"][data-total="6"]').waitFor({ timeout: UI_MS });
  await pp.locator('[data-testid="agency-row"] a').first().click();
  await pp.locator('[data-testid="agency-profile"][data-state="expelled"]').waitFor({ timeout: UI_MS });
  await pp.getByTestId('agency-credit').getByText('False result').or(pp.getByTestId('agency-credit').getByText('Late without reason')).or(pp.getByTestId('agency-credit').getByText('Fee above contract')).first().waitFor({ timeout: UI_MS });
  await screenshot(pp, 'market-expelled-profile');
  // An approval item's guide names the intermediary services it needs and who pays, linking to the agencies.
  const linked = (await suite.api.request('GET', '/api/market/service-items/ZJFW001')).body.approvalItems[0].code as string;
  await pp.goto(`/items/${linked}`);
  const card = pp.getByTestId('guide-market-services');
  await card.getByText('Commissioned and paid by the government').first().waitFor({ timeout: UI_MS });
  await card.getByRole('link', { name: 'Choose an agency' }).first().click();
  await pp.locator('[data-testid="service-item"]').getByRole('heading', { name: '地质灾害危险性评估' }).waitFor({ timeout: UI_MS });
  expect(pub.errors).toEqual([]);
});
