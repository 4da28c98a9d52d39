import type { Browser } from 'playwright-core';
import { DEMO_PASSWORD } from '../../db/seed/users';
import { Api } from './api';
import { DESKTOP, launchBrowser, openPage, takeCspViolations, type WatchedPage } from './browser';
import { startLiveServer } from './sockets';
import type { TestServer } from './testServer';

type Viewport = { width: number; height: number };

export interface BrowserSuite {
  readonly srv: TestServer;
  readonly api: Api;
  readonly browser: Browser;
  /** A fresh browser context, as an applicant without an account. */
  page(opts?: { viewport?: Viewport; lang?: 'zh' | 'en' }): Promise<WatchedPage>;
  /** A fresh browser context, logged in as a demo user (the session the log-in page would store). */
  staffPage(username: string, opts?: { viewport?: Viewport; lang?: 'zh' | 'en' }): Promise<WatchedPage>;
}

/**
 * One private live server and one Chromium for a browser test file, set up in
 * beforeAll and closed in afterAll. Use inside `browserIt` only: without
 * Chromium there is no browser to hand out.
 */
export function useBrowserSuite(tag: string, opts: { now?: () => Date; env?: Record<string, string> } = {}): BrowserSuite {
  let srv: TestServer | undefined;
  let api: Api | undefined;
  let browser: Browser | null = null;
  beforeAll(async () => {
    srv = await startLiveServer(tag, opts);
    api = new Api(srv.url);
    browser = await launchBrowser();
  });
  // The web app must run under the server's Content-Security-Policy: any refusal fails the test that caused it.
  beforeEach(() => void takeCspViolations());
  afterEach(() => expect(takeCspViolations()).toEqual([]));
  afterAll(async () => {
    await browser?.close();
    await srv?.close();
  });
  const need = <T>(v: T | null | undefined, what: string): T => {
    if (!v) throw new Error(`${what} is not ready: use the suite inside browserIt, after beforeAll`);
    return v;
  };
  const suite: BrowserSuite = {
    get srv() {
      return need(srv, 'the server');
    },
    get api() {
      return need(api, 'the API client');
    },
    get browser() {
      return need(browser, 'Chromium');
    },
    page: (opts = {}) => openPage(suite.browser, suite.srv.url, { viewport: opts.viewport ?? DESKTOP, lang: opts.lang }),
    async staffPage(username, opts = {}) {
      const login = await suite.api.request('POST', '/api/auth/login', { body: { username, password: DEMO_PASSWORD } });
      if (login.status !== 200) throw new Error(`log-in of ${username} failed: ${login.status}`);
      return openPage(suite.browser, suite.srv.url, { viewport: opts.viewport ?? DESKTOP, lang: opts.lang, session: { token: login.body.token, user: login.body.user } });
    },
  };
  return suite;
}
