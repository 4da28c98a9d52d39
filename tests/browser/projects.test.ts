/// <reference lib="dom" />
import { accessibilityProblems, browserIt, PHONE, screenshot } from '../helpers/browser';
import { useBrowserSuite } from '../helpers/browserSuite';
import { fakeUscc } from '../helpers/api';
import { pdfBytes } from '../helpers/files';
import { actAsAgentFor, approveToEnd, registerProjectVia } from '../helpers/projectFactories';

/**
 * Investment projects in the web app (issue 13), as an investor's company on
 * a desktop: register a project from the one menu entry and get its code;
 * upload the stage's material once; start stage 1 so that its two items file
 * at once; watch the cases move at their levels and the stage complete live
 * while the desks work them; declare and end a wait. A county supervisor
 * finds the project in the searchable list.
 */
jest.setTimeout(240_000);
const UI_MS = 30_000;

const suite = useBrowserSuite('browser_projects');

browserIt('an investor registers a project, starts stage 1 with one upload, and sees its parallel cases move and the stage complete live', async () => {
  const investor = await suite.staffPage('investor');
  const p = investor.page;
  await p.goto('/');
  await p.locator('.app-header').getByText('投资项目').first().click();
  await p.getByTestId('projects-page').waitFor({ timeout: UI_MS });
  await p.getByTestId('projects-register').click();
  await p.getByTestId('project-register-page').waitFor({ timeout: UI_MS });
  await p.getByTestId('project-uscc').fill(fakeUscc());
  await p.getByTestId('project-legal-rep').fill('陈瓯越');
  await p.getByTestId('project-phone').fill('13957700001');
  await p.getByTestId('project-name').fill('瓯越科创园');
  await p.getByTestId('project-place').click();
  await p.locator('.ant-cascader-menu-item').getByText('鹿城区', { exact: true }).click();
  await p.locator('.ant-cascader-menu-item').getByText('五马街道', { exact: true }).click();
  await p.getByTestId('project-location').fill('鹿城区五马街道解放街1号');
  await p.getByTestId('project-industry').click();
  await p.locator('.ant-select-item-option').getByText('70 房地产业').click();
  await p.getByTestId('project-investment').fill('52000');
  expect(await accessibilityProblems(p)).toEqual([]);
  await p.getByTestId('project-submit').click();
  await p.locator('[data-testid="project-page"][data-state="coded"]').waitFor({ timeout: UI_MS });
  const code = (await p.getByTestId('project-code').textContent())!;
  expect(code).toMatch(/^\d{4}-330302-70-03-\d{6}$/);

  // One set of materials, uploaded once to the stage.
  await p.getByTestId('project-material').fill('项目申请书');
  await p.getByTestId('project-file').setInputFiles({ name: '项目申请书.pdf', mimeType: 'application/pdf', buffer: pdfBytes('项目申请书') });
  await p.getByTestId('project-stage-file').first().waitFor({ timeout: UI_MS });
  await p.getByTestId('project-description').fill('瓯越科创园立项用地规划许可');
  await p.getByTestId('project-start-submit').click();
  await p.locator('[data-testid="project-page"][data-state="in_stage"]').waitFor({ timeout: UI_MS });
  const rows = p.locator('[data-testid="project-stage"][data-stage="1"] [data-testid="project-case"]');
  await expect(rows.count()).resolves.toBe(2);
  const cases = await rows.evaluateAll((trs) => trs.map((tr) => ({ caseNo: tr.getAttribute('data-case')!, level: tr.getAttribute('data-level')! })));
  expect(cases.map((c) => c.level).sort()).toEqual(['city', 'county']);
  expect(await accessibilityProblems(p)).toEqual([]);
  await screenshot(p, 'project-stage-started');

  // The desks work the two cases; the owner's page follows by itself.
  const county = cases.find((c) => c.level === 'county')!;
  const city = cases.find((c) => c.level === 'city')!;
  await approveToEnd(suite.api, county.caseNo, '330302000000', 'drc');
  await p.locator(`[data-testid="project-case"][data-case="${county.caseNo}"][data-state="completed"]`).waitFor({ timeout: UI_MS });
  await expect(p.locator('[data-testid="project-stage"][data-stage="1"]').getAttribute('data-state')).resolves.toBe('in_progress');
  await approveToEnd(suite.api, city.caseNo, '330300000000', 'resources');
  await p.locator('[data-testid="project-stage"][data-stage="1"][data-state="completed"]').waitFor({ timeout: UI_MS });
  await p.locator('[data-testid="project-page"][data-state="coded"]').waitFor({ timeout: UI_MS });

  // A wait the owner declares (an intermediary it hired), then ends.
  await p.getByTestId('project-wait-note').fill('业主自行委托地质勘察');
  await p.getByTestId('project-wait-declare').click();
  await p.locator('[data-testid="project-wait"][data-open="true"]').waitFor({ timeout: UI_MS });
  await p.getByTestId('project-wait-end').click();
  await p.locator('[data-testid="project-wait"][data-open="false"]').waitFor({ timeout: UI_MS });
  await screenshot(p, 'project-stage-completed');
  expect(investor.errors).toEqual([]);

  // The county's supervisor finds it in the searchable list of the jurisdiction; the menu fits the desktop.
  const sup = await suite.staffPage('supervisor.county');
  await sup.page.goto('/projects');
  await sup.page.getByTestId('projects-search').locator('input').fill('瓯越科创园');
  await sup.page.getByTestId('projects-search').locator('input').press('Enter');
  await sup.page.locator(`[data-testid="project-row"][data-code="${code}"]`).waitFor({ timeout: UI_MS });
  await expect(sup.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).resolves.toBe(true);
  expect(sup.errors).toEqual([]);
});

browserIt('the agent acting for the owner opens the project on a phone, sees its cases, and declares a wait for the owner', async () => {
  const { project } = await registerProjectVia(suite.api, { name: '瓯越代办手机项目' });
  const started = await suite.api.as('investor', 'POST', `/api/projects/${project.code}/stages/1/start`, { description: '立项' });
  expect(started.status).toBe(201);
  const { orderNo } = await actAsAgentFor(suite.srv.ctx.db.knex, project.code);
  const agent = await suite.staffPage('agent', { viewport: PHONE });
  const p = agent.page;
  await p.goto('/projects');
  await p.locator(`[data-testid="project-row"][data-code="${project.code}"] a`).click();
  await p.locator('[data-testid="project-page"][data-state="in_stage"]').waitFor({ timeout: UI_MS });
  await expect(p.locator('[data-testid="project-case"]').count()).resolves.toBe(2);
  await expect(p.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(PHONE.width);
  await p.getByTestId('project-wait-note').fill('业主准备环评材料');
  await p.getByTestId('project-wait-declare').click();
  await p.locator('[data-testid="project-wait"][data-open="true"]').waitFor({ timeout: UI_MS });
  await p.getByText(`代办单 ${orderNo}`).first().waitFor({ timeout: UI_MS });
  expect(await accessibilityProblems(p)).toEqual([]);
  await screenshot(p, 'project-agent-phone');
  expect(agent.errors).toEqual([]);
});
