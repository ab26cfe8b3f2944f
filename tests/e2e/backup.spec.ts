// The admin is warned there is no backup, makes one from Quản trị, and checks it for a restore.
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { CLERK, seededDataDir } from './seed';
import { startServer } from './server';

test('back up from Quản trị and check the backup', async ({ page }) => {
  const server = await startServer(await seededDataDir(5));
  const folder = mkdtempSync(join(tmpdir(), 'vanthu-e2e-backup-'));
  await page.goto(server.url);
  await page.getByLabel('Tên đăng nhập').fill('quantri');
  await page.getByLabel('Mật khẩu').fill(CLERK.password);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('backup-banner')).toContainText('Chưa có bản sao lưu nào');
  await page.getByTestId('backup-banner').getByRole('button', { name: 'Sao lưu' }).click();

  const card = page.getByTestId('backup-card');
  await card.getByLabel('Thư mục sao lưu').fill(folder);
  await card.getByLabel('Sao lưu hằng ngày').click();
  await expect(page.getByText('Đã bật sao lưu hằng ngày.')).toBeVisible();
  await card.getByRole('button', { name: 'Sao lưu ngay' }).click();
  await expect(page.getByText(/Đã sao lưu 5 văn bản/)).toBeVisible();
  await expect(card).toContainText('Lần sao lưu tốt gần nhất');
  const made = readdirSync(folder).find((n) => n.startsWith('VanThu-'))!;

  await card.getByLabel('Thư mục bản sao lưu').fill(join(folder, made));
  await card.getByRole('button', { name: 'Kiểm tra' }).click();
  await expect(card.getByTestId('backup-verified')).toContainText('Toàn vẹn, khớp mã kiểm tra');
  await expect(card.getByTestId('backup-verified')).toContainText('Sở Giáo dục và Đào tạo Hà Nội');
  await expect(card.getByRole('button', { name: 'Khôi phục' })).toBeEnabled();
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/backup.png' });
  await server.stop();
});
