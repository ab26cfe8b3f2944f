// Import a small legacy register (TCVN3 and VNI text) with the mapping UI, then find an
// imported document by searching without diacritics.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { legacyIncomingRegister } from '../helpers/legacyRegister';
import { CLERK, seededDataDir } from './seed';
import { startServer } from './server';

test('import an old register with the mapping UI and find a document in it', async ({ page }) => {
  const server = await startServer(await seededDataDir(2));
  const file = join(mkdtempSync(join(tmpdir(), 'vanthu-e2e-import-')), 'Sổ đến 2019.xlsx');
  writeFileSync(file, await legacyIncomingRegister());

  await page.goto(server.url);
  await page.getByLabel('Tên đăng nhập').fill(CLERK.username);
  await page.getByLabel('Mật khẩu').fill(CLERK.password);
  await page.keyboard.press('Enter');
  await page.getByRole('menuitem', { name: 'Nhập sổ cũ' }).click();
  await expect(page.getByRole('heading', { name: 'Nhập sổ cũ từ Excel' })).toBeVisible();
  await page.locator('input[type=file]').setInputFiles(file);

  const sample = page.getByTestId('import-sample');
  await expect(sample).toContainText('Sở Giáo dục và Đào tạo Hà Nội'); // from TCVN3
  await expect(sample).toContainText('Ủy ban nhân dân huyện Đông Anh'); // from VNI
  await expect(page.getByText('Đã chuyển 4 ô chữ từ mã TCVN3 (ABC, phông .Vn…) sang Unicode.')).toBeVisible();
  await expect(page.getByTestId('import-problems')).toContainText('không phải ngày có thật');
  await expect(page.getByRole('button', { name: /Nhập 4 dòng hợp lệ/ })).toBeEnabled();

  // The clerk unmaps the notes column and sees the preview follow.
  await page.getByLabel('Cột cho Ghi chú').click();
  await page.keyboard.type('không có');
  await page.keyboard.press('Enter');
  await expect(sample.locator('thead')).not.toContainText('Ghi chú');
  await page.screenshot({ path: 'test-results/import-preview.png', fullPage: true });

  await page.getByRole('button', { name: /Nhập 4 dòng hợp lệ/ }).click();
  await expect(page.getByTestId('import-result')).toContainText('Đã nhập 4 văn bản: Sổ văn bản đến 2019 (nhập từ sổ cũ) (4)');

  await page.keyboard.press('Control+k');
  await page.getByLabel('Tìm kiếm nhanh').fill('huong dan thuc hien nhiem vu');
  const option = page.getByTestId('search-option').first();
  await expect(option).toContainText('Hướng dẫn thực hiện nhiệm vụ năm học');
  await option.click();
  const detail = page.getByRole('dialog').filter({ hasText: 'Phiếu giải quyết văn bản đến' });
  await expect(detail).toContainText('Văn bản đến số 3/2019');
  await expect(detail).toContainText('Nhập từ sổ cũ “Sổ đến 2019.xlsx”, dòng 8');
  await server.stop();
});
