/// <reference lib="dom" />
/**
 * npm run bench:web — the web app in Debian's Chromium against a server in
 * its own process (SQLite): a cold first load of the catalogue and of a
 * tracking page on a phone-sized window (time to content, bytes over the
 * wire), and the time from a transition's commit to the applicant's tracking
 * page showing it (push → REST reload → render), over whole routes.
 *
 *   WEB_LOADS (5), WEB_CASES (10), CHROMIUM_PATH (/usr/bin/chromium)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { DEMO, DEMO_PASSWORD } from '../db/seed/users';
import { WEB_APP_DIR } from '../server/http/webApp';
import { CHROMIUM, CHROMIUM_ARGS } from '../tests/helpers/chromium';
import { ROUTE_ACTIONS } from './drive';
import { atMs, post } from './http';
import { prepare } from './prepare';
import { startServerProcess } from './processes';
import { summarise } from './stats';

const LOADS = Number(process.env.WEB_LOADS ?? 5);
const CASES = Number(process.env.WEB_CASES ?? 10);
const PHONE = { width: 390, height: 844 };

/** One cold load in a fresh context (empty cache): ms until `selector` shows, and bytes transferred. */
async function coldLoad(browser: Browser, base: string, url: string, selector: string, init?: (ctx: BrowserContext) => Promise<void>) {
  const ctx = await browser.newContext({ viewport: PHONE, locale: 'zh-CN' });
  await init?.(ctx);
  const page = await ctx.newPage();
  const t0 = Date.now();
  await page.goto(`${base}${url}`);
  await page.locator(selector).first().waitFor({ timeout: 30_000 });
  const ms = Date.now() - t0;
  const bytes = await page.evaluate(() =>
    [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')].reduce((n, e) => n + ((e as PerformanceResourceTiming).transferSize || 0), 0),
  );
  await ctx.close();
  return { ms, bytes };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

async function main() {
  if (!fs.existsSync(CHROMIUM)) {
    console.log(`Chromium is not at ${CHROMIUM}: the web benchmark is skipped (apt-get install chromium)`);
    return;
  }
  if (!fs.existsSync(path.join(WEB_APP_DIR, 'index.html'))) throw new Error('The web app is not built: run `npm run build`');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'approval-web-'));
  const url = `sqlite:${path.join(dir, 'web.sqlite')}`;
  await prepare(url);
  const server = await startServerProcess(url, { SCHEDULER: 'off' });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const base = server.base;
    const applicant = { name: '压测', idNumber: '330302199001011237', phone: '13800000000' };
    const tokens: Record<string, string> = {};
    for (const [name] of ROUTE_ACTIONS) tokens[name] ??= (await post(base, '/api/auth/login', { username: name, password: DEMO_PASSWORD })).token;

    const catalogue = [];
    for (let i = 0; i < LOADS; i++) catalogue.push(await coldLoad(browser, base, '/', '[data-testid="catalogue-item"]'));
    const tracking = [];
    for (let i = 0; i < LOADS; i++) {
      const filed = await post(base, '/api/cases', { itemCode: DEMO.cityItemCode, centreCode: DEMO.villageCode, applicant });
      const code = async (ctx: BrowserContext) => void (await ctx.addInitScript(([k, v]) => sessionStorage.setItem(k!, v!), [`approval.code.${filed.caseNo}`, filed.queryCode]));
      tracking.push(await coldLoad(browser, base, `/track/${filed.caseNo}`, '[data-testid="route-step-0"]', code));
    }

    // Live: one applicant page per case, each transition awaited on screen before the next.
    const latencies: number[] = [];
    const ctx = await browser.newContext({ viewport: PHONE, locale: 'zh-CN' });
    for (let i = 0; i < CASES; i++) {
      const filed = await post(base, '/api/cases', { itemCode: DEMO.cityItemCode, centreCode: DEMO.villageCode, applicant });
      await ctx.addInitScript(([k, v]) => sessionStorage.setItem(k!, v!), [`approval.code.${filed.caseNo}`, filed.queryCode]);
      const page = await ctx.newPage();
      await page.goto(`${base}/track/${filed.caseNo}`);
      await page.locator('[data-testid="live-status"][data-status="live"]').waitFor({ timeout: 30_000 });
      // The page notes when each version first shows: the time the applicant could see it.
      // (A string: tsx would wrap named functions in a helper the page does not have.)
      await page.evaluate(`(() => {
        const seen = (window.seen = {});
        const note = () => {
          const v = document.querySelector('[data-testid="track"]')?.getAttribute('data-version');
          if (v && !(v in seen)) seen[v] = performance.timeOrigin + performance.now();
        };
        new MutationObserver(note).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-version'], childList: true });
        note();
      })()`);
      for (const [user, action] of ROUTE_ACTIONS) {
        const res = await post(base, `/api/cases/${filed.caseNo}/actions`, action, tokens[user]);
        const version = String(res.case.version);
        await page.waitForFunction((v) => v in (window as unknown as { seen: Record<string, number> }).seen, version, { timeout: 30_000 });
        const shownAt = await page.evaluate((v) => (window as unknown as { seen: Record<string, number> }).seen[v]!, version);
        latencies.push(shownAt - atMs(res.event.at));
      }
      await page.close();
    }
    await ctx.close();

    const result = {
      at: new Date().toISOString(),
      cpus: os.cpus().length,
      chromium: browser.version(),
      database: 'sqlite',
      firstLoadPhone: {
        catalogue: { loads: LOADS, medianMs: median(catalogue.map((x) => x.ms)), transferredBytes: median(catalogue.map((x) => x.bytes)) },
        tracking: { loads: LOADS, medianMs: median(tracking.map((x) => x.ms)), transferredBytes: median(tracking.map((x) => x.bytes)) },
      },
      commitToScreenMs: summarise(latencies),
    };
    console.table({
      'catalogue, cold (phone)': { 'median ms': result.firstLoadPhone.catalogue.medianMs, KB: Math.round(result.firstLoadPhone.catalogue.transferredBytes / 1024) },
      'tracking page, cold (phone)': { 'median ms': result.firstLoadPhone.tracking.medianMs, KB: Math.round(result.firstLoadPhone.tracking.transferredBytes / 1024) },
    });
    console.table({ 'commit → applicant screen': result.commitToScreenMs });
    fs.mkdirSync(path.join(__dirname, 'results'), { recursive: true });
    fs.writeFileSync(path.join(__dirname, 'results', 'web.json'), `${JSON.stringify(result, null, 2)}\n`);
    console.log('written to bench/results/web.json');
  } finally {
    await browser.close();
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main().catch((err) => {
  console.error(err);
  process.exit(1);
});
