/// <reference lib="dom" />
import { accessibilityProblems, browserIt, PHONE, screenshot } from '../helpers/browser';
import { useBrowserSuite } from '../helpers/browserSuite';
import { buildProject } from '../helpers/proxyFactories';

/**
 * Free proxy service in the web app (issue 13): the owner asks for it on a
 * desktop from a project's link and signs the entrustment; the county
 * centre's dispatcher dispatches by the rule; the agent on a phone sees it
 * arrive live on the workbench and declines; the order goes by itself to
 * `agent2`, whose phone workbench shows it live; agent2 accepts; the owner's
 * page shows the agent live; the public agents' list and the supervisors'
 * figures (2015: 2,050 completed).
 */
jest.setTimeout(240_000);
const UI_MS = 30_000;

const suite = useBrowserSuite('browser_proxy_orders');

browserIt('an owner asks and signs, the centre dispatches, the agent declines on a phone, the next agent accepts: every page moves live', async () => {
  const project = await buildProject(suite.srv.ctx.db.knex);
  // The agent's phone workbench, open (and live) before the owner asks.
  const agent = await suite.staffPage('agent', { viewport: PHONE });
  await agent.page.goto('/proxy/workbench');
  await agent.page.locator('[data-testid="live-status"][data-status="live"]').waitFor({ timeout: UI_MS });
  const agent2 = await suite.staffPage('agent2', { viewport: PHONE });
  await agent2.page.goto('/proxy/workbench');
  await agent2.page.locator('[data-testid="live-status"][data-status="live"]').waitFor({ timeout: UI_MS });
  const owner = await suite.staffPage('applicant');
  const op = owner.page;
  await op.goto('/');
  await op.locator('.app-header').getByText('免费代办').first().click();
  await op.getByTestId('proxy-home').waitFor({ timeout: UI_MS });
  await op.goto(`/proxy/new?project=${project.code}`);
  await op.getByTestId('proxy-new-request').fill('请代办立项用地规划许可阶段');
  await op.getByTestId('proxy-new-phone').fill('13857700001');
  await op.getByText('环节帮办').first().click();
  await op.getByTestId('proxy-new-preview').click();
  await op.getByTestId('proxy-entrustment').getByText('代办服务委托书').first().waitFor({ timeout: UI_MS });
  await op.getByTestId('proxy-new-sign').fill('张伟');
  await op.getByTestId('proxy-new-consent').check();
  expect(await accessibilityProblems(op)).toEqual([]);
  await op.getByTestId('proxy-new-sign-submit').click();
  await op.locator('[data-testid="proxy-order"][data-state="requested"]').waitFor({ timeout: UI_MS });
  const orderNo = new URL(op.url()).pathname.split('/').pop()!;
  await op.locator('[data-testid="live-status"][data-status="live"]').waitFor({ timeout: UI_MS });
  await screenshot(op, 'proxy-requested');

  // The request reached the pool on the agents' phones by itself.
  await agent2.page.locator(`[data-testid="proxy-pool"] [data-order="${orderNo}"]`).waitFor({ timeout: UI_MS });

  // The county centre's dispatch desk: the rule shown, the order in the pool, dispatched by the rule.
  const centre = await suite.staffPage('clerk.county');
  const cp = centre.page;
  await cp.goto('/proxy/dispatch');
  await cp.getByTestId('proxy-rule').waitFor({ timeout: UI_MS });
  await cp.locator(`[data-testid="proxy-dispatch-pool"] [data-order="${orderNo}"] [data-testid="proxy-action-dispatch"]`).click();
  await cp.locator(`[data-testid="proxy-dispatch-waiting"] [data-order="${orderNo}"] [data-testid="proxy-countdown"]`).waitFor({ timeout: UI_MS });
  expect(await accessibilityProblems(cp)).toEqual([]);
  await screenshot(cp, 'proxy-dispatch-desk');

  // It arrives on the agent's phone by itself, with its deadline; the agent declines with a reason.
  const card = agent.page.locator(`[data-testid="proxy-to-answer"] [data-order="${orderNo}"]`);
  await card.getByTestId('proxy-countdown').waitFor({ timeout: UI_MS });
  expect(await accessibilityProblems(agent.page)).toEqual([]);
  await screenshot(agent.page, 'proxy-workbench-phone');
  await card.getByTestId('proxy-action-decline').click();
  await agent.page.getByTestId('proxy-form-reason').fill('本周在外培训，申请改派');
  await agent.page.getByTestId('proxy-action-submit').click();
  await agent.page.locator(`[data-testid="proxy-to-answer"] [data-order="${orderNo}"]`).waitFor({ state: 'detached', timeout: UI_MS });

  // Redispatched by the rule to agent2, whose phone shows it live; agent2 accepts.
  const card2 = agent2.page.locator(`[data-testid="proxy-to-answer"] [data-order="${orderNo}"]`);
  await card2.waitFor({ timeout: UI_MS });
  await card2.getByTestId('proxy-action-accept').click();
  await agent2.page.locator(`[data-testid="proxy-in-service"] [data-order="${orderNo}"]`).waitFor({ timeout: UI_MS });
  await agent2.page.locator('[data-testid="proxy-projects"]').getByText(project.code).waitFor({ timeout: UI_MS });
  // The dispatch desk followed by itself: the order no longer waits for an answer.
  await cp.locator(`[data-testid="proxy-dispatch-waiting"] [data-order="${orderNo}"]`).waitFor({ state: 'detached', timeout: UI_MS });

  // The owner's page moved by itself: in service, agent2 named, the decline in the offers.
  await op.locator('[data-testid="proxy-order"][data-state="in_service"]').waitFor({ timeout: UI_MS });
  await op.getByTestId('proxy-agent').getByText('林晓雯').waitFor({ timeout: UI_MS });
  await op.locator('[data-testid="proxy-offer"][data-answer="declined"]').waitFor({ timeout: UI_MS });
  expect(await accessibilityProblems(op)).toEqual([]);
  await screenshot(op, 'proxy-in-service');
  for (const p of [owner, agent, agent2, centre]) expect(p.errors).toEqual([]);
});

browserIt('the public list of agents and the supervisors’ figures of 2015', async () => {
  const pub = await suite.page({ viewport: PHONE });
  await pub.page.goto('/proxy/agents');
  await pub.page.getByTestId('proxy-agent-row').first().waitFor({ timeout: UI_MS });
  expect(await pub.page.getByTestId('proxy-agent-row').count()).toBe(38);
  const sup = await suite.staffPage('supervisor.city');
  await sup.page.goto('/proxy/supervision');
  await sup.page.getByTestId('proxy-supervision').getByText('2,050').first().waitFor({ timeout: UI_MS });
  expect(await accessibilityProblems(sup.page)).toEqual([]);
  await screenshot(sup.page, 'proxy-supervision');
  expect(pub.errors).toEqual([]);
  expect(sup.errors).toEqual([]);
});
