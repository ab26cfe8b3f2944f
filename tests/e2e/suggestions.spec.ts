// Suggestions from the office's history, through the real UI: the leader's direction form comes
// filled with the phòng, the phối hợp and the deadline the office gave alike documents, marked
// and explained; he may take another in one click; the specialist's "Lưu vào hồ sơ" comes with
// the dossier alike documents went to.
import { expect, test } from '@playwright/test';
import { addRoutingHistory, LEADER, SPECIALIST, seededDataDir } from './seed';
import { startServer } from './server';
import { login } from './login';
import { seriousFindings } from './axe';

test('the leader routes from the suggestion; the specialist files where alike documents went', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const dir = await seededDataDir(0);
  await addRoutingHistory(dir);
  const server = await startServer(dir);

  await login(page, server.url, LEADER);
  await page.locator('.vt-table-wrap .ant-table-row', { hasText: '999/BGDĐT-GDTrH' }).click();
  const drawer = page.getByRole('dialog').filter({ hasText: 'Phiếu giải quyết văn bản đến' });
  const hint = drawer.getByTestId('routing-hint');
  await expect(hint).toContainText('Đề xuất: Phòng Giáo dục Trung học chủ trì');
  await expect(hint).toContainText(/Giống \d+ văn bản trước/);
  await expect(hint).toContainText('“tuyển sinh”');
  const lead = drawer.locator('.ant-form-item', { hasText: 'Chủ trì' });
  await expect(lead).toHaveClass(/vt-suggested/);
  await expect(lead).toContainText('Phòng Giáo dục Trung học');
  await expect(drawer.locator('.ant-form-item', { hasText: 'Phối hợp' })).toContainText('Phòng Kế hoạch - Tài chính');
  await expect(drawer.locator('.ant-form-item', { hasText: 'Hạn xử lý' })).toContainText('thường 10 ngày làm việc');
  await page.screenshot({ path: 'test-results/suggestions-leader.png' });
  expect(await seriousFindings(page)).toEqual([]);

  await drawer.getByLabel('Ý kiến chỉ đạo').fill('Giao Phòng GDTrH chủ trì tham mưu.');
  await drawer.getByRole('button', { name: 'Giao việc' }).click();
  await expect(drawer.getByText('Đã phân công', { exact: true })).toBeVisible();
  await expect(drawer.getByText('Phòng Giáo dục Trung học').first()).toBeVisible();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Đăng xuất' }).click();

  await login(page, server.url, SPECIALIST);
  await page.getByRole('menuitem', { name: /Văn bản đến/ }).click();
  await page.locator('.vt-table-wrap .ant-table-row', { hasText: '999/BGDĐT-GDTrH' }).click();
  const detail = page.getByRole('dialog').filter({ hasText: '999/BGDĐT-GDTrH' });
  await expect(detail.getByTestId('dossier-hint')).toContainText('Đề xuất 05.GDTrH');
  await expect(detail.getByLabel('Hồ sơ để lưu văn bản').locator('..').locator('..')).toContainText('Hồ sơ tuyển sinh lớp 10');
  await page.screenshot({ path: 'test-results/suggestions-dossier.png' });
  await detail.getByRole('button', { name: 'Lưu vào hồ sơ' }).click();
  await expect(page.getByText('Đã lưu vào hồ sơ 05.GDTrH.').last()).toBeVisible();
  await server.stop();
});
