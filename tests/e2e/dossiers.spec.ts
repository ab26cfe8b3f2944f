// A specialist's year of dossiers through the real UI: make the catalogue, open a dossier,
// file two documents from their detail views, close it, export the handover package.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import JSZip from 'jszip';
import { CLERK, seededDataDir } from './seed';
import { startServer } from './server';

async function pick(page: Page, label: string, text: string) {
  await page.getByLabel(label).click();
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: text }).first().click();
}

test('catalogue → open a dossier → file two documents → close → export the package', async ({ page }) => {
  const server = await startServer(await seededDataDir(2));
  await page.goto(server.url);
  await page.getByLabel('Tên đăng nhập').fill(CLERK.username);
  await page.getByLabel('Mật khẩu').fill(CLERK.password);
  await page.keyboard.press('Enter');
  await page.getByRole('menuitem', { name: /Hồ sơ công việc/ }).click();
  await expect(page.getByRole('heading', { name: /Hồ sơ công việc năm/ })).toBeVisible();

  await page.getByRole('button', { name: 'Thêm đề mục' }).click();
  await page.getByLabel('Tên đề mục').fill('Công tác văn phòng');
  await page.getByLabel(/Chữ viết tắt/).fill('VP');
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await page.getByRole('button', { name: 'Thêm hồ sơ vào danh mục' }).click();
  await pick(page, 'Đề mục', 'Công tác văn phòng');
  await page.getByLabel('Tiêu đề hồ sơ').fill('Hồ sơ tổ chức Hội nghị cán bộ, công chức năm 2026');
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  const entry = page.locator('.ant-table-row', { hasText: 'Hồ sơ tổ chức Hội nghị' });
  await expect(entry).toContainText('01.VP');
  await expect(page.locator('.ant-modal-wrap:visible')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/dossier-catalogue.png' });
  await entry.getByRole('button', { name: 'Mở hồ sơ' }).click();
  const dossier = page.getByRole('dialog').filter({ hasText: 'Mã hồ sơ' });
  await expect(dossier).toContainText('SGDĐT.2026.01.VP');
  await page.keyboard.press('Escape');

  // File two documents from their detail views.
  await page.getByRole('menuitem', { name: /Văn bản đến/ }).click();
  for (const n of [0, 1]) {
    await page.locator('.vt-table-wrap .ant-table-row').nth(n).click();
    const detail = page.getByRole('dialog').filter({ hasText: 'Phiếu giải quyết văn bản đến' });
    await pick(page, 'Hồ sơ để lưu văn bản', '01.VP');
    await detail.getByRole('button', { name: 'Lưu vào hồ sơ' }).click();
    await expect(detail.getByTestId('history')).toContainText('Lưu vào hồ sơ 01.VP');
    await detail.getByRole('button', { name: 'Đóng' }).first().click();
    await expect(detail).toBeHidden();
  }

  // Close it and export the package.
  await page.getByRole('menuitem', { name: /Hồ sơ công việc/ }).click();
  await page.getByText('Hồ sơ', { exact: true }).click();
  await page.locator('.ant-table-row', { hasText: '01.VP' }).click();
  await expect(dossier.locator('.ant-table-row')).toHaveCount(2);
  await dossier.getByRole('button', { name: 'Kết thúc hồ sơ' }).click();
  await page.getByRole('button', { name: 'Kết thúc', exact: true }).click();
  await expect(dossier.getByText('Đã kết thúc')).toBeVisible();
  await page.screenshot({ path: 'test-results/dossier.png' });
  const downloading = page.waitForEvent('download');
  await dossier.getByRole('button', { name: 'Xuất gói nộp lưu (.zip)' }).click();
  const download = await downloading;
  const saved = 'test-results/dossier-package.zip';
  await download.saveAs(saved);
  const zip = await JSZip.loadAsync(readFileSync(saved));
  const manifest = JSON.parse(await zip.file('manifest.json')!.async('string'));
  expect(manifest.dossiers[0].code).toBe('SGDĐT.2026.01.VP');
  expect(manifest.dossiers[0].items).toHaveLength(2);
  expect(await zip.file('dac-ta-ho-so.xml')!.async('string')).toContain('<MaHoSo>SGDĐT.2026.01.VP</MaHoSo>');
  // The dossier alone as TT 02/2019 XML, and as one PDF.
  const xmlDownload = page.waitForEvent('download');
  await dossier.getByRole('button', { name: 'Xuất XML (TT 02/2019)' }).click();
  expect((await xmlDownload).suggestedFilename()).toBe('Ho-so-SGDĐT.2026.01.VP.xml');
  const pdfDownload = page.waitForEvent('download');
  await dossier.getByRole('button', { name: 'Xuất PDF toàn hồ sơ' }).click();
  expect((await pdfDownload).suggestedFilename()).toBe('Ho-so-SGDĐT.2026.01.VP.pdf');

  // Hết thời hạn bảo quản: a dossier closed this year is not yet due for the council.
  await page.keyboard.press('Escape');
  await page.getByText('Hết thời hạn bảo quản', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Hồ sơ hết thời hạn bảo quản' })).toBeVisible();
  await expect(page.getByTestId('retention-ended')).toContainText('Chưa có hồ sơ nào hết thời hạn bảo quản.');
  await expect(page.getByRole('button', { name: 'In danh mục tài liệu hết giá trị' })).toBeVisible();
  await page.screenshot({ path: 'test-results/dossier-retention.png' });
  await server.stop();
});
