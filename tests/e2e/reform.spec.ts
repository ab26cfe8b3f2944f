// The 2025 reorganisation at the keyboard of the admin: Hà Giang's Sở is merged into Tuyên
// Quang's; Tuyên Quang's admin checks Hà Giang's backup, takes it over, and the register's print
// dialog offers Hà Giang's book, closed and named as Hà Giang's.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { openStore } from '../../db/core/store.js';
import { BackupService } from '../../electron/backup/backupService.js';
import { filesPath, storePath } from '../../electron/dataDir.js';
import { BlobStore } from '../../electron/files/blobStore.js';
import { CLERK, seededDataDir } from './seed';
import { startServer } from './server';
import { login } from './login';
import { seriousFindings } from './axe';

async function backupOf(dir: string): Promise<string> {
  const store = openStore(storePath(dir));
  try {
    const made = await new BackupService(store, new BlobStore(filesPath(dir)), dir).create(
      mkdtempSync(join(tmpdir(), 'vanthu-e2e-ha-giang-')),
    );
    return made.path;
  } finally {
    store.close();
  }
}

test('a merged Sở is taken over from its backup; its book stays its own', async ({ page }) => {
  const haGiang = await backupOf(await seededDataDir(4, { name: 'Sở Giáo dục và Đào tạo Hà Giang', code: 'SGDĐT' }));
  const server = await startServer(await seededDataDir(3, { name: 'Sở Giáo dục và Đào tạo Tuyên Quang', code: 'SGDĐT' }));
  await login(page, server.url, { username: 'quantri', password: CLERK.password });
  await page.getByRole('menuitem', { name: 'Quản trị' }).click();

  const card = page.locator('.ant-card').filter({ hasText: 'Tổ chức lại đơn vị' });
  await card.getByLabel('Thư mục bản sao lưu của đơn vị cũ').fill(haGiang);
  await page.keyboard.press('Enter');
  const facts = card.getByTestId('takeover-facts');
  await expect(facts).toContainText('Sở Giáo dục và Đào tạo Hà Giang');
  await expect(facts).toContainText('4');
  await card.getByLabel('Hình thức tổ chức lại').click();
  await page.locator('.ant-select-item-option', { hasText: 'Sáp nhập vào đơn vị này' }).click();
  await expect(card.getByLabel('Ngày hiệu lực')).toHaveValue('01/07/2025');
  await expect(card.getByRole('checkbox', { name: /Trần Thị Văn Thư/ })).toBeChecked();
  await expect(card.getByRole('group', { name: 'Người chuyển sang đơn vị này' })).toBeVisible();
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/reform-check.png' });
  expect(await seriousFindings(page)).toEqual([]);
  await card.getByRole('button', { name: 'Tiếp nhận', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Tiếp nhận' }).click();
  const result = card.getByTestId('takeover-result');
  await expect(result).toContainText('Đã tiếp nhận Sở Giáo dục và Đào tạo Hà Giang');
  await expect(result).toContainText('4 văn bản');
  await expect(result).toContainText('vanthu → vanthu.sgddt');
  await expect(card.getByRole('row', { name: /Hà Giang.*Sáp nhập vào đơn vị này.*01\/07\/2025/ })).toBeVisible();
  await page.screenshot({ path: 'test-results/reform-done.png' });

  // The register shows the office's own book; Hà Giang's is read on its own.
  await page.getByRole('menuitem', { name: 'Văn bản đến' }).click();
  const rows = page.locator('.vt-table-wrap .ant-table-row');
  await expect(rows).toHaveCount(3);
  await page.getByLabel('Sổ của đơn vị cũ').click();
  await page.locator('.ant-select-item-option', { hasText: 'Sở Giáo dục và Đào tạo Hà Giang' }).click();
  await expect(rows).toHaveCount(4);
  await page.screenshot({ path: 'test-results/reform-old-register.png' });
  await page.getByRole('button', { name: 'In sổ', exact: true }).click();
  await page.getByLabel('Quyển sổ').click();
  const option = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', {
    hasText: 'Sổ văn bản đến 2026 — Sở Giáo dục và Đào tạo Hà Giang (sáp nhập từ 01/07/2025)',
  });
  await expect(option).toBeVisible();
  await expect(option).toContainText('Đã khóa');
  await page.screenshot({ path: 'test-results/reform-books.png' });
  // Esc closes the list, Esc again the dialog.
  await page.keyboard.press('Escape');
  await expect(option).toBeHidden();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog').filter({ hasText: 'In sổ, xuất Excel' })).toBeHidden();

  // The units under the office are counted by the sync server, which this PC has not joined.
  await page.getByRole('menuitem', { name: 'Báo cáo' }).click();
  await page.getByRole('button', { name: 'Xem báo cáo các đơn vị trực thuộc' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Báo cáo các đơn vị trực thuộc' })).toContainText('chưa kết nối máy chủ');
  await page.screenshot({ path: 'test-results/reform-units-report.png' });
  await server.stop();
});
