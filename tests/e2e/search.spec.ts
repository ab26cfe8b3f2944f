// The top search box: type without diacritics, see the result marked, open it.
import { expect, test } from '@playwright/test';
import { corpusDocument } from '../bench/corpus';
import { foldVietnamese } from '../../shared/text/searchKey';
import { CLERK, seededDataDir } from './seed';
import { startServer } from './server';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vietnamesePdf } from '../helpers/pdfFixtures';
import { SAMPLE_PLAN, decree30Pdf } from '../helpers/decree30';
import { scanOf } from '../helpers/scans';

test('type in the top search box and open a result', async ({ page }) => {
  const server = await startServer(await seededDataDir(30));
  await page.goto(server.url);
  await page.getByLabel('Tên đăng nhập').fill(CLERK.username);
  await page.getByLabel('Mật khẩu').fill(CLERK.password);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Sổ đăng ký văn bản đến' })).toBeVisible();

  const target = corpusDocument(7);
  const words = foldVietnamese(target.summary).split(' ').slice(0, 3).join(' ');
  await page.keyboard.press('Control+k');
  await expect(page.getByLabel('Tìm kiếm nhanh')).toBeFocused();
  await page.keyboard.type(target.code.toLowerCase());
  const option = page.getByTestId('search-option').first();
  await expect(option).toContainText(target.code);
  await expect(option.locator('mark').first()).toBeVisible();
  await option.click();
  const detail = page.getByRole('dialog').filter({ hasText: 'Phiếu giải quyết văn bản đến' });
  await expect(detail).toContainText(`Văn bản đến số 8/2026 — ${target.code}`);
  await detail.getByRole('button', { name: 'Đóng' }).first().click();

  // Enter with no choice: the full results page.
  await page.getByLabel('Tìm kiếm nhanh').fill(words);
  await expect(page.getByTestId('search-option').first()).toBeVisible();
  await page.getByLabel('Tìm kiếm nhanh').press('Escape');
  await expect(page.getByTestId('search-option').first()).toBeHidden();
  await page.getByLabel('Tìm kiếm nhanh').press('Enter');
  await expect(page.getByRole('heading', { name: 'Tìm kiếm' })).toBeVisible();
  await expect(page.getByTestId('search-result').first()).toBeVisible();
  await expect(page.getByTestId('search-result').first().locator('mark').first()).toBeVisible();
  await page.screenshot({ path: 'test-results/search.png' });

  // Save it under a name; the PDF of the whole list says the query.
  const results = await page.getByTestId('search-result').count();
  await page.getByRole('button', { name: 'Lưu tìm kiếm' }).click();
  await expect(page.getByLabel('tên tìm kiếm')).toBeFocused();
  await page.keyboard.type('Văn bản cần theo dõi');
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect(page.getByText('Đã lưu tìm kiếm “Văn bản cần theo dõi”.')).toBeVisible();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Xuất Word' }).click();
  expect((await downloading).suggestedFilename()).toMatch(/^Ket-qua-tim-kiem-.*\.docx$/);

  // Later, from Ctrl+K with the box empty: the saved search is offered; Enter runs it on the page.
  await page.getByRole('menuitem', { name: /Văn bản đến/ }).click();
  await page.keyboard.press('Control+k');
  await expect(page.getByTestId('saved-option').first()).toContainText('Văn bản cần theo dõi');
  await expect(page.getByTestId('saved-option').first()).toBeVisible();
  await page.waitForTimeout(400); // the list's opening animation, for the screenshot only
  await page.screenshot({ path: 'test-results/search-saved.png' });
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Tìm kiếm' })).toBeVisible();
  await expect(page.getByLabel('Từ khóa tìm kiếm')).toHaveValue(words);
  await expect(page.getByTestId('search-result')).toHaveCount(results);
  await server.stop();
});

test('find a document by the words inside its attached PDF, and by words only in a scan (OCR)', async ({ page }) => {
  const server = await startServer(await seededDataDir(3));
  const dir = mkdtempSync(join(tmpdir(), 'vanthu-e2e-text-'));
  const pdf = join(dir, 'Danh sách trường.pdf');
  writeFileSync(pdf, await vietnamesePdf([['Danh sách trường đạt chuẩn quốc gia mức độ 2', 'Trường Tiểu học Nguyễn Trãi — xã Hàm Yên']]));
  const scan = join(dir, 'Bản quét.pdf');
  // A real-looking scan (200 dpi, askew, a red seal): its words exist only as a picture.
  writeFileSync(scan, (await scanOf(await decree30Pdf(SAMPLE_PLAN), { dpi: 200, skew: 1.5, seal: true, specks: 300 })).pdf);

  await page.goto(server.url);
  await page.getByLabel('Tên đăng nhập').fill(CLERK.username);
  await page.getByLabel('Mật khẩu').fill(CLERK.password);
  await page.keyboard.press('Enter');
  await page.locator('.vt-table-wrap .ant-table-row').first().click();
  const drawer = page.getByRole('dialog').filter({ hasText: 'Phiếu giải quyết văn bản đến' });
  await drawer.locator('input[type=file]').setInputFiles(pdf);
  await expect(drawer.getByTestId('attachment-row')).toHaveCount(1);
  await drawer.locator('input[type=file]').setInputFiles(scan);
  await expect(drawer.getByTestId('attachment-row')).toHaveCount(2);
  // Read in the background — the text layer, then the scan by OCR — and marked without reopening the document.
  await expect(drawer.getByTestId('attachment-row').filter({ hasText: 'Bản quét.pdf' }).getByTestId('text-layer')).toHaveText(
    'Chữ nhận dạng từ bản quét',
    { timeout: 60_000 },
  );
  await drawer.getByRole('button', { name: 'Đóng' }).first().click();

  await page.keyboard.press('Control+k');
  await page.getByLabel('Tìm kiếm nhanh').fill('chuan quoc gia muc do');
  await page.getByLabel('Tìm kiếm nhanh').press('Enter');
  const result = page.getByTestId('search-result').first();
  await expect(result.getByTestId('search-in-file')).toContainText('Trong tệp “Danh sách trường.pdf”');
  await expect(result.getByTestId('search-in-file').locator('mark').first()).toHaveText(/chuẩn|quốc|gia|mức|độ/i);
  await page.screenshot({ path: 'test-results/search-in-file.png' });

  // A word that exists only in the scan, typed without diacritics.
  await page.getByLabel('Tìm kiếm nhanh').fill('nang khieu doi tuyen');
  await page.getByLabel('Tìm kiếm nhanh').press('Enter');
  await expect(page.getByTestId('search-result').first().getByTestId('search-in-file')).toContainText('Trong tệp “Bản quét.pdf”');
  await page.screenshot({ path: 'test-results/search-in-scan.png' });
  await page.getByLabel('Tìm kiếm nhanh').fill('chuan quoc gia muc do');
  await page.getByLabel('Tìm kiếm nhanh').press('Enter');
  await expect(result.getByTestId('search-in-file')).toContainText('Trong tệp “Danh sách trường.pdf”');
  await result.click();
  await expect(drawer.getByTestId('attachment-row').first()).toContainText('Danh sách trường.pdf');
  await server.stop();
});
