/// <reference lib="dom" />
import { buildCase } from '../helpers/api';
import { browserIt } from '../helpers/browser';
import { useBrowserSuite } from '../helpers/browserSuite';

/*
 * The desk by keyboard: each action keeps its letter whatever else is on offer (client/src/pages/desk/
 * actionKeys.ts). At the city's decision Y means 准予许可 and D 不予许可 before the one extension and after
 * it, though the extension itself leaves the list; letters typed in a field stay in the field.
 */
jest.setTimeout(120_000);
const UI_MS = 15_000;

const suite = useBrowserSuite('browser_keys');

/** A case at the city's decision: accepted at the village, forwarded by the town and the county. */
async function atDecision(): Promise<string> {
  const { caseNo } = await suite.api.file(buildCase());
  for (const [user, action] of [
    ['clerk.village', { type: 'ACCEPT' }],
    ['clerk.town', { type: 'FORWARD', opinion: '初审同意' }],
    ['reviewer.county', { type: 'FORWARD', opinion: '审查同意' }],
  ] as const) {
    const res = await suite.api.act(user, caseNo, action);
    if (res.status !== 200) throw new Error(`${action.type}: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return caseNo;
}

browserIt('a key picks the same action before and after an extension, and does nothing while typing', async () => {
  const caseNo = await atDecision();
  const { page, errors } = await suite.staffPage('reviewer.city');
  await page.goto(`/desk/cases/${caseNo}`);
  await page.locator('[data-action="EXTEND"]').waitFor({ timeout: UI_MS });
  // Each button shows its letter and names it to assistive technology.
  await expect(page.locator('[data-action="APPROVE"]').getAttribute('aria-keyshortcuts')).resolves.toBe('Y');
  await expect(page.locator('[data-action="DENY"]').getAttribute('aria-keyshortcuts')).resolves.toBe('D');
  await expect(page.locator('[data-action="EXTEND"]').getAttribute('aria-keyshortcuts')).resolves.toBe('X');

  // A key opens its action's form, which takes the cursor; Esc in the form closes it.
  const pick = async (key: string, type: string) => {
    await page.keyboard.press(key);
    await page.getByTestId(`action-form-${type}`).locator('textarea').first().and(page.locator(':focus')).waitFor({ timeout: UI_MS });
  };
  const cancel = async (type: string) => {
    await page.keyboard.press('Escape');
    await page.getByTestId(`action-form-${type}`).waitFor({ state: 'detached', timeout: UI_MS });
  };
  await pick('y', 'APPROVE');
  await cancel('APPROVE');

  // Extend by keyboard: X, type the reason (its letters, Y and D among them, stay in the field), Ctrl+Enter.
  await pick('x', 'EXTEND');
  await page.keyboard.type('Yard survey delayed 现场核查需延期');
  await expect(page.getByTestId('action-form-EXTEND').locator('textarea').inputValue()).resolves.toBe('Yard survey delayed 现场核查需延期');
  await expect(page.locator('[data-testid^="action-form-"]').count()).resolves.toBe(1);
  await page.keyboard.press('Control+Enter');
  // Extended once: EXTEND is gone from the list, the others moved up, and their letters did not.
  await page.locator('[data-action="EXTEND"]').waitFor({ state: 'detached', timeout: UI_MS });
  await page.getByTestId('action-form-EXTEND').waitFor({ state: 'detached', timeout: UI_MS });
  await pick('Y', 'APPROVE'); // Shift or Caps Lock does not matter
  await cancel('APPROVE');
  await pick('d', 'DENY');
  await cancel('DENY');
  // The number keys mean nothing now: 4 was 准予许可 before an extension and 不予许可 after it.
  await page.keyboard.press('4');
  await expect(page.locator('[data-testid^="action-form-"]').count()).resolves.toBe(0);
  expect(new URL(page.url()).pathname).toBe(`/desk/cases/${caseNo}`);

  // The server agrees on what happened: one extension, no decision.
  const c = await suite.api.as('reviewer.city', 'GET', `/api/cases/${caseNo}`);
  expect(c.body.state).toBe('decision');
  expect(c.body.actions).toEqual(expect.arrayContaining(['APPROVE', 'DENY']));
  expect(c.body.actions).not.toContain('EXTEND');
  expect(errors).toEqual([]);
});
