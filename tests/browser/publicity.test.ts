/// <reference lib="dom" />
import fs from 'node:fs';
import type { Download, Page } from 'playwright-core';
import { EXPORT_FIELDS } from '../../server/publicity/creditExport';
import { caseAt } from '../authz/fixtures';
import { buildCase, fakeUscc } from '../helpers/api';
import { accessibilityProblems, browserIt, DESKTOP, PHONE, screenshot } from '../helpers/browser';
import { useBrowserSuite } from '../helpers/browserSuite';
import { waitUntil } from '../helpers/sockets';

/**
 * The public register of licensing decisions in the web app (双公示, issue
 * 11): with the server's own scheduler running, a licence granted to a
 * person and one granted to a company appear on /publicity; anyone, without
 * logging in, finds them on a desktop and on a phone, in Chinese and English,
 * reads the person masked and the company in full, the licence's status (or
 * 待发证), opens the licence's verification, filters by area, and exports what
 * the search finds as CSV and JSON.
 */
jest.setTimeout(240_000);
const UI_MS = 30_000; // a wait for a state, generous for loaded CI machines

// The real scheduler, at its default hold (0): an entry is published at its next pass.
const suite = useBrowserSuite('browser_publicity', { env: { SCHEDULER: 'on', SCHEDULER_INTERVAL_MS: '200' } });

const COMPANY = `温州市鹿城区公示${Date.now() % 100000}药房有限公司`;

/** The 文号 of a case's 准予许可决定书, as its applicant reads it. */
async function decisionNo(caseNo: string): Promise<string> {
  const docs = await suite.api.as('applicant', 'GET', `/api/cases/${caseNo}/documents`);
  return docs.body.documents.find((d: { kind: string }) => d.kind === 'approval').docNo;
}

/** Waits for the scheduler to have published the entry of a decision. */
async function published(docNo: string): Promise<void> {
  await waitUntil(`the register entry ${docNo}`, async () => (await suite.api.request('GET', `/api/publicity?q=${encodeURIComponent(docNo)}`)).body.total === 1, UI_MS, 100);
}

async function saved(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const download: Promise<Download> = page.waitForEvent('download', { timeout: UI_MS });
  await click();
  const d = await download;
  return { name: d.suggestedFilename(), text: fs.readFileSync(await d.path(), 'utf8') };
}

/** Types into the keyword box and searches (the caller waits for the rows it expects). */
async function search(page: Page, q: string): Promise<void> {
  await page.getByTestId('publicity-q').fill(q);
  await page.getByTestId('publicity-search').click();
}

const entry = (page: Page, docNo: string) => page.locator(`[data-testid="publicity-entry"][data-doc-no="${docNo}"]`);

browserIt('shows licences granted on /publicity to anyone, masked where the law says, searchable and exportable', async () => {
  // A person's licence, issued; a company's, granted but not yet issued.
  const person = await caseAt(suite.api, 'issued');
  const filed = await suite.api.file(buildCase({ applicant: { type: 'organisation', name: COMPANY, uscc: fakeUscc(), legalRepresentative: '王公示', phone: '057788001234' } }), 'applicant');
  for (const [by, action] of [
    ['clerk.village', { type: 'ACCEPT' }],
    ['clerk.town', { type: 'FORWARD', opinion: '初审同意' }],
    ['reviewer.county', { type: 'FORWARD', opinion: '审查同意' }],
    ['reviewer.city', { type: 'APPROVE', opinion: '准予许可' }],
  ] as const) {
    expect((await suite.api.act(by, filed.caseNo, action)).status).toBe(200);
  }
  const personDoc = await decisionNo(person.caseNo);
  const companyDoc = await decisionNo(filed.caseNo);
  await published(personDoc);
  await published(companyDoc);

  // 1. A desktop, in Chinese, without logging in: reached from the public navigation.
  const desk = await suite.page({ viewport: DESKTOP });
  const dp = desk.page;
  await dp.goto('/track');
  await dp.getByRole('link', { name: '许可公示' }).click();
  await dp.getByTestId('publicity-form').waitFor({ timeout: UI_MS });
  await dp.waitForFunction(() => document.title === '行政许可公示 - 温州市五级联动审批', null, { timeout: UI_MS });
  await entry(dp, companyDoc).waitFor({ timeout: UI_MS });
  expect(await accessibilityProblems(dp)).toEqual([]);
  await screenshot(dp, 'publicity-desktop');

  // The company by part of its name: in full, its credit code, the licence still to be issued.
  await search(dp, COMPANY.slice(3, 11));
  const company = entry(dp, companyDoc);
  await company.and(dp.locator('[data-status="pending"]')).waitFor({ timeout: UI_MS });
  await expect(company.getByTestId('entry-holder').innerText()).resolves.toBe(COMPANY);
  await expect(company.getByTestId('entry-status').innerText()).resolves.toBe('待发证');
  await expect(dp.getByTestId('publicity-total').getAttribute('data-total')).resolves.toBe('1');

  // The person by the decision's number: masked, the licence valid, its verification one click away.
  await search(dp, personDoc);
  const personRow = entry(dp, personDoc);
  await personRow.and(dp.locator('[data-status="01"]')).waitFor({ timeout: UI_MS });
  await expect(personRow.getByTestId('entry-holder').innerText()).resolves.toBe('张*明');
  await expect(personRow.getByTestId('entry-holder-code').innerText()).resolves.toMatch(/^\d{3}\*{11}\d{3}[\dX]$/);
  await expect(personRow.getByTestId('entry-status').innerText()).resolves.toBe('有效');
  await expect(personRow.getByTestId('entry-licence-no').innerText()).resolves.toBe('许可编号：YP-AUTHZ-FIXTURE'); // the number caseAt's ISSUE typed
  expect(await dp.locator('body').innerText()).not.toContain('张小明');

  // What the search finds, as the credit platform takes it.
  const csv = await saved(dp, () => dp.getByTestId('export-csv').click());
  expect(csv.name).toMatch(/\.csv$/);
  expect(csv.text.charCodeAt(0)).toBe(0xfeff);
  const lines = csv.text.slice(1).split('\r\n');
  expect(lines[0]).toBe(EXPORT_FIELDS.map((f) => f.name).join(','));
  expect(lines.filter(Boolean)).toHaveLength(2);
  expect(lines[1]).toContain(personDoc);
  expect(lines[1]).toContain('张*明');
  const json = await saved(dp, () => dp.getByTestId('export-json').click());
  expect(JSON.parse(json.text)).toMatchObject({ format: 'wenzhou-xzxk-publicity', count: 1, records: [{ XK_WSH: personDoc, XK_XDR_MC: '张*明', XK_ZT: '1' }] });

  // The area of the deciding body: the city's bureau decided, so 瑞安市 has none of it.
  await dp.getByTestId('publicity-q').fill(companyDoc);
  await dp.getByTestId('publicity-area').click();
  await dp.keyboard.type('瑞安');
  await dp.locator('.ant-select-item-option', { hasText: '瑞安市' }).click();
  await dp.getByTestId('publicity-search').click();
  await dp.locator('[data-testid="publicity-total"][data-total="0"]').waitFor({ timeout: UI_MS });
  await expect(dp.getByTestId('publicity-results').innerText()).resolves.toContain('没有符合条件的公示');
  await dp.getByTestId('publicity-reset').click();
  await entry(dp, personDoc).waitFor({ timeout: UI_MS });

  // The licence's verification, from its entry.
  await entry(dp, personDoc).getByTestId('entry-verify').click();
  await dp.locator('[data-testid="verdict"][data-outcome="valid"]').waitFor({ timeout: UI_MS });
  expect(desk.errors).toEqual([]);
  await desk.context.close();

  // 2. A phone, in English: cards instead of a table, the same facts.
  const phone = await suite.page({ viewport: PHONE, lang: 'en' });
  const pp = phone.page;
  await pp.goto('/publicity');
  await pp.waitForFunction(() => document.title === 'Licences granted: public register - Wenzhou Linked Approval', null, { timeout: UI_MS });
  await pp.getByTestId('publicity-list').waitFor({ timeout: UI_MS });
  await search(pp, companyDoc);
  const card = entry(pp, companyDoc);
  await card.and(pp.locator('[data-status="pending"]')).waitFor({ timeout: UI_MS });
  await expect(card.getByTestId('entry-status').innerText()).resolves.toBe('To be issued');
  await expect(card.innerText()).resolves.toContain('Legal representative: 王公示');
  await search(pp, personDoc);
  await entry(pp, personDoc).and(pp.locator('[data-status="01"]')).waitFor({ timeout: UI_MS });
  await expect(entry(pp, personDoc).getByTestId('entry-status').innerText()).resolves.toBe('valid');
  // Nothing wider than the phone.
  await expect(pp.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(PHONE.width);
  expect(await accessibilityProblems(pp)).toEqual([]);
  await screenshot(pp, 'publicity-phone-en');
  expect(phone.errors).toEqual([]);
  await phone.context.close();

  // 3. A phone in Chinese, through the menu; and a desktop in English.
  const zhPhone = await suite.page({ viewport: PHONE });
  await zhPhone.page.goto('/track');
  await zhPhone.page.getByRole('button', { name: '导航菜单' }).click();
  await zhPhone.page.getByRole('link', { name: '许可公示' }).click();
  await entry(zhPhone.page, personDoc).waitFor({ timeout: UI_MS });
  expect(await accessibilityProblems(zhPhone.page)).toEqual([]);
  await screenshot(zhPhone.page, 'publicity-phone');
  expect(zhPhone.errors).toEqual([]);
  await zhPhone.context.close();

  const en = await suite.page({ viewport: DESKTOP, lang: 'en' });
  await en.page.goto('/track');
  await en.page.getByRole('link', { name: 'Licences granted' }).click();
  await entry(en.page, companyDoc).waitFor({ timeout: UI_MS });
  await expect(en.page.getByRole('columnheader', { name: 'Decision number' }).isVisible()).resolves.toBe(true);
  expect(await accessibilityProblems(en.page)).toEqual([]);
  await screenshot(en.page, 'publicity-desktop-en');
  expect(en.errors).toEqual([]);
});
