// A clerk's first morning: set the program up, log in, register three documents from the
// keyboard only, restart the program, find them again.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startServer, type RunningServer } from './server';

const PASSWORD = 'matkhau-12345';

async function typeAndEnter(page: Page, text: string) {
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

function registerRows(page: Page) {
  return page.locator('.vt-table-wrap .ant-table-tbody .ant-table-row');
}

test('setup → login → three documents from the keyboard → restart → search', async ({ page }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'vanthu-e2e-'));
  let server: RunningServer = await startServer(dataDir);

  // First run.
  await page.goto(server.url);
  await expect(page.getByText('Thiết lập VănThư lần đầu')).toBeVisible();
  await expect(page.getByLabel('Tên cơ quan, đơn vị')).toBeFocused();
  await typeAndEnter(page, 'Trường Trung học phổ thông Phan Đình Phùng');
  await typeAndEnter(page, 'THPTPĐP');
  await typeAndEnter(page, 'Nguyễn Thị Văn Thư');
  await typeAndEnter(page, 'vanthu');
  await typeAndEnter(page, PASSWORD);
  await typeAndEnter(page, PASSWORD);
  await expect(page.getByRole('heading', { name: 'Sổ đăng ký văn bản đến' })).toBeVisible();

  // Log out, log in again by keyboard.
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(page.getByText('Đăng nhập VănThư')).toBeVisible();
  await typeAndEnter(page, 'vanthu');
  await typeAndEnter(page, 'sai-mat-khau');
  await expect(page.getByText(/Sai tên đăng nhập hoặc mật khẩu/)).toBeVisible();
  await page.getByLabel('Mật khẩu').focus();
  await typeAndEnter(page, PASSWORD);
  await expect(page.getByRole('heading', { name: 'Sổ đăng ký văn bản đến' })).toBeVisible();
  await expect(page.getByText('Sổ chưa có văn bản nào')).toBeVisible();

  // Document 1: every field by Enter, saved by Enter on the last field.
  await page.keyboard.press('F2');
  await expect(page.getByText('Vào sổ văn bản đến', { exact: true })).toBeVisible();
  await expect(page.getByTestId('next-number')).toHaveText('1');
  await expect(page.locator('#incoming_agency')).toBeFocused();
  await typeAndEnter(page, 'Bộ Giáo dục và Đào tạo');
  await typeAndEnter(page, '142/KH-BGDĐT');
  await typeAndEnter(page, 'KH');
  await typeAndEnter(page, '02032026');
  await typeAndEnter(page, 'Kế hoạch tổ chức kỳ thi tốt nghiệp trung học phổ thông năm 2026');
  await page.keyboard.press('Enter'); // mức độ khẩn: Thường
  await page.keyboard.press('Enter'); // độ mật: Thường
  await typeAndEnter(page, '4');
  await typeAndEnter(page, 'Phòng Giáo dục Trung học');
  await page.keyboard.press('Enter'); // no deadline
  await typeAndEnter(page, 'Bản giấy và bản điện tử');
  await expect(page.getByTestId('last-registered')).toContainText('số đến 1');
  await expect(page.locator('#incoming_agency')).toBeFocused();

  // Document 2 and 3: the essentials, then Ctrl+S.
  await typeAndEnter(page, 'Sở Giáo dục và Đào tạo Hà Nội');
  await typeAndEnter(page, '123/SGDĐT-VP');
  await typeAndEnter(page, 'CV');
  await typeAndEnter(page, '05/03/2026');
  await page.keyboard.type('Về việc bồi dưỡng, đào tạo giáo viên cốt cán');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('last-registered')).toContainText('số đến 2');

  // A known organ is one arrow away; Enter alone would keep "Bộ Giáo" as typed (a new organ).
  await page.keyboard.type('Bộ Giáo');
  await expect(page.getByTestId('agency-keep-typed')).toContainText('Giữ như đã gõ: Bộ Giáo');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await typeAndEnter(page, '15/QĐ-BGDĐT');
  await typeAndEnter(page, 'qd');
  await typeAndEnter(page, '06032026');
  await page.keyboard.type('Quyết định ban hành quy chế thi');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('last-registered')).toContainText('số đến 3');
  await expect(page.getByTestId('next-number')).toHaveText('4');
  await page.screenshot({ path: 'test-results/incoming-form.png' });

  // The same organ + code again is caught as a duplicate, naming the number it already has.
  await typeAndEnter(page, 'Bộ Giáo dục và Đào tạo');
  await typeAndEnter(page, '142/kh-bgddt');
  await typeAndEnter(page, 'KH');
  await typeAndEnter(page, '02/03/2026');
  await page.keyboard.type('Bản điện tử của kế hoạch');
  await page.keyboard.press('Control+s');
  const warning = page.getByRole('dialog').filter({ hasText: 'Văn bản có thể đã vào sổ' });
  await expect(warning).toBeVisible();
  await expect(warning).toContainText(/số đến 1\/2026/);
  await page.getByRole('button', { name: 'Không, để tôi xem lại' }).click();
  await page.keyboard.press('Escape');

  await expect(registerRows(page)).toHaveCount(3);
  await expect(registerRows(page).first()).toContainText('15/QĐ-BGDĐT');
  await expect(registerRows(page).first()).toContainText('Bộ Giáo dục và Đào tạo');
  await expect(registerRows(page).first()).toContainText('06/03/2026');

  // Restart the program: the register is still there.
  await server.stop();
  server = await startServer(dataDir);
  await page.goto(server.url);
  await expect(page.getByText('Đăng nhập VănThư')).toBeVisible();
  await typeAndEnter(page, 'vanthu');
  await typeAndEnter(page, PASSWORD);
  await expect(registerRows(page)).toHaveCount(3);
  const numbers = await registerRows(page).locator('.ant-table-cell:nth-child(2)').allInnerTexts();
  expect(numbers.map((n) => n.trim())).toEqual(['3', '2', '1']);
  await page.screenshot({ path: 'test-results/incoming-register.png' });

  // Search without diacritics.
  await page.getByLabel('Tìm kiếm văn bản đến').fill('ke hoach');
  await expect(registerRows(page)).toHaveCount(1);
  await expect(registerRows(page).first()).toContainText('142/KH-BGDĐT');
  await page.getByLabel('Tìm kiếm văn bản đến').fill('dao tao giao vien');
  await expect(registerRows(page)).toHaveCount(1);
  await expect(registerRows(page).first()).toContainText('123/SGDĐT-VP');
  await page.screenshot({ path: 'test-results/incoming-search.png' });

  await server.stop();
});
