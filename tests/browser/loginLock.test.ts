import { DEMO_PASSWORD } from '../../db/seed/users';
import { accessibilityProblems, browserIt, type WatchedPage } from '../helpers/browser';
import { useBrowserSuite } from '../helpers/browserSuite';

/**
 * A locked log-in says when to try again, in both languages, and locks only
 * the account guessed at: a colleague at the same centre logs in.
 */
jest.setTimeout(120_000);
const UI_MS = 15_000;

const suite = useBrowserSuite('browser_loginlock', { env: { LOGIN_MAX_FAILURES: '2', LOGIN_WINDOW_MINUTES: '15' } });

async function logIn(page: WatchedPage['page'], user: { label: string; password: string; submit: string }, username: string, password: string) {
  await page.bringToFront(); // as a user turns back to that window
  await page.getByLabel(user.label, { exact: true }).fill(username);
  await page.getByLabel(user.password, { exact: true }).fill(password);
  // Each try waits for its own answer: the alert of the try before is still on screen meanwhile.
  const answered = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/auth/login' && r.request().method() === 'POST');
  await page.getByRole('button', { name: user.submit, exact: true }).click();
  await answered;
}

browserIt('tells the user when to try again after too many failed log-ins, and lets a colleague in', async () => {
  const zh = { label: '用户名', password: '密码', submit: '登录' };
  const { page } = await suite.page();
  await page.goto('/login');
  const alert = page.getByRole('alert');
  for (let i = 0; i < 2; i++) {
    await logIn(page, zh, 'clerk.village', 'wrong-password');
    await alert.filter({ hasText: '用户名或密码不正确' }).waitFor({ timeout: UI_MS });
    // The next try must show its own answer, not the one already on screen.
    await page.getByLabel('密码', { exact: true }).fill('');
  }
  await logIn(page, zh, 'clerk.village', DEMO_PASSWORD);
  const locked = alert.filter({ hasText: '登录失败次数过多' });
  await locked.waitFor({ timeout: UI_MS });
  // A clock time and the minutes to wait (the window is 15 minutes).
  expect(await locked.innerText()).toMatch(/请在 \d{2}:\d{2}（约 1[45] 分钟后）再试/);
  expect(await accessibilityProblems(page)).toEqual([]);
  // The button is at rest again, under its own name, once the answer is shown.
  await page.getByRole('button', { name: '登录', exact: true }).waitFor({ timeout: UI_MS });
  expect(await page.getByRole('button', { name: '登录', exact: true }).isEnabled()).toBe(true);

  const en = { label: 'User name', password: 'Password', submit: 'Log in' };
  const english = await suite.page({ lang: 'en' });
  await english.page.goto('/login');
  await logIn(english.page, en, 'clerk.village', DEMO_PASSWORD);
  const lockedEn = english.page.getByRole('alert').filter({ hasText: 'Too many failed log-ins' });
  await lockedEn.waitFor({ timeout: UI_MS });
  expect(await lockedEn.innerText()).toMatch(/try again after \d{2}:\d{2} \(in about 1[45] min\)/);

  // Same address, another account: not locked.
  await logIn(page, zh, 'clerk.town', DEMO_PASSWORD);
  await page.waitForURL('**/desk', { timeout: UI_MS });
});
