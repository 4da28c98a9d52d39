/// <reference lib="dom" />
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { WEB_APP_DIR } from '../../server/http/webApp';
import type { UserView } from '../../client/src/api/types';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium';

export const SCREENSHOTS = path.resolve(__dirname, '../screenshots');

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1440, height: 900 };

const hasChromium = fs.existsSync(CHROMIUM);
const NO_CHROMIUM = `Chromium is not at ${CHROMIUM}: the browser tests of the web app`;
if (!hasChromium) {
  console.warn(
    process.env.REQUIRE_BROWSER
      ? `${NO_CHROMIUM} FAIL, because REQUIRE_BROWSER is set`
      : `${NO_CHROMIUM} are SKIPPED (apt-get install chromium fonts-wqy-microhei, or set CHROMIUM_PATH, to run them)`,
  );
}

/** A browser test: runs with Chromium; fails without it when REQUIRE_BROWSER is set (CI), else skipped loudly. */
export function browserIt(name: string, fn: () => Promise<void>, timeout?: number): void {
  if (hasChromium) it(name, fn, timeout);
  else if (process.env.REQUIRE_BROWSER) {
    it(name, () => {
      throw new Error(`${NO_CHROMIUM} cannot run, and REQUIRE_BROWSER is set: install chromium`);
    });
  } else it.skip(`${name} [skipped: no Chromium]`, fn);
}

export async function launchBrowser(): Promise<Browser | null> {
  if (!hasChromium) return null;
  if (!fs.existsSync(path.join(WEB_APP_DIR, 'index.html'))) {
    throw new Error('The web app is not built: run `npm run build` first (npm test does it)');
  }
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** A page that records every console error and uncaught exception, so a test can insist there are none. */
export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  errors: string[];
  /** Everything the server's Content-Security-Policy refused on this page (also in `errors`). */
  cspViolations: string[];
}

/**
 * Every CSP violation of every page opened since the last call, emptied by
 * it: useBrowserSuite fails each test that caused one, whether or not the
 * test looks at its page's errors.
 */
const allCspViolations: string[] = [];
export function takeCspViolations(): string[] {
  return allCspViolations.splice(0);
}

export async function openPage(browser: Browser, baseURL: string, opts: { viewport?: { width: number; height: number }; session?: { token: string; user: UserView }; lang?: 'zh' | 'en' } = {}): Promise<WatchedPage> {
  const context = await browser.newContext({ baseURL, viewport: opts.viewport ?? DESKTOP, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const init: Record<string, string> = {};
  if (opts.session) init['approval.session'] = JSON.stringify(opts.session);
  if (opts.lang) init['approval.lang'] = opts.lang;
  if (Object.keys(init).length) {
    await context.addInitScript((entries: Record<string, string>) => {
      // The app's own document only: init scripts run in every frame, and a previewed file's frame is sandboxed
      // (no storage: localStorage is null there, and reading it would be this script's error, not the app's).
      if (window.top !== window) return;
      for (const [k, v] of Object.entries(entries)) if (localStorage.getItem(k) === null) localStorage.setItem(k, v);
    }, init);
  }
  const errors: string[] = [];
  const cspViolations: string[] = [];
  // The page reports each violation of the Content-Security-Policy as it happens.
  await context.exposeBinding('__cspViolation', (_source, text: string) => {
    cspViolations.push(text);
    allCspViolations.push(text);
    errors.push(`CSP violation: ${text}`);
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __cspViolation: (text: string) => void }).__cspViolation;
      void report(`${e.effectiveDirective} refused ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber} (${e.sample})`);
    });
  });
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  return { page, context, errors, cspViolations };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * Resolves once no finite CSS transition or animation is running: a button
 * fading back from its loading look or a dialog zooming open is between two
 * states, and its colours mid-way are neither. Endless ones (a spinner, a
 * skeleton's shimmer) are the state itself and are not waited for.
 */
export async function settled(page: Page, timeout = 10_000): Promise<void> {
  // The page looked at is the one in front: Chromium does not run the animations of a page behind another.
  await page.bringToFront();
  await page.waitForFunction(
    () => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().endTime === Infinity),
    undefined,
    { timeout },
  );
}

/**
 * Runs axe-core (WCAG 2 A/AA rules) on the page once it has settled (see
 * `settled`) and returns the serious and critical violations, each as
 * "rule: help (first element)", so a failing test says what to fix.
 */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  await settled(page);
  // Evaluated over the DevTools protocol, not as an inline <script>: the app's CSP rightly refuses those.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const violations = (await page.evaluate(`window.axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations)`)) as AxeViolation[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.length}×, e.g. ${v.nodes[0]?.target.join(' ')})`);
}
