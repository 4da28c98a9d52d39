/// <reference lib="dom" />
import { fakeIdNumber } from '../helpers/api';
import { accessibilityProblems, browserIt, PHONE, screenshot } from '../helpers/browser';
import { useBrowserSuite } from '../helpers/browserSuite';

/**
 * 告知承诺 in the web app (issue 11 part 4): the city market reviewer has the
 * post-check desk open on a desktop; an applicant on a phone reads the proof
 * list in the guide, files choosing “以告知承诺代替” for the premises proof,
 * reads and signs the commitment; the task arrives at the desk live; the
 * reviewer finds the commitment false with a decision number; the credit
 * record appears, is repaired; the applicant's list shows the outcome.
 */
jest.setTimeout(240_000);
const UI_MS = 30_000;
const PROOF = '经营场所使用证明';

const suite = useBrowserSuite('browser_commitments');

browserIt('a phone applicant files with a commitment; the post-check arrives at the desk live and ends in a credit record', async () => {
  // The desk is open and live before the filing: the task must arrive by push.
  const desk = await suite.staffPage('reviewer.city');
  const dp = desk.page;
  await dp.goto('/post-checks');
  await dp.getByTestId('post-checks').waitFor({ timeout: UI_MS });
  await dp.locator('[data-testid="live-status"][data-status="live"]').waitFor({ timeout: UI_MS });

  const applicant = await suite.staffPage('applicant', { viewport: PHONE });
  const ap = applicant.page;
  await ap.goto('/items/330300-XK-0013');
  await ap.locator('[data-testid="proof-list"]').getByText(PROOF).first().waitFor({ timeout: UI_MS });
  await ap.locator('[data-testid="proof-list"]').getByText('可承诺').first().waitFor({ timeout: UI_MS });
  await ap.goto('/items/330300-XK-0013/file');
  await ap.getByLabel('选择收件的便民服务中心').click();
  await ap.locator('.ant-cascader-menu-item', { hasText: '鹿城区' }).click();
  await ap.locator('.ant-cascader-menu-item', { hasText: '五马街道' }).first().click();
  await ap.locator('.ant-cascader-menu-item', { hasText: '安澜社区便民服务中心' }).click();
  await ap.getByLabel('姓名', { exact: true }).fill('承诺人张');
  await ap.getByLabel('身份证号', { exact: true }).fill(fakeIdNumber());
  await ap.getByLabel('联系电话', { exact: true }).fill('13800138000');
  await ap.getByTestId('commitment-choose').check();
  await ap.getByTestId('commitment-text').getByText('承诺人张').waitFor({ timeout: UI_MS });
  // The proof it replaces is no longer among the materials to bring.
  await expect(ap.getByLabel(PROOF, { exact: true }).isChecked()).resolves.toBe(false);
  await ap.getByRole('button', { name: '提交申请' }).click();
  await ap.getByText('选择以承诺代替证明时，请签署承诺书').waitFor({ timeout: UI_MS });
  await ap.getByTestId('commitment-sign').check();
  await screenshot(ap, 'commitment-file-phone');
  expect(await accessibilityProblems(ap)).toEqual([]);
  await ap.getByRole('button', { name: '提交申请' }).click();
  const caseNo = (await ap.getByTestId('filed-case-no').innerText({ timeout: UI_MS })).trim();

  // The task arrives at the desk by itself.
  const row = dp.locator(`[data-testid="post-check-row"][data-case-no="${caseNo}"]`);
  await row.waitFor({ timeout: UI_MS });
  await screenshot(dp, 'post-check-arrived-desk');
  await row.locator('a').click();
  await dp.locator('[data-testid="post-check"][data-state="open"]').waitFor({ timeout: UI_MS });
  await dp.getByTestId('post-check-commitment').getByText('承诺人张').waitFor({ timeout: UI_MS });
  await dp.getByTestId('post-check-outcome-type').getByText('承诺不实', { exact: true }).click();
  await dp.getByTestId('post-check-reason').fill('经实地核查，承诺的经营场所不存在');
  await dp.getByTestId('post-check-decision-no').fill('温市监核〔2026〕21号');
  expect(await accessibilityProblems(dp)).toEqual([]);
  await dp.getByTestId('post-check-submit').click();
  await dp.locator('[data-testid="post-check"][data-state="found_false"]').waitFor({ timeout: UI_MS });

  // The credit record is on the desk's list; the department repairs it.
  await dp.goto('/post-checks');
  const record = dp.locator('[data-testid="credit-record"][data-repaired="no"]', { hasText: '承诺人张' });
  await record.waitFor({ timeout: UI_MS });
  await record.getByTestId('credit-repair').click();
  await dp.getByTestId('credit-repair-reason').fill('已提交真实材料，整改完毕');
  await dp.getByRole('button', { name: '信用修复' }).last().click();
  await dp.locator('[data-testid="credit-record"][data-repaired="yes"]', { hasText: '承诺人张' }).waitFor({ timeout: UI_MS });
  await screenshot(dp, 'credit-repaired-desk');

  // The applicant's list shows the outcome.
  await ap.goto('/mine');
  await ap.locator('[data-testid="my-commitment"][data-state="found_false"]').first().waitFor({ timeout: UI_MS });
  expect(await accessibilityProblems(ap)).toEqual([]);
  expect(applicant.errors).toEqual([]);
  expect(desk.errors).toEqual([]);
});
