/// <reference lib="dom" />
import { accessibilityProblems, browserIt } from '../helpers/browser';
import { useBrowserSuite } from '../helpers/browserSuite';

/** The log-in page lists the demo accounts in demo mode (a click fills the form), and never in production. */
jest.setTimeout(120_000);
const UI_MS = 15_000;

describe('in demo mode', () => {
  const suite = useBrowserSuite('browser_login_demo');

  browserIt('lists the demo accounts; one click fills the form and logs a clerk in', async () => {
    const { page, errors } = await suite.page();
    await page.goto('/login');
    const list = page.getByRole('region', { name: '演示账号' });
    await list.waitFor({ timeout: UI_MS });
    await expect(list.getByText('演示账号（密码均为 demo1234，点击填入）').count()).resolves.toBe(1);
    await expect(list.getByText(/clerk-<区划代码>/).count()).resolves.toBe(1);
    expect(await accessibilityProblems(page)).toEqual([]);
    await list.getByRole('button', { name: 'clerk.village' }).click();
    await expect(page.getByLabel('用户名').inputValue()).resolves.toBe('clerk.village');
    await expect(page.getByLabel('密码', { exact: true }).inputValue()).resolves.toBe('demo1234');
    await page.getByRole('button', { name: /^登\s*录$/ }).click();
    await page.waitForURL(/\/desk$/, { timeout: UI_MS });
    expect(errors).toEqual([]);
  });
});

describe('in production', () => {
  const suite = useBrowserSuite('browser_login_prod', { env: { NODE_ENV: 'production' } });

  browserIt('shows no demo account and no password anywhere on the page', async () => {
    const { page, errors } = await suite.page();
    const answered = page.waitForResponse((r) => r.url().endsWith('/api/auth/demo-accounts'));
    await page.goto('/login');
    await page.getByLabel('用户名').waitFor({ timeout: UI_MS });
    expect(await (await answered).json()).toEqual({ demoMode: false, accounts: [] });
    const text = await page.locator('body').innerText();
    expect(text).not.toMatch(/demo1234|clerk\.village|演示账号|clerk-/);
    expect(await page.content()).not.toContain('demo1234');
    expect(errors).toEqual([]);
  });
});
