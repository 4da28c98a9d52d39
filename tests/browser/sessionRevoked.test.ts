/// <reference lib="dom" />
import { DEMO } from '../../db/seed/users';
import { browserIt, openPage } from '../helpers/browser';
import { useBrowserSuite } from '../helpers/browserSuite';

/*
 * A clerk at the desk whose account an administrator changes is logged out at
 * once by the socket's auth:revoked (no request of their own needed), and the
 * log-in page says why, in the language they use.
 */
jest.setTimeout(120_000);
const UI_MS = 15_000;

const suite = useBrowserSuite('browser_revoked');

const REASON = {
  zh: '管理员更改了您的账号（密码、角色、所属区域或启用状态），您已退出登录，请重新登录',
  en: 'An administrator changed your account (password, role, placement or status): you have been logged out; log in again',
} as const;

browserIt('a password reset logs the clerk out of the open desk, with the reason, in Chinese and in English', async () => {
  for (const lang of ['zh', 'en'] as const) {
    const username = `revoked.${lang}`;
    const made = await suite.api.as('admin', 'POST', '/api/users', { username, displayName: `窗口${lang}`, password: 'first-pass-123', role: 'clerk', jurisdictionCode: DEMO.villageCode });
    expect(made.status).toBe(201);
    const login = await suite.api.request('POST', '/api/auth/login', { body: { username, password: 'first-pass-123' } });
    const { page, context, errors } = await openPage(suite.browser, suite.srv.url, { lang, session: { token: login.body.token, user: login.body.user } });
    try {
      await page.goto('/desk');
      await page.locator('[data-testid="live-status"][data-status="live"]').waitFor({ timeout: UI_MS });

      expect((await suite.api.as('admin', 'PATCH', `/api/users/${made.body.id}`, { password: 'second-pass-456' })).status).toBe(200);
      await page.getByRole('alert').filter({ hasText: REASON[lang] }).waitFor({ timeout: UI_MS });
      expect(new URL(page.url()).pathname).toBe('/login');
      expect(await page.evaluate(() => localStorage.getItem('approval.session'))).toBeNull();
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }
});
