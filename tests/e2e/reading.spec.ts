// Reading the page (#16), through the real UI: a scan is dropped on the registration form → its
// fields are filled from the page (OCR) and marked → the clerk accepts them with Enter and saves →
// the scan is attached, read for search → dấu ĐẾN is proposed under the số/ký hiệu, moved with
// the arrows and stamped → search finds a word that exists only in the scan.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { SAMPLE_PLAN, decree30Pdf } from '../helpers/decree30';
import { scanOf } from '../helpers/scans';
import { login } from './login';
import { CLERK, seededDataDir } from './seed';
import { startServer } from './server';

test('a scan fills the registration form, is stamped in the blank under its số, and is found by its words', async ({ page }) => {
  test.setTimeout(180_000);
  const server = await startServer(await seededDataDir(3));
  const file = join(mkdtempSync(join(tmpdir(), 'vanthu-e2e-read-')), 'ke-hoach-quet.pdf');
  writeFileSync(file, (await scanOf(await decree30Pdf(SAMPLE_PLAN), { dpi: 200, skew: 1.5, seal: true, specks: 300 })).pdf);
  await login(page, server.url, CLERK);

  await page.keyboard.press('F2');
  const form = page.getByRole('dialog').filter({ hasText: 'Vào sổ văn bản đến' });
  await form.locator('input[type=file]').setInputFiles(file);
  await expect(form.getByTestId('read-from-file')).toContainText('nhận dạng chữ từ bản quét', { timeout: 60_000 });
  await expect(form.locator('#incoming_agency')).toHaveValue('Sở Giáo dục và Đào tạo Hà Tĩnh');
  await expect(form.locator('#incoming_code')).toHaveValue('142/KH-SGDĐT');
  await expect(form.locator('#incoming_issuedDate')).toHaveValue('26/02/2019');
  await expect(form.locator('#incoming_summary')).toHaveValue(/học sinh giỏi cấp tỉnh/);
  await expect(form.locator('.vt-suggested')).toHaveCount(7); // organ, số ký hiệu, loại, ngày, trích yếu, số trang, ghi chú (người ký, nơi nhận)
  await page.screenshot({ path: 'test-results/reading-prefilled.png' });

  // Enter accepts a suggestion and moves on; the mark goes.
  await expect(form.locator('#incoming_agency')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(form.locator('.vt-suggested').filter({ has: page.locator('#incoming_agency') })).toHaveCount(0);
  await page.keyboard.press('Enter');
  await expect(form.locator('.vt-suggested').filter({ has: page.locator('#incoming_code') })).toHaveCount(0);
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('last-registered')).toContainText('142/KH-SGDĐT', { timeout: 30_000 });
  await page.keyboard.press('Escape');
  await expect(form).toBeHidden();

  // The scan went with the document; it is read for search in the background.
  await page.locator('.vt-table-wrap .ant-table-row').first().click();
  const drawer = page.getByRole('dialog').filter({ hasText: 'Phiếu giải quyết văn bản đến' });
  await expect(drawer.getByTestId('attachment-row')).toHaveCount(1);
  await expect(drawer.getByTestId('attachment-row')).toContainText('ke-hoach-quet.pdf');
  await expect(drawer.getByTestId('text-layer')).toHaveText('Chữ nhận dạng từ bản quét', { timeout: 60_000 });

  // dấu ĐẾN: proposed under the số/ký hiệu (found by OCR on a scan), moved, stamped.
  await drawer.getByRole('button', { name: 'Đóng dấu ĐẾN' }).click();
  await expect(page.getByTestId('stamp-where')).toContainText('Đề xuất: dưới số, ký hiệu', { timeout: 60_000 });
  await expect(page.getByTestId('stamp-surface')).toBeFocused();
  await page.screenshot({ path: 'test-results/reading-stamp-proposed.png' });
  const before = await page.getByTestId('stamp-box').boundingBox();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  const after = await page.getByTestId('stamp-box').boundingBox();
  expect(after!.x).toBeGreaterThan(before!.x);
  await expect(page.getByTestId('stamp-where')).toContainText('Vị trí văn thư chọn');
  await page.keyboard.press('Enter');
  await expect(drawer.getByText('Bản có dấu ĐẾN')).toBeVisible();
  await expect(drawer.getByText(/Đóng dấu ĐẾN lên tệp .* — vị trí văn thư chọn/)).toBeVisible();
  await page.keyboard.press('Escape');

  // A word that exists only in the scan, typed without diacritics.
  await page.keyboard.press('Control+k');
  await page.keyboard.type('nang khieu doi tuyen');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('search-result').first().getByTestId('search-in-file')).toContainText('ke-hoach-quet.pdf');
  await page.screenshot({ path: 'test-results/reading-found.png' });

  // Opened from the hit: the scan is shown with the words marked where OCR read them.
  await page.getByTestId('search-result').first().click();
  const opened = page.getByRole('dialog').filter({ hasText: 'Phiếu giải quyết văn bản đến' });
  await expect(opened.getByTestId('hit-summary')).toContainText('Thấy “nang khieu doi tuyen” ở trang 1', { timeout: 20_000 });
  const marks = opened.getByTestId('hit-box');
  // The page with the hit is brought into view by itself.
  await expect(marks.first()).toBeInViewport();
  expect(await marks.count()).toBeGreaterThanOrEqual(3);
  // The marks stand on the page drawn, not beside it.
  const pageBox = (await opened.getByTestId('pdf-preview').locator('canvas').first().boundingBox())!;
  const mark = (await marks.first().boundingBox())!;
  expect(mark.x).toBeGreaterThanOrEqual(pageBox.x);
  expect(mark.y + mark.height).toBeLessThanOrEqual(pageBox.y + pageBox.height);
  await page.screenshot({ path: 'test-results/reading-hit-on-page.png' });
  await server.stop();
});
