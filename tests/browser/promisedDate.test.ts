/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { DEMO } from '../../db/seed/users';
import { buildCase } from '../helpers/api';
import { browserIt, PHONE, screenshot } from '../helpers/browser';
import { useBrowserSuite } from '../helpers/browserSuite';

/*
 * One promised completion date (承诺办结日期), read the same on every screen:
 * the applicant's tracking page, the desk's queue (desktop table and phone
 * cards) and the desk's case page. The server's clock is the test's; dates
 * counted by hand on the 2024 calendar (National Day 10-01…10-07 off, Sun 09-29
 * and Sat 10-12 worked). The item promises 10 working days; its town review has 2.
 *
 *   Late: filed and accepted Fri 09-27 → 09-29*, 09-30, 10-08 … 10-12*, 10-14, 10-15,
 *   10-16 → promised by Wed 2024-10-16. Its town review was due Mon 09-30.
 *   Read on Mon 10-21: 10-17, 10-18, 10-21 past the promise → 已超期 3 个工作日;
 *   the town review has used 13 of its 2 days → 已超期 11 个工作日.
 *
 *   Paused: filed and accepted Tue 10-08 → promised by Mon 2024-10-21; the town
 *   forwards on 10-09, the county starts an inspection (特别程序) on Thu 10-10.
 *   Read on Mon 10-21, the 8 paused working days (10-11, 10-12*, 10-14 … 10-18,
 *   10-21) move it, were the clock resumed today, to Thu 2024-10-31.
 */
jest.setTimeout(180_000);
const UI_MS = 15_000;
let now = new Date('2024-09-27T02:00:00Z');
const on = (date: string) => {
  now = new Date(`${date}T02:00:00Z`);
};
const suite = useBrowserSuite('browser_promise', { now: () => now });

/** A minus before a number that is not part of a date: "-3" rather than 2024-10-16. */
const NEGATIVE = /(^|[^\d-])-\d/;

async function text(page: Page, scope: string | null, testId: string): Promise<string> {
  const root = scope ? page.locator(scope) : page;
  return (await root.getByTestId(testId).first().innerText()).trim();
}

browserIt('the same promised date on the tracking page, the desk queue and the desk case page; overdue in days with 12345; paused says paused', async () => {
  const late = await suite.api.file(buildCase({ itemCode: DEMO.countyItemCode }));
  expect((await suite.api.act('clerk.village', late.caseNo, { type: 'ACCEPT', opinion: '材料齐全' })).status).toBe(200);
  on('2024-10-08');
  const paused = await suite.api.file(buildCase({ itemCode: DEMO.countyItemCode }));
  expect((await suite.api.act('clerk.village', paused.caseNo, { type: 'ACCEPT', opinion: '材料齐全' })).status).toBe(200);
  on('2024-10-09');
  expect((await suite.api.act('clerk.town', paused.caseNo, { type: 'FORWARD', opinion: '初审同意' })).status).toBe(200);
  on('2024-10-10');
  expect((await suite.api.act('reviewer.county', paused.caseNo, { type: 'START_SPECIAL', procedure: 'inspection', reason: '需现场核查经营场所' })).status).toBe(200);
  on('2024-10-21');

  // The API says it once; every screen below must say the same.
  const api = (await suite.api.as('clerk.town', 'GET', `/api/cases/${late.caseNo}`)).body;
  expect(api.promise).toMatchObject({ status: 'running', dueOn: '2024-10-16', overdueDays: 3, light: 'red' });
  expect(api.step).toMatchObject({ dueOn: '2024-09-30', light: 'red' });

  // 1. The applicant's tracking page, on a phone.
  const applicant = await suite.page({ viewport: PHONE });
  await applicant.context.addInitScript(([k, v]) => sessionStorage.setItem(k!, v!), [`approval.code.${late.caseNo}`, late.queryCode]);
  const track = applicant.page;
  await track.goto(`/track/${late.caseNo}`);
  await track.getByTestId('track-summary').waitFor({ timeout: UI_MS });
  expect(await text(track, '[data-testid="track-summary"]', 'promise-due')).toBe('2024-10-16');
  expect(await text(track, '[data-testid="track-summary"]', 'promise-status')).toBe('已超期 3 个工作日');
  const advice = await text(track, '[data-testid="track-summary"]', 'promise-overdue');
  expect(advice).toContain('已超期 3 个工作日');
  expect(advice).toContain('12345');
  expect(await track.getByTestId('track-summary').innerText()).not.toMatch(NEGATIVE);
  await screenshot(track, 'promise-overdue-track-phone');

  // 2. The town desk's queue: the promised date first, the step's own deadline second.
  const town = await suite.staffPage('clerk.town');
  await town.page.goto('/desk');
  const row = town.page.locator(`[data-testid="queue-row"][data-case-no="${late.caseNo}"]`);
  await row.waitFor({ timeout: UI_MS });
  expect((await row.getByTestId('queue-promise-due').innerText()).trim()).toBe('2024-10-16');
  expect((await row.getByTestId('promise-status').innerText()).trim()).toBe('已超期 3 个工作日');
  await expect(row.getByTestId('promise-status').getAttribute('data-light')).resolves.toBe('red');
  const rowText = await row.innerText();
  expect(rowText).toContain('2024-09-30');
  expect(rowText).not.toMatch(NEGATIVE);

  // ... and on a phone, as cards.
  const townPhone = await suite.staffPage('clerk.town', { viewport: PHONE });
  await townPhone.page.goto('/desk');
  const card = townPhone.page.locator(`[data-testid="queue-row"][data-case-no="${late.caseNo}"]`);
  await card.waitFor({ timeout: UI_MS });
  expect((await card.getByTestId('queue-promise-due').innerText()).trim()).toBe('2024-10-16');
  expect((await card.getByTestId('promise-status').innerText()).trim()).toBe('已超期 3 个工作日');
  expect(await card.innerText()).not.toMatch(NEGATIVE);

  // 3. The desk's case page: the promise first, then the step's own clock.
  await town.page.goto(`/desk/cases/${late.caseNo}`);
  const clock = town.page.getByTestId('clock');
  await clock.waitFor({ timeout: UI_MS });
  expect(await text(town.page, '[data-testid="clock"]', 'promise-due')).toBe('2024-10-16');
  expect(await text(town.page, '[data-testid="clock"]', 'promise-status')).toBe('已超期 3 个工作日');
  expect(await text(town.page, '[data-testid="clock"]', 'promise-overdue')).toContain('12345');
  expect(await text(town.page, '[data-testid="clock"]', 'step-due')).toBe('2024-09-30');
  expect(await text(town.page, '[data-testid="clock"]', 'days-left')).toBe('已超期 11 个工作日');
  expect(await clock.innerText()).not.toMatch(NEGATIVE);
  await screenshot(town.page, 'promise-overdue-desk');

  // A paused promise says paused — never 正常 — on the tracking page, the county's queue and case page.
  const p = (await suite.api.as('reviewer.county', 'GET', `/api/cases/${paused.caseNo}`)).body;
  expect(p.promise).toMatchObject({ status: 'paused', dueOn: '2024-10-31', pauseKind: 'special', overdueDays: 0 });
  const applicant2 = await suite.page();
  await applicant2.context.addInitScript(([k, v]) => sessionStorage.setItem(k!, v!), [`approval.code.${paused.caseNo}`, paused.queryCode]);
  await applicant2.page.goto(`/track/${paused.caseNo}`);
  await applicant2.page.getByTestId('track-summary').waitFor({ timeout: UI_MS });
  expect(await text(applicant2.page, '[data-testid="track-summary"]', 'promise-due')).toBe('2024-10-31');
  expect(await text(applicant2.page, '[data-testid="track-summary"]', 'promise-status')).toBe('暂停计时（特别程序）');
  await expect(applicant2.page.getByTestId('promise-status').first().getAttribute('data-status')).resolves.toBe('paused');
  expect(await applicant2.page.getByTestId('track-summary').innerText()).not.toContain('正常');

  const county = await suite.staffPage('reviewer.county');
  await county.page.goto('/desk');
  const prow = county.page.locator(`[data-testid="queue-row"][data-case-no="${paused.caseNo}"]`);
  await prow.waitFor({ timeout: UI_MS });
  expect((await prow.getByTestId('queue-promise-due').innerText()).trim()).toBe('2024-10-31');
  expect((await prow.getByTestId('promise-status').innerText()).trim()).toBe('暂停计时（特别程序）');
  expect(await prow.innerText()).not.toContain('正常');
  await county.page.goto(`/desk/cases/${paused.caseNo}`);
  await county.page.getByTestId('clock').waitFor({ timeout: UI_MS });
  expect(await text(county.page, '[data-testid="clock"]', 'promise-due')).toBe('2024-10-31');
  expect(await text(county.page, '[data-testid="clock"]', 'promise-status')).toBe('暂停计时（特别程序）');
  expect(await text(county.page, '[data-testid="clock"]', 'days-left')).toBe('暂停计时（特别程序）');
  expect(await county.page.getByTestId('clock').innerText()).not.toContain('正常');

  for (const w of [applicant, town, townPhone, applicant2, county]) expect(w.errors).toEqual([]);
});
