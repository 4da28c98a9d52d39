/// <reference lib="dom" />
import { accessibilityProblems, browserIt, PHONE, screenshot } from '../helpers/browser';
import { useBrowserSuite } from '../helpers/browserSuite';
import { buildCase, DEMO } from '../helpers/api';
import { insertProject, tieCase, userId } from '../helpers/projectClockFactories';
import { ProjectClockPass } from '../../server/projects/projectClockPass';

/**
 * The supervisor's project board on a desktop and a project's timeline, on a
 * real project whose case was filed and moved over HTTP on a clock the test
 * sets (10:00 in China each day; figures counted by hand in
 * tests/integration/projectClock.test.ts): filed Mon 2024-09-23, materials asked
 * 09-25, supplied 10-09, accepted 10-10, forwarded to the county 10-11; on 10-25
 * the whole clock reads 18 days, the approval clock 15 working days.
 */
jest.setTimeout(240_000);
const UI_MS = 30_000;
let now = new Date('2024-09-23T02:00:00Z');
const on = (date: string) => void (now = new Date(`${date}T02:00:00Z`));

const suite = useBrowserSuite('browser_project_board', { now: () => now });

browserIt('the supervisor finds the project on the board and opens its timeline; the owner reads it on a phone', async () => {
  const db = suite.srv.ctx.db.knex;
  const api = suite.api;
  const project = await insertProject(db, { jurisdictionCode: DEMO.townCode, ownerUserId: await userId(db, 'applicant'), codedOn: '2024-09-20', name: '瓯江口标准厂房项目' });
  on('2024-09-23');
  const a = await api.file(buildCase({ itemCode: DEMO.countyItemCode }));
  await tieCase(db, project.id, 1, a.caseNo);
  on('2024-09-25');
  expect((await api.act('clerk.village', a.caseNo, { type: 'REQUEST_MATERIALS', missing: ['营业执照'] })).status).toBe(200);
  on('2024-10-09');
  expect((await api.request('POST', `/api/cases/${a.caseNo}/actions`, { body: { type: 'SUPPLY_MATERIALS', materials: ['营业执照'] }, headers: { 'x-query-code': a.queryCode } })).status).toBe(200);
  on('2024-10-10');
  expect((await api.act('clerk.village', a.caseNo, { type: 'ACCEPT' })).status).toBe(200);
  on('2024-10-11');
  expect((await api.act('clerk.town', a.caseNo, { type: 'FORWARD', opinion: '初审同意，报区局' })).status).toBe(200);
  on('2024-10-25');

  const sup = await suite.staffPage('supervisor.county');
  const p = sup.page;
  await p.goto('/projects/board');
  const row = p.locator(`[data-testid="board-project"][data-code="${project.code}"]`);
  await row.waitFor({ timeout: UI_MS });
  await p.locator('[data-testid="live-status"][data-status="live"]').waitFor({ timeout: UI_MS });
  await row.getByTestId('whole-days').getByText('18 / 100').waitFor({ timeout: UI_MS });
  await row.getByText('15 / 30').waitFor({ timeout: UI_MS });
  await p.getByTestId('slowest-desks').getByText('鹿城区', { exact: false }).first().waitFor({ timeout: UI_MS });
  expect(await accessibilityProblems(p)).toEqual([]);
  await screenshot(p, 'project-board-desktop');

  // Ten days on, with no change of the project, the clock pass finds its stored clocks stale and sends the
  // project's CLOCK command; its event reaches the supervision room through the real outbox and publisher, and
  // the board reloads by itself: 28 days.
  on('2024-11-04');
  expect(await new ProjectClockPass(suite.srv.ctx).tick()).toBeGreaterThanOrEqual(1);
  const clocked = await db('aggregate_events').where({ aggregate: 'project', aggregate_id: project.id, type: 'CLOCK' }).count({ n: '*' }).first();
  expect(Number(clocked?.n)).toBe(1);
  await row.getByTestId('whole-days').getByText('28 / 100').waitFor({ timeout: UI_MS });
  on('2024-10-25'); // back to 10-25 for the figures below

  await row.getByRole('link', { name: '瓯江口标准厂房项目' }).click();
  await p.locator('[data-testid="gauge-whole"][data-counted="18"][data-light="green"]').waitFor({ timeout: UI_MS });
  await p.locator('[data-testid="gauge-approval"][data-counted="15"]').waitFor({ timeout: UI_MS });
  const segments = p.getByTestId('timeline-segment');
  expect(await segments.evaluateAll((els) => els.map((e) => `${e.getAttribute('data-kind')}:${e.getAttribute('data-counted')}`))).toEqual([
    'government_approval:true', 'owner_preparation:false', 'government_approval:true',
  ]);
  await p.getByTestId('longest-desk').getByText('鹿城区 · 市场监督管理局，14 天', { exact: false }).waitFor({ timeout: UI_MS });
  expect(await p.getByTestId('interval-desk').allTextContents()).toEqual(['安澜社区', '安澜社区', '安澜社区', '五马街道', '鹿城区 · 市场监督管理局']);
  expect(await accessibilityProblems(p)).toEqual([]);
  await screenshot(p, 'project-clock-desktop');

  const owner = await suite.staffPage('applicant', { viewport: PHONE, lang: 'en' });
  await owner.page.goto(`/projects/board/${project.code}`);
  await owner.page.getByTestId('gauge-whole').getByText('18 / 100 calendar days').waitFor({ timeout: UI_MS });
  await owner.page.getByText('Owner’s own preparation').first().waitFor({ timeout: UI_MS });
  expect(await owner.page.getByTestId('interval-desk').last().textContent()).toMatch(/Lucheng/);
  expect(await accessibilityProblems(owner.page)).toEqual([]);
  await screenshot(owner.page, 'project-clock-phone');
  expect(sup.errors).toEqual([]);
  expect(owner.errors).toEqual([]);
});
