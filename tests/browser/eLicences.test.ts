/// <reference lib="dom" />
import fs from 'node:fs';
import type { Download, Page } from 'playwright-core';
import { caseAt } from '../authz/fixtures';
import { accessibilityProblems, browserIt, PHONE, screenshot } from '../helpers/browser';
import { useBrowserSuite } from '../helpers/browserSuite';

/**
 * E-licences and official documents in the web app (issue 11): the city
 * reviewer issues without typing a number; the applicant, on a phone, sees
 * the 电子证照 card, downloads the signed PDF and the case's documents, and
 * finds the licence under 我的证照; anyone, without logging in, opens what
 * the QR code opens (/verify?code=…), reads 真实有效 with the holder masked,
 * and checks the downloaded PDF: genuine as issued, refused with one byte
 * changed. A malformed code is said to be one.
 */
jest.setTimeout(240_000);
const UI_MS = 30_000; // a wait for a state, generous for loaded CI machines

const suite = useBrowserSuite('browser_elicences');

const HOLDER = '张小明'; // buildCase's applicant
const MASKED = '张*明';

/** The bytes of a download, and the name the page gave it. */
async function saved(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const download: Promise<Download> = page.waitForEvent('download', { timeout: UI_MS });
  await click();
  const d = await download;
  const path = await d.path();
  return { name: d.suggestedFilename(), bytes: fs.readFileSync(path) };
}

/** A PDF as the engine signs it: a PDF, whose last line is the Ed25519 signature line. */
function expectSignedPdf(bytes: Buffer): void {
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const lines = bytes.toString('latin1').trimEnd().split('\n');
  expect(lines.at(-1)).toMatch(/^%WZ-SIG /);
}

const pdfFile = (name: string, buffer: Buffer) => ({ name, mimeType: 'application/pdf', buffer });

browserIt('issues an e-licence without a typed number; the applicant downloads it and the documents; anyone verifies it by code and by file', async () => {
  const { caseNo, queryCode } = await caseAt(suite.api, 'approved');

  // 1. The city reviewer issues, leaving the number to the system.
  const city = await suite.staffPage('reviewer.city');
  const cp = city.page;
  await cp.goto(`/desk/cases/${caseNo}`);
  await cp.locator('[data-testid="case-desk"][data-state="approved"]').waitFor({ timeout: UI_MS });
  await cp.locator('[data-action="ISSUE"]').click();
  const form = cp.getByTestId('action-form-ISSUE');
  await expect(form.getByText('证照编号留空时由系统生成').isVisible({ timeout: UI_MS })).resolves.toBe(true);
  await expect(form.getByLabel('证照编号').inputValue()).resolves.toBe('');
  expect(await accessibilityProblems(cp)).toEqual([]);
  await cp.getByTestId('action-submit').click();

  // Delivery is the village's job: the city's page goes back to its queue once the licence is issued.
  await cp.waitForURL(/\/desk$/, { timeout: UI_MS });
  const c = (await suite.api.as('applicant', 'GET', `/api/cases/${caseNo}`)).body;
  expect(c.state).toBe('issued');
  const issued: { id: string; licenceNo: string } = { id: c.eLicence.id, licenceNo: c.licenceNo };
  // The desk's page shows the card, with the number the system made.
  expect(issued.id).toMatch(/^1\.2\.156\.3005\.2\./);
  await cp.goto(`/desk/cases/${caseNo}`);
  const deskCard = cp.getByTestId('e-licence');
  await deskCard.getByTestId('licence-id').waitFor({ timeout: UI_MS });
  await expect(deskCard.getByTestId('licence-no').innerText()).resolves.toMatch(/^\d{6}-\d{4}-\d{7}$/);
  await expect(deskCard.getByTestId('licence-id').innerText()).resolves.toBe(issued.id);
  await cp.locator('[data-testid="case-document"][data-kind="approval"]').waitFor({ timeout: UI_MS });
  await screenshot(cp, 'elicence-desk');
  expect(await accessibilityProblems(cp)).toEqual([]);
  expect(city.errors).toEqual([]);

  // 2. The applicant, on a phone, sees the card and downloads the signed PDF.
  const applicant = await suite.staffPage('applicant', { viewport: PHONE });
  const ap = applicant.page;
  await ap.goto(`/track/${caseNo}`);
  await ap.locator('[data-testid="track"][data-state="issued"]').waitFor({ timeout: UI_MS });
  const card = ap.getByTestId('e-licence');
  await card.getByTestId('licence-id').waitFor({ timeout: UI_MS });
  await expect(card.getByTestId('licence-id').innerText()).resolves.toBe(issued.id);
  await expect(card.getByTestId('licence-no').innerText()).resolves.toBe(issued.licenceNo);
  await expect(card.getByTestId('licence-status').innerText()).resolves.toBe('有效');
  await expect(card.getAttribute('data-licence-id')).resolves.toBe(issued.id);
  const licence = await saved(ap, () => card.getByTestId('licence-download').click());
  expect(licence.name).toMatch(/\.pdf$/);
  expectSignedPdf(licence.bytes);

  // The case's documents, each with its 文号 and date; one downloaded.
  const docs = ap.getByTestId('case-document');
  await ap.locator('[data-testid="case-document"][data-kind="approval"]').waitFor({ timeout: UI_MS });
  const titles = await docs.getByTestId('document-title').allInnerTexts();
  expect(titles).toEqual(expect.arrayContaining(['收件回执', '受理通知书', '准予许可决定书']));
  for (const no of await docs.getByTestId('document-no').allInnerTexts()) expect(no).toMatch(/〔\d{4}〕.+号$/);
  const decision = await saved(ap, () => ap.locator('[data-testid="case-document"][data-kind="approval"]').getByTestId('document-download').click());
  expect(decision.name).toContain('准予许可决定书');
  expectSignedPdf(decision.bytes);
  await screenshot(ap, 'elicence-track-phone');
  expect(await accessibilityProblems(ap)).toEqual([]);

  // 我的证照 lists it, and its link opens the public check.
  await ap.goto('/mine');
  const mine = ap.locator(`[data-testid="my-licence"][data-licence-id="${issued.id}"]`);
  await mine.waitFor({ timeout: UI_MS });
  expect(await accessibilityProblems(ap)).toEqual([]);
  await mine.getByTestId('my-licence-verify').click();
  await ap.locator(`[data-testid="verdict"][data-outcome="valid"][data-code="${issued.id}"]`).waitFor({ timeout: UI_MS });
  expect(applicant.errors).toEqual([]);

  // Without the account, with the case's query code only (sent as a header, not in a link): the same downloads.
  const byCode = await suite.page({ viewport: PHONE });
  await byCode.context.addInitScript(([k, v]) => sessionStorage.setItem(k!, v!), [`approval.code.${caseNo}`, queryCode]);
  await byCode.page.goto(`/track/${caseNo}`);
  await byCode.page.getByTestId('e-licence').getByTestId('licence-id').waitFor({ timeout: UI_MS });
  const again = await saved(byCode.page, () => byCode.page.getByTestId('e-licence').getByTestId('licence-download').click());
  expect(again.bytes.equals(licence.bytes)).toBe(true);
  const receipt = await saved(byCode.page, () => byCode.page.locator('[data-testid="case-document"][data-kind="receipt"]').getByTestId('document-download').click());
  expectSignedPdf(receipt.bytes);
  expect(byCode.errors).toEqual([]);
  await byCode.context.close();

  // 3. Someone handed the licence, without an account, opens what its QR code opens.
  const visitor = await suite.page({ viewport: PHONE });
  const vp = visitor.page;
  await vp.goto(`/verify?code=${encodeURIComponent(issued.id)}`);
  const verdict = vp.locator(`[data-testid="verdict"][data-code="${issued.id}"]`);
  await verdict.and(vp.locator('[data-outcome="valid"]')).waitFor({ timeout: UI_MS });
  await expect(verdict.getByTestId('verdict-title').innerText()).resolves.toBe('真实有效');
  await expect(verdict.getByTestId('licence-holder').innerText()).resolves.toBe(MASKED);
  await expect(verdict.getByTestId('licence-holder-code').innerText()).resolves.toContain('*');
  await expect(verdict.getByTestId('licence-status').innerText()).resolves.toBe('有效');
  expect(await vp.locator('body').innerText()).not.toContain(HOLDER);
  await screenshot(vp, 'elicence-verify-phone');
  expect(await accessibilityProblems(vp)).toEqual([]);

  // The downloaded PDF, every byte as issued: genuine. One byte changed: refused, and said why.
  const input = vp.getByTestId('verify-file-input');
  await input.setInputFiles(pdfFile('licence.pdf', licence.bytes));
  const fileVerdict = vp.getByTestId('file-verdict');
  await fileVerdict.and(vp.locator('[data-outcome="genuine"]')).waitFor({ timeout: UI_MS });
  await expect(fileVerdict.innerText()).resolves.toContain('文件真实');
  await expect(fileVerdict.getByTestId('licence-id').innerText()).resolves.toBe(issued.id);
  await expect(fileVerdict.getByTestId('licence-holder').innerText()).resolves.toBe(MASKED);
  expect(await accessibilityProblems(vp)).toEqual([]);

  const tampered = Buffer.from(licence.bytes);
  tampered[Math.floor(tampered.length / 2)]! ^= 0x01;
  await input.setInputFiles(pdfFile('licence-changed.pdf', tampered));
  await fileVerdict.and(vp.locator('[data-outcome="changed"][data-genuine="false"]')).waitFor({ timeout: UI_MS });
  await expect(fileVerdict.innerText()).resolves.toContain('文件未通过核验');
  await expect(fileVerdict.innerText()).resolves.toContain('“licence-changed.pdf”在签发后被改动过');
  await screenshot(vp, 'elicence-verify-tampered-phone');
  expect(await accessibilityProblems(vp)).toEqual([]);

  // A document signed here is genuine as a file but is not a licence: said so, not called a licence.
  await input.setInputFiles(pdfFile('decision.pdf', decision.bytes));
  await fileVerdict.and(vp.locator('[data-outcome="notLicence"][data-genuine="false"]')).waitFor({ timeout: UI_MS });
  expect(visitor.errors).toEqual([]);
});

browserIt('says a malformed code is not an e-licence identifier, typed or opened from a link', async () => {
  const { page, errors } = await suite.page({ viewport: PHONE });
  await page.goto('/verify?code=not-a-licence');
  const verdict = page.getByTestId('verdict');
  await verdict.and(page.locator('[data-outcome="failed"][data-reason="MALFORMED_CODE"]')).waitFor({ timeout: UI_MS });
  await expect(verdict.getByTestId('verdict-title').innerText()).resolves.toBe('无法核验');
  await expect(verdict.getByTestId('verdict-detail').innerText()).resolves.toContain('格式或校验位不正确');
  await expect(verdict.getByTestId('licence-fields').count()).resolves.toBe(0);
  expect(await accessibilityProblems(page)).toEqual([]);

  // A well-shaped identifier with a wrong check character, typed (a pasted link works as well).
  const wrong = '1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430599.001.G';
  await page.getByTestId('verify-code').fill(`https://zwfw.example.gov.cn/verify?code=${encodeURIComponent(wrong)}`);
  await page.getByTestId('verify-submit').click();
  await page.waitForURL((u) => u.searchParams.get('code') === wrong, { timeout: UI_MS });
  await page.locator(`[data-testid="verdict"][data-code="${wrong}"][data-reason="MALFORMED_CODE"]`).waitFor({ timeout: UI_MS });

  // The published example is well formed but was never issued here.
  const unknown = '1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430599.001.F';
  await page.getByTestId('verify-code').fill(unknown);
  await page.getByTestId('verify-submit').click();
  await page.locator(`[data-testid="verdict"][data-code="${unknown}"][data-reason="UNKNOWN_CODE"]`).waitFor({ timeout: UI_MS });
  await expect(page.getByTestId('verdict-detail').innerText()).resolves.toContain('本平台没有签发过');
  expect(errors).toEqual([]);

  // In English too, with the public navigation leading to the page.
  const en = await suite.page({ lang: 'en' });
  await en.page.goto('/track');
  await en.page.getByRole('link', { name: 'Verify a licence' }).click();
  await en.page.getByTestId('verify-form').waitFor({ timeout: UI_MS });
  await en.page.waitForFunction(() => document.title === 'Verify an e-licence - Wenzhou Linked Approval', null, { timeout: UI_MS });
  await en.page.getByTestId('verify-code').fill('not-a-licence');
  await en.page.getByTestId('verify-submit').click();
  await expect(en.page.getByTestId('verdict-title').innerText({ timeout: UI_MS })).resolves.toBe('Cannot be verified');
  expect(await accessibilityProblems(en.page)).toEqual([]);
  expect(en.errors).toEqual([]);
});

