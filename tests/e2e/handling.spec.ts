// A document's life in the office, through the real UI: the clerk attaches the scan and stamps
// it and submits it; the leader directs and assigns with a deadline; the specialist finds it in
// Việc của tôi and completes it; the history shows every step.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { samplePdf } from '../helpers/pdfFixtures';
import { hasPoppler, pdftotext } from '../helpers/pdfText';
import { CLERK, LEADER, SPECIALIST, seededDataDir } from './seed';
import { startServer } from './server';
import { login } from './login';

async function logout(page: Page) {
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(page.getByText('Đăng nhập VănThư')).toBeVisible();
}

async function pick(page: Page, label: string, option: string) {
  await page.getByLabel(label).click();
  await page.keyboard.type(option);
  await page.locator('.ant-select-item-option', { hasText: option }).first().click();
}

test('attach and stamp → submit → assign with a deadline → complete → history', async ({ page }) => {
  const server = await startServer(await seededDataDir(1));
  const pdfPath = join(mkdtempSync(join(tmpdir(), 'vanthu-e2e-pdf-')), 'Kế hoạch thi.pdf');
  writeFileSync(pdfPath, await samplePdf(2, 'Ke hoach thi'));

  // The clerk: open the document, attach the scan, stamp it, submit it to the leader.
  await login(page, server.url, CLERK);
  await page.locator('.vt-table-wrap .ant-table-row').first().click();
  const drawer = page.getByRole('dialog').filter({ hasText: 'Phiếu giải quyết văn bản đến' });
  await expect(drawer.getByText('Văn bản đến số 1/2026')).toBeVisible();
  await drawer.locator('input[type=file]').setInputFiles(pdfPath);
  await expect(drawer.getByTestId('attachment-row')).toHaveCount(1);
  await expect(drawer.getByTestId('attachment-row')).toContainText('2 trang');
  await drawer.getByRole('button', { name: 'Đóng dấu ĐẾN' }).click();
  await page.getByRole('button', { name: 'Đóng dấu (Enter)' }).click();
  await expect(drawer.getByText('Bản có dấu ĐẾN')).toBeVisible();
  await expect(drawer.getByTestId('attachment-row')).toHaveCount(2);
  await expect(drawer.getByTestId('pdf-preview').locator('canvas').first()).toBeVisible();
  // A downloaded copy carries the mark with who took it and when; the access is on record.
  const downloading = page.waitForEvent('download');
  await drawer.getByRole('button', { name: 'Tải về Kế hoạch thi.pdf' }).click();
  const copyPath = join(mkdtempSync(join(tmpdir(), 'vanthu-e2e-copy-')), 'ban-tai.pdf');
  await (await downloading).saveAs(copyPath);
  if (hasPoppler()) expect(pdftotext(new Uint8Array(readFileSync(copyPath)), 2)).toContain('Bản in/tải từ VănThư — Trần Thị Văn Thư');
  await drawer.getByRole('button', { name: /Lịch sử truy cập/ }).click();
  const access = drawer.getByTestId('access-history');
  await expect(access).toContainText('Tải về');
  await expect(access).toContainText('Kế hoạch thi.pdf');
  await expect(access).toContainText('(thông tin văn bản)');
  await access.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/access-history.png' });
  await pick(page, 'Lãnh đạo nhận trình', 'Phạm Văn');
  await drawer.getByRole('button', { name: 'Trình lãnh đạo' }).click();
  await expect(drawer.getByText('Đã trình', { exact: true })).toBeVisible();
  await page.keyboard.press('Escape');
  await logout(page);

  // The leader: told by the bell, he opens it from there — direction, lead, deadline.
  await login(page, server.url, LEADER);
  await page.getByRole('button', { name: 'Thông báo (1 chưa đọc)' }).click();
  const notice = page.getByTestId('notification').first();
  await expect(notice).toContainText('Văn bản trình xin ý kiến chỉ đạo (Trần Thị Văn Thư trình)');
  await page.screenshot({ path: 'test-results/notifications.png' });
  await notice.click();
  await expect(drawer.getByText('Cho ý kiến chỉ đạo và giao việc')).toBeVisible();
  await drawer.getByLabel('Ý kiến chỉ đạo').fill('Giao đ/c Chuyên Viên chủ trì tham mưu, báo cáo trước hạn.');
  await pick(page, 'Chủ trì', 'Lê Thị Chuyên');
  await drawer.getByLabel('Hạn xử lý').pressSequentially('31122026');
  await drawer.getByRole('button', { name: 'Giao việc' }).click();
  await expect(drawer.getByTestId('direction')).toHaveText('Giao đ/c Chuyên Viên chủ trì tham mưu, báo cáo trước hạn.');
  await expect(drawer.getByText('Đã phân công', { exact: true })).toBeVisible();
  await page.keyboard.press('Escape');
  await logout(page);

  // The specialist: Việc của tôi, then done.
  await login(page, server.url, SPECIALIST);
  await expect(page.getByTestId('tasks-badge')).toContainText('1');
  await page.getByRole('menuitem', { name: /Việc của tôi/ }).click();
  await expect(page.getByRole('heading', { name: 'Việc của tôi' })).toBeVisible();
  const row = page.locator('.ant-table-row').first();
  await expect(row).toContainText('Chủ trì');
  await expect(row).toContainText('31/12/2026');
  await page.screenshot({ path: 'test-results/tasks-mine.png' });
  await row.getByRole('button', { name: 'Hoàn thành' }).click();
  await page.getByLabel('Kết quả xử lý').fill('Đã tham mưu kế hoạch tổ chức thi của Sở');
  await page.getByLabel('Số, ký hiệu văn bản trả lời (nếu có)').fill('57/KH-SGDĐT');
  await page.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByText('Không có việc nào được giao cho bạn.')).toBeVisible();

  // Everyone sees the whole trace.
  await page.getByRole('menuitem', { name: /Văn bản đến/ }).click();
  await page.locator('.vt-table-wrap .ant-table-row').first().click();
  const history = drawer.getByTestId('history');
  await expect(history).toContainText('Trình lãnh đạo: Phạm Văn Lãnh Đạo');
  await expect(history).toContainText('Chỉ đạo: “Giao đ/c Chuyên Viên chủ trì tham mưu, báo cáo trước hạn.” — Chủ trì: Lê Thị Chuyên Viên');
  await expect(history).toContainText('Hoàn thành (Chủ trì): Đã tham mưu kế hoạch tổ chức thi của Sở — văn bản trả lời 57/KH-SGDĐT');
  await expect(drawer.getByText('Hoàn thành', { exact: true }).first()).toBeVisible();
  await expect(drawer.getByTestId('pdf-preview').locator('canvas').first()).toBeVisible();
  await page.screenshot({ path: 'test-results/incoming-detail.png' });
  await server.stop();
});
