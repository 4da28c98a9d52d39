/// <reference lib="dom" />
import { fakeIdNumber, fakeUscc } from '../helpers/api';
import { accessibilityProblems, browserIt, PHONE, screenshot } from '../helpers/browser';
import { useBrowserSuite } from '../helpers/browserSuite';

/** Legal persons and agents on a phone, and a clerk's counter filing that accepts in the same step. */
jest.setTimeout(120_000);
const UI_MS = 15_000;

const suite = useBrowserSuite('browser_company');

browserIt('a company files 药品零售企业许可 through an agent on a phone; wrong check characters are caught in the form', async () => {
  const { page, errors } = await suite.page({ viewport: PHONE });
  await page.goto('/items/330300-XK-0013');
  await page.getByText('法人/其他组织').first().waitFor({ timeout: UI_MS }); // the guide says who may apply
  await page.goto('/items/330300-XK-0013/file');
  await page.getByLabel('选择收件的便民服务中心').click();
  await page.locator('.ant-cascader-menu-item', { hasText: '鹿城区' }).click();
  await page.locator('.ant-cascader-menu-item', { hasText: '五马街道' }).first().click();
  await page.locator('.ant-cascader-menu-item', { hasText: '安澜社区便民服务中心' }).click();
  await page.getByTestId('applicant-type-organisation').click();
  const uscc = fakeUscc();
  const agentId = fakeIdNumber();
  await page.getByLabel('单位名称').fill('温州市鹿城区安澜大药房有限公司');
  await page.getByLabel('统一社会信用代码').fill(uscc.slice(0, 17) + (uscc[17] === '0' ? '1' : '0'));
  await page.getByLabel('法定代表人').fill('李建华');
  await page.getByLabel('联系电话', { exact: true }).fill('0577-88001234');
  await page.getByLabel('委托代理人办理').check();
  await page.getByLabel('代理人姓名').fill('王代办');
  await page.getByLabel('代理人身份证号').fill(`${agentId.slice(0, 17)}${agentId[17] === '0' ? '1' : '0'}`);
  await page.getByLabel('代理人联系电话').fill('13900001111');
  await page.getByRole('button', { name: '提交申请' }).click();
  // Both numbers are refused by their check characters before anything is sent.
  await page.getByText('请输入有效的 18 位统一社会信用代码（校验位有误）').waitFor({ timeout: UI_MS });
  await page.getByText('请输入有效的 18 位身份证号码（校验位或出生日期有误）').waitFor({ timeout: UI_MS });
  await page.getByLabel('统一社会信用代码').fill(uscc.toLowerCase());
  await page.getByLabel('代理人身份证号').fill(agentId);
  // Ticking the agent ticked the power of attorney among the materials.
  await expect(page.getByLabel('授权委托书及受托人身份证明').isChecked()).resolves.toBe(true);
  await screenshot(page, 'applicant-file-company-phone');
  expect(await accessibilityProblems(page)).toEqual([]);
  await page.getByRole('button', { name: '提交申请' }).click();
  const caseNo = (await page.getByTestId('filed-case-no').innerText({ timeout: UI_MS })).trim();

  const filed = await suite.api.as('supervisor.city', 'GET', `/api/cases/${caseNo}`);
  expect(filed.body.applicant).toMatchObject({ type: 'organisation', name: '温州市鹿城区安澜大药房有限公司', uscc, legalRepresentative: '李建华', idNumber: null });
  expect(filed.body.agent.name).toBe('王代办');
  expect(filed.body.materials).toContain('授权委托书及受托人身份证明');
  expect(errors).toEqual([]);
});

browserIt('a clerk files for a walk-in applicant at the counter and accepts in the same step', async () => {
  const { page, errors } = await suite.staffPage('clerk.village');
  await page.goto('/desk');
  await page.getByRole('button', { name: '窗口收件' }).click();
  await page.waitForURL('**/desk/counter');
  await page.getByLabel('办理事项').fill('药品零售企业许可（单体药店·新办）');
  await page.locator('.ant-select-item-option', { hasText: '药品零售企业许可（单体药店·新办）' }).click({ timeout: UI_MS });
  const idNumber = fakeIdNumber();
  await page.getByLabel('申请人姓名').fill('窗口张');
  await page.getByLabel('申请人身份证号').fill(`${idNumber.slice(0, 17)}${idNumber[17] === '0' ? '1' : '0'}`);
  await page.getByLabel('申请人联系电话').fill('13811112222');
  await page.getByRole('button', { name: '收件并受理' }).click();
  await page.getByText('请输入有效的 18 位身份证号码（校验位或出生日期有误）').waitFor({ timeout: UI_MS });
  await page.getByText('收件前请核验身份证件').waitFor({ timeout: UI_MS });
  await page.getByLabel('申请人身份证号').fill(idNumber);
  await page.getByLabel('已当面核验申请人（及代理人）的身份证件原件').check();
  await screenshot(page, 'clerk-counter-desktop');
  expect(await accessibilityProblems(page)).toEqual([]);
  await page.getByRole('button', { name: '收件并受理' }).click();
  const caseNo = (await page.getByTestId('counter-case-no').innerText({ timeout: UI_MS })).trim();

  const events = await suite.api.as('clerk.village', 'GET', `/api/cases/${caseNo}/events`);
  expect(events.body.events.map((e: { type: string }) => e.type)).toEqual(['SUBMIT', 'ACCEPT']);
  const c = await suite.api.as('clerk.village', 'GET', `/api/cases/${caseNo}`);
  // Accepted: the case has moved on to the town's review, so the village desk now sees the number masked.
  expect([c.body.state, c.body.applicant.name, c.body.applicant.idNumber, c.body.centreCode]).toEqual(['review', '窗口张', `${idNumber.slice(0, 3)}${'*'.repeat(11)}${idNumber.slice(-4)}`, '330302006001']);
  await page.getByRole('button', { name: '打开办件' }).click();
  await page.getByTestId('case-desk').waitFor({ timeout: UI_MS });
  expect(errors).toEqual([]);
});
