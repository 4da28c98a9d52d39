/// <reference lib="dom" />
import { buildCase } from '../helpers/api';
import { browserIt, screenshot } from '../helpers/browser';
import { useBrowserSuite } from '../helpers/browserSuite';

/** A return read at the desk below, an amendment made and forwarded again; a supervisor's urge pinned in the queue, answered. */
jest.setTimeout(120_000);
const UI_MS = 30_000; // a wait for a state, generous for loaded CI machines

const suite = useBrowserSuite('browser_urge');

const toCounty = async () => {
  const filed = await suite.api.file(buildCase(), 'applicant');
  for (const [who, action] of [
    ['clerk.village', { type: 'ACCEPT' }],
    ['clerk.town', { type: 'FORWARD', opinion: '初审同意' }],
  ] as const) {
    expect((await suite.api.act(who, filed.caseNo, action)).status).toBe(200);
  }
  return filed.caseNo as string;
};

browserIt('the town desk sees the county’s return on top, amends the file with a reason and forwards it again', async () => {
  const caseNo = await toCounty();
  expect((await suite.api.act('reviewer.county', caseNo, { type: 'RETURN', reason: '经营场所面积与平面图不符' })).status).toBe(200);
  const { page, errors } = await suite.staffPage('clerk.town');
  await page.goto('/desk');
  await page.locator(`[data-testid="queue-row"][data-case-no="${caseNo}"] [data-testid="returned-tag"]`).waitFor({ timeout: UI_MS });
  await page.goto(`/desk/cases/${caseNo}`);
  await expect(page.getByTestId('returned-reason').innerText({ timeout: UI_MS })).resolves.toBe('经营场所面积与平面图不符');
  await page.getByTestId('opinions-panel').waitFor({ timeout: UI_MS });

  await page.locator('[data-action="AMEND"]').click();
  const form = page.getByTestId('action-form-AMEND');
  await form.getByLabel('补充材料（每行一项）').fill('经营场所平面图（修订）');
  await form.getByLabel('补正更正理由').fill('补充修订后的平面图');
  await page.getByTestId('action-submit').click();
  await page.locator('[data-testid="checklist-item"]', { hasText: '经营场所平面图（修订）' }).waitFor({ timeout: UI_MS });
  await screenshot(page, 'desk-returned-amended');

  await page.locator('[data-action="FORWARD"]').click();
  await page.getByTestId('action-form-FORWARD').locator('textarea').fill('已核实，再报');
  await page.getByTestId('action-submit').click();
  await page.waitForURL(/\/desk$/, { timeout: UI_MS });
  const events = (await suite.api.as('supervisor.city', 'GET', `/api/cases/${caseNo}/events`)).body.events.map((e: { type: string }) => e.type);
  expect(events.slice(-3)).toEqual(['RETURN', 'AMEND', 'FORWARD']);
  expect(errors).toEqual([]);
});

browserIt('a supervisor’s urge reaches the county desk live, pinned on top, and the desk replies', async () => {
  await toCounty();
  const caseNo = await toCounty();
  const { page, errors } = await suite.staffPage('reviewer.county');
  await page.goto('/desk');
  await page.locator('[data-testid="live-status"][data-status="live"]').waitFor({ timeout: UI_MS });
  expect((await suite.api.act('supervisor.city', caseNo, { type: 'URGE', reason: '群众来电反映办理缓慢', replyBy: '2099-12-31' })).status).toBe(200);
  // Live: the queue reloads with the urged case first and tagged.
  await page.locator(`[data-testid="queue-row"][data-case-no="${caseNo}"] [data-testid="urged-tag"]`).waitFor({ timeout: UI_MS });
  await expect(page.locator('[data-testid="queue-row"]').first().getAttribute('data-case-no')).resolves.toBe(caseNo);
  await page.goto(`/desk/cases/${caseNo}`);
  await page.getByTestId('urge-banner').waitFor({ timeout: UI_MS });
  await page.locator('[data-action="URGE_REPLY"]').click();
  await page.getByTestId('action-form-URGE_REPLY').getByLabel('回复内容').fill('已完成核查，今日报送');
  await page.getByTestId('action-submit').click();
  await page.getByTestId('urge-banner').waitFor({ state: 'detached', timeout: UI_MS });
  await screenshot(page, 'desk-urge-replied');
  expect(errors).toEqual([]);
});
