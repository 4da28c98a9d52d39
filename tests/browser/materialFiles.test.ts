/// <reference lib="dom" />
import type { Locator, Page } from 'playwright-core';
import { buildCase, fakeIdNumber } from '../helpers/api';
import { accessibilityProblems, browserIt, PHONE, screenshot } from '../helpers/browser';
import { useBrowserSuite } from '../helpers/browserSuite';
import { exeBytes, jpegBytes, pdfBytes, pngBytes, uploadFile } from '../helpers/files';

/**
 * Material files end to end (issue 11): an applicant without an account files
 * with a scan and a photo on a phone; the village counter previews them,
 * marks one 不合格 and asks for it again; the applicant sees why, sends a new
 * photo and supplies it; the counter accepts; the town desk sees the same
 * files; the applicant reads who opened them.
 */
jest.setTimeout(180_000);
const UI_MS = 30_000; // a wait for a state, generous for loaded CI machines

const suite = useBrowserSuite('browser_files');

const ITEM = '330300-XK-0013'; // 药品零售企业许可: 安澜社区 → 五马街道 → 鹿城区 → 温州市
const FORM = '药品零售企业许可申请表'; // the item's 申请书
const LICENCE = '营业执照';
const ID_PROOF = '申请人身份证明';
const PLAN = '经营场所平面图';
const BLURRED = '照片模糊，统一社会信用代码无法辨认';

const material = (page: Page, name: string): Locator => page.locator(`[data-testid="material"][data-material="${name}"]`);

/** Opens a file's preview and resolves with the content type the frame or image was answered with. */
async function previewType(page: Page, row: Locator, nth = 0): Promise<string | undefined> {
  const answer = page.waitForResponse((r) => r.url().includes('/api/files/') && r.url().includes('disposition=inline'), { timeout: UI_MS });
  await row.getByTestId('file-preview').nth(nth).click();
  const res = await answer;
  expect(res.status()).toBe(200);
  return res.headers()['content-type'];
}

async function closePreview(page: Page): Promise<void> {
  await page.getByRole('dialog').getByRole('button', { name: /Close|关闭/ }).click();
  await page.getByRole('dialog').waitFor({ state: 'hidden', timeout: UI_MS });
}

browserIt('files a case with a scan and a photo, is told which one the counter refused and why, sends it again; the town desk sees the same files; the applicant sees who opened them', async () => {
  // 1. The applicant, on a phone, without an account, files with a file per material.
  const applicant = await suite.page({ viewport: PHONE });
  const ap = applicant.page;
  await ap.goto(`/items/${ITEM}/file`);
  await ap.getByLabel('选择收件的便民服务中心').click();
  await ap.locator('.ant-cascader-menu-item', { hasText: '鹿城区' }).click();
  await ap.locator('.ant-cascader-menu-item', { hasText: '五马街道' }).first().click();
  await ap.locator('.ant-cascader-menu-item', { hasText: '安澜社区便民服务中心' }).click();
  await ap.getByLabel('姓名').fill('郑晓红');
  await ap.getByLabel('身份证号').fill(fakeIdNumber());
  await ap.getByLabel('联系电话').fill('13912345678');
  const choose = (name: string) => ap.locator(`[data-testid="filing-file-input"][data-material="${name}"]`);
  await choose(FORM).setInputFiles({ name: '申请书.pdf', mimeType: 'application/pdf', buffer: pdfBytes('药品零售企业许可申请表') });
  await choose(LICENCE).setInputFiles({ name: '营业执照.jpg', mimeType: 'image/jpeg', buffer: jpegBytes(1) });
  // A program renamed to look like a photo: the case is filed all the same, the file is refused and says why.
  await choose(ID_PROOF).setInputFiles({ name: '身份证.jpg', mimeType: 'image/jpeg', buffer: exeBytes() });
  await ap.locator(`[data-testid="filing-file-chosen"][data-material="${LICENCE}"]`).waitFor({ timeout: UI_MS });
  // Choosing a file ticks its material.
  await expect(ap.getByRole('checkbox', { name: ID_PROOF }).isChecked()).resolves.toBe(true);
  expect(await accessibilityProblems(ap)).toEqual([]);
  await ap.getByRole('button', { name: '提交申请' }).click();
  const caseNo = (await ap.getByTestId('filed-case-no').innerText({ timeout: UI_MS })).trim();
  await ap.locator('[data-testid="filed-uploads"][data-done="true"]').waitFor({ timeout: UI_MS });
  const outcome = (name: string) => ap.locator(`[data-testid="filed-upload"][data-material="${name}"]`);
  await expect(outcome(FORM).getAttribute('data-status')).resolves.toBe('stored');
  await expect(outcome(LICENCE).getAttribute('data-status')).resolves.toBe('stored');
  await expect(outcome(ID_PROOF).getAttribute('data-status')).resolves.toBe('refused');
  await expect(outcome(ID_PROOF).innerText()).resolves.toContain('这个文件实际是 Windows 程序（.exe），不能作为申请材料');
  await screenshot(ap, 'files-filed-phone');
  expect(await accessibilityProblems(ap)).toEqual([]);

  // The tracking page shows both files; the renamed program is refused again there, in the same words.
  await ap.getByRole('button', { name: '查看办理进度' }).click();
  await ap.locator('[data-testid="live-status"][data-status="live"]').waitFor({ timeout: UI_MS });
  await material(ap, FORM).and(ap.locator('[data-files="1"]')).waitFor({ timeout: UI_MS });
  await material(ap, LICENCE).and(ap.locator('[data-files="1"]')).waitFor({ timeout: UI_MS });
  await expect(material(ap, FORM).getByTestId('file-name').innerText()).resolves.toBe('申请书.pdf');
  await expect(material(ap, LICENCE).getByTestId('file-name').innerText()).resolves.toBe('营业执照.jpg');
  await material(ap, ID_PROOF).getByTestId('upload-input').setInputFiles({ name: '身份证.jpg', mimeType: 'image/jpeg', buffer: exeBytes() });
  const refusal = material(ap, ID_PROOF).getByTestId('upload-error');
  await expect(refusal.innerText({ timeout: UI_MS })).resolves.toContain('这个文件实际是 Windows 程序（.exe）');
  await expect(refusal.innerText()).resolves.toContain('FILE_TYPE_NOT_ALLOWED');
  await expect(material(ap, ID_PROOF).getAttribute('data-files')).resolves.toBe('0');
  expect(await accessibilityProblems(ap)).toEqual([]);

  // 2. The village counter previews the PDF and the photo, marks them, and asks for the photo again.
  const village = await suite.staffPage('clerk.village');
  const vp = village.page;
  await vp.goto(`/desk/cases/${caseNo}`);
  await material(vp, FORM).and(vp.locator('[data-files="1"]')).waitFor({ timeout: UI_MS });
  await expect(previewType(vp, material(vp, FORM))).resolves.toBe('application/pdf');
  await vp.getByTestId('preview-frame').waitFor({ timeout: UI_MS });
  await closePreview(vp);
  await expect(previewType(vp, material(vp, LICENCE))).resolves.toBe('image/jpeg');
  await vp.getByTestId('preview-image').waitFor({ timeout: UI_MS });
  await closePreview(vp);

  await material(vp, LICENCE).getByTestId('mark-bad').click();
  await material(vp, LICENCE).getByLabel('不合格理由').fill(BLURRED);
  await material(vp, LICENCE).getByTestId('mark-bad-confirm').click();
  await material(vp, LICENCE).and(vp.locator('[data-verdict="bad"]')).waitFor({ timeout: UI_MS });
  await material(vp, FORM).getByTestId('mark-ok').click();
  await material(vp, FORM).and(vp.locator('[data-verdict="ok"]')).waitFor({ timeout: UI_MS });
  await expect(material(vp, LICENCE).getByTestId('verdict-reason').innerText()).resolves.toContain(BLURRED);
  expect(await accessibilityProblems(vp)).toEqual([]);

  // The 补正 form says the 不合格 material goes into the notice by itself: nothing else needs ticking.
  await vp.locator('[data-action="REQUEST_MATERIALS"]').click();
  await expect(vp.getByTestId('notice-from-marks').innerText({ timeout: UI_MS })).resolves.toBe(`${LICENCE}：${BLURRED}`);
  await screenshot(vp, 'files-desk-request');
  await vp.getByTestId('action-submit').click();
  await vp.locator('[data-testid="case-desk"][data-state="awaitingMaterials"]').waitFor({ timeout: UI_MS });

  // 3. The applicant is told live what was refused and why, sends a new photo and reports it supplied.
  await ap.locator('[data-testid="track"][data-state="awaitingMaterials"]').waitFor({ timeout: UI_MS });
  await expect(ap.getByTestId('missing-materials').innerText()).resolves.toContain(`${LICENCE}：${BLURRED}`);
  await material(ap, LICENCE).and(ap.locator('[data-verdict="bad"]')).waitFor({ timeout: UI_MS });
  await expect(material(ap, LICENCE).getByTestId('verdict').innerText()).resolves.toBe('不合格');
  await expect(material(ap, LICENCE).getByTestId('verdict-reason').innerText()).resolves.toContain(BLURRED);
  await expect(material(ap, FORM).getByTestId('verdict').innerText()).resolves.toBe('合格');
  await screenshot(ap, 'files-refused-phone');
  await material(ap, LICENCE).getByTestId('upload-input').setInputFiles({ name: '营业执照-重拍.jpg', mimeType: 'image/jpeg', buffer: jpegBytes(2) });
  // A new file clears the mark: the desk looks at the material again.
  await material(ap, LICENCE).and(ap.locator('[data-files="2"][data-verdict=""]')).waitFor({ timeout: UI_MS });
  // What was sent since the notice is ticked for the applicant, who reports it supplied.
  await ap.getByTestId('applicant-actions').getByLabel(`${LICENCE}：${BLURRED}`).and(ap.locator(':checked')).waitFor({ timeout: UI_MS });
  await ap.getByTestId('applicant-actions').getByRole('button', { name: '补交材料' }).click();
  await ap.locator('[data-testid="track"][data-state="acceptanceReview"]').waitFor({ timeout: UI_MS });

  // 4. The counter sees the new photo live and accepts: the case goes up to the town.
  await vp.locator('[data-testid="case-desk"][data-state="acceptanceReview"]').waitFor({ timeout: UI_MS });
  await material(vp, LICENCE).and(vp.locator('[data-files="2"]')).waitFor({ timeout: UI_MS });
  await vp.locator('[data-action="ACCEPT"]').click();
  await vp.getByTestId('action-submit').click();
  await vp.waitForURL(/\/desk$/, { timeout: UI_MS });
  expect(village.errors).toEqual([]);

  // 5. The town desk (in English) sees the same files and the verdicts, previews the new photo, and adds a counter scan.
  const town = await suite.staffPage('clerk.town', { lang: 'en' });
  const tp = town.page;
  await tp.goto(`/desk/cases/${caseNo}`);
  await tp.locator('[data-testid="case-desk"][data-state="review"]').waitFor({ timeout: UI_MS });
  await material(tp, FORM).and(tp.locator('[data-files="1"][data-verdict="ok"]')).waitFor({ timeout: UI_MS });
  await material(tp, LICENCE).and(tp.locator('[data-files="2"]')).waitFor({ timeout: UI_MS });
  await expect(tp.getByTestId('material-files').locator('.ant-card-head-title').innerText()).resolves.toBe('Material files');
  await expect(material(tp, FORM).getByTestId('verdict').innerText()).resolves.toBe('Acceptable');
  await expect(material(tp, LICENCE).getByTestId('file-name').allInnerTexts()).resolves.toEqual(['营业执照.jpg', '营业执照-重拍.jpg']);
  await expect(previewType(tp, material(tp, LICENCE), 1)).resolves.toBe('image/jpeg');
  await closePreview(tp);
  const download = tp.waitForEvent('download', { timeout: UI_MS });
  await material(tp, FORM).getByTestId('file-download').click();
  await expect(download.then((d) => d.suggestedFilename())).resolves.toBe('申请书.pdf');
  await material(tp, PLAN).getByTestId('upload-input').setInputFiles({ name: 'plan-scan.png', mimeType: 'image/png', buffer: pngBytes() });
  await material(tp, PLAN).and(tp.locator('[data-files="1"]')).waitFor({ timeout: UI_MS });
  await screenshot(tp, 'files-town-desk-en');
  expect(town.errors).toEqual([]);

  // 6. The applicant reads who opened the files: both counters, by name.
  await material(ap, PLAN).and(ap.locator('[data-files="1"]')).waitFor({ timeout: UI_MS });
  await ap.getByTestId('file-views-refresh').click();
  const views = ap.locator('[data-testid="file-view"][data-role="clerk"]');
  await views.filter({ hasText: '林建国' }).first().waitFor({ timeout: UI_MS });
  const seen = (await views.allInnerTexts()).join('\n');
  expect(seen).toContain('陈晓燕');
  expect(seen).toContain(`在线预览了“${FORM}”`);
  expect(seen).toContain(`在线预览了“${LICENCE}”`);
  await screenshot(ap, 'files-views-phone');

  const history = await suite.api.as('supervisor.city', 'GET', `/api/cases/${caseNo}/events`);
  const events: { type: string; payload: Record<string, unknown> }[] = history.body.events;
  expect(events.map((e) => e.type)).toEqual([
    'SUBMIT', 'ATTACH_FILE', 'ATTACH_FILE', 'MARK_MATERIAL', 'MARK_MATERIAL', 'REQUEST_MATERIALS', 'ATTACH_FILE', 'SUPPLY_MATERIALS', 'ACCEPT', 'ATTACH_FILE',
  ]);
  // The supply names the material, not the notice's line with its reason: the case's materials stay materials.
  expect(events.find((e) => e.type === 'SUPPLY_MATERIALS')!.payload.materials).toEqual([LICENCE]);
  const listed = await suite.api.as('supervisor.city', 'GET', `/api/cases/${caseNo}/files`);
  expect(listed.body.materials.filter((m: { name: string }) => m.name.includes('：'))).toEqual([]);
  // The browser notes the refusals it was answered (415 for the renamed program); nothing else may go wrong.
  expect(applicant.errors.filter((e) => !e.includes('415'))).toEqual([]);
});

browserIt('an applicant with an account reuses a file the platform holds from an earlier case (从已有材料中选择)', async () => {
  const earlier = await suite.api.file(buildCase(), 'applicant');
  const token = await suite.api.token('applicant');
  const sent = await uploadFile(suite.api, earlier.caseNo, { material: LICENCE, bytes: pdfBytes('营业执照副本'), name: '营业执照副本.pdf' }, { token });
  expect(sent.status).toBe(201);
  const now = await suite.api.file(buildCase(), 'applicant');

  const { page, errors } = await suite.staffPage('applicant', { viewport: PHONE });
  await page.goto(`/track/${now.caseNo}`);
  await material(page, LICENCE).and(page.locator('[data-files="0"]')).waitFor({ timeout: UI_MS });
  await material(page, LICENCE).getByTestId('reuse-button').click();
  const dialog = page.getByRole('dialog');
  const mine = dialog.getByTestId('my-file').filter({ hasText: '营业执照副本.pdf' });
  await expect(mine.innerText({ timeout: UI_MS })).resolves.toContain(earlier.caseNo);
  // The attach's own answer, so a refusal fails here with its status and body rather than as a dialog left open.
  const answered = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`/api/cases/${now.caseNo}/files`), { timeout: UI_MS * 2 });
  await mine.getByRole('button', { name: '使用此文件' }).click();
  const answer = await answered;
  expect({ status: answer.status(), body: answer.status() === 201 ? null : await answer.text() }).toEqual({ status: 201, body: null });
  await dialog.waitFor({ state: 'hidden', timeout: UI_MS });
  await material(page, LICENCE).and(page.locator('[data-files="1"]')).waitFor({ timeout: UI_MS });
  await expect(material(page, LICENCE).innerText()).resolves.toContain('引用已有材料');
  const listed = await suite.api.as('applicant', 'GET', `/api/cases/${now.caseNo}/files`);
  const reused = listed.body.materials.find((m: { name: string }) => m.name === LICENCE).files[0];
  expect([reused.source, reused.referencedFrom]).toEqual(['reference', sent.body.file.id]);
  expect(errors).toEqual([]);
});
