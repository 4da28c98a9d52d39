/// <reference lib="dom" />
import { buildCase } from '../helpers/api';
import { browserIt, PHONE, takeCspViolations } from '../helpers/browser';
import { useBrowserSuite } from '../helpers/browserSuite';

/*
 * The web app under the server's Content-Security-Policy: every face loads
 * and goes live (scripts, antd's run-time styles, ECharts' canvas, the
 * Socket.IO connection) with nothing refused; and the policy is really
 * enforced and really watched: an injected inline script is refused and seen.
 */
jest.setTimeout(120_000);
const UI_MS = 15_000;

const suite = useBrowserSuite('browser_csp');

browserIt('every face of the web app runs under the policy with no violation', async () => {
  const filed = await suite.api.file(buildCase());
  const faces: { user?: string; path: string; ready: string }[] = [
    { path: '/', ready: '#root *' },
    { path: '/track', ready: 'form' },
    { user: 'clerk.village', path: '/desk', ready: '[data-testid="live-status"][data-status="live"]' },
    { user: 'clerk.village', path: `/desk/cases/${filed.caseNo}`, ready: '[data-testid="live-status"][data-status="live"]' },
    { user: 'supervisor.city', path: '/supervisor', ready: 'canvas' },
    { user: 'admin', path: '/admin', ready: '#root *' },
  ];
  for (const face of faces) {
    const wp = face.user ? await suite.staffPage(face.user) : await suite.page({ viewport: PHONE });
    const res = await wp.page.goto(face.path);
    expect(res?.headers()['content-security-policy']).toContain("script-src 'self'");
    await wp.page.locator(face.ready).first().waitFor({ timeout: UI_MS });
    if (face.path === '/track') {
      // The applicant's tracking page, live over Socket.IO (connect-src).
      await wp.page.getByLabel('办件编号').fill(filed.caseNo);
      await wp.page.getByLabel('查询码').fill(filed.queryCode);
      await wp.page.getByRole('button', { name: /^查\s*询$/ }).click();
      await wp.page.locator('[data-testid="live-status"][data-status="live"]').waitFor({ timeout: UI_MS });
    }
    // Styles really came through: antd's run-time <style> elements are in the document and applied.
    expect(await wp.page.evaluate(() => document.querySelectorAll('style').length)).toBeGreaterThan(0);
    expect({ face: face.path, violations: wp.cspViolations }).toEqual({ face: face.path, violations: [] });
    await wp.context.close();
  }
});

browserIt('an inline script injected into the page is refused, and the refusal is seen', async () => {
  const { page, context, cspViolations } = await suite.page();
  await page.goto('/');
  await page.locator('#root *').first().waitFor({ timeout: UI_MS });
  const ran = await page.evaluate(async () => {
    const w = window as unknown as { injected?: boolean };
    const s = document.createElement('script');
    s.textContent = 'window.injected = true';
    const refused = new Promise((resolve) => document.addEventListener('securitypolicyviolation', resolve, { once: true }));
    document.body.appendChild(s);
    await refused;
    return w.injected === true;
  });
  expect(ran).toBe(false);
  // The page's report comes back over the DevTools protocol: wait for it.
  for (let i = 0; cspViolations.length === 0 && i < 200; i++) await page.waitForTimeout(25);
  expect(cspViolations).toEqual([expect.stringContaining('script-src')]);
  await context.close();
  // This test caused the violation on purpose: take it, so the suite's check does not fail the test.
  expect(takeCspViolations()).toEqual(cspViolations);
});
