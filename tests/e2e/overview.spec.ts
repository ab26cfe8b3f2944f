// Tổng quan: the overdue figure opens the overdue list, and a line of it opens the document.
import { expect, test } from '@playwright/test';
import { addLateTask, LEADER, seededDataDir } from './seed';
import { startServer } from './server';

test('the overdue figure opens the overdue list', async ({ page }) => {
  const dir = await seededDataDir(3);
  // One document assigned in January with a deadline that has long passed.
  addLateTask(dir, { agency: 'Bộ Giáo dục và Đào tạo', code: '77/BGDĐT-GDTrH', type: 'CV', summary: 'Báo cáo số liệu đầu năm học' });

  const server = await startServer(dir);
  await page.goto(`${server.url}#/overview`);
  await page.getByLabel('Tên đăng nhập').fill(LEADER.username);
  await page.getByLabel('Mật khẩu').fill(LEADER.password);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /Tổng quan/ })).toBeVisible();
  const overdue = page.getByTestId('figure-overdue');
  await expect(overdue).toContainText('1');
  await page.screenshot({ path: 'test-results/overview.png' });
  await overdue.click();
  const list = page.getByTestId('overview-list');
  await expect(list).toContainText('77/BGDĐT-GDTrH');
  await expect(list).toContainText('Quá hạn');
  await list.locator('.ant-list-item').first().click();
  await expect(page.getByRole('dialog').filter({ hasText: 'Phiếu giải quyết văn bản đến' })).toContainText('Báo cáo số liệu đầu năm học');
  await server.stop();
});
