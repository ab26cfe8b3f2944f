// The outgoing register through the real UI: two documents issued from the keyboard, one a
// reply to an incoming document, then recalled (thu hồi); the register printed and opened as a PDF.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { hasPoppler } from '../helpers/pdfText';
import { pageTexts } from '../helpers/pdfPages';
import { CLERK, seededDataDir } from './seed';
import { startServer } from './server';

async function typeAndEnter(page: Page, text: string) {
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

test('issue two documents, one a reply → print the register → the PDF opens', async ({ page }) => {
  const server = await startServer(await seededDataDir(1));
  await page.goto(server.url);
  await page.getByLabel('Tên đăng nhập').fill(CLERK.username);
  await page.getByLabel('Mật khẩu').fill(CLERK.password);
  await page.keyboard.press('Enter');
  await page.getByRole('menuitem', { name: /Văn bản đi/ }).click();
  await expect(page.getByRole('heading', { name: 'Sổ đăng ký văn bản đi' })).toBeVisible();

  // A công văn from Văn phòng, from the keyboard.
  await page.keyboard.press('F2');
  await expect(page.locator('#outgoing_type')).toBeFocused();
  await typeAndEnter(page, 'CV');
  await typeAndEnter(page, 'VP');
  await page.keyboard.press('Enter'); // độ mật: Thường
  await expect(page.getByTestId('symbol-preview')).toHaveText('01/SGDĐT-VP');
  await typeAndEnter(page, 'V/v tổ chức Hội khỏe Phù Đổng năm học 2026-2027');
  await page.keyboard.press('Enter'); // ngày: hôm nay
  await page.keyboard.press('Enter'); // quyền hạn ký
  await typeAndEnter(page, 'Giám đốc');
  await page.keyboard.type('Phạm Văn Lãnh Đạo');
  await page.locator('#outgoing_recipients').fill('Các trường THPT trực thuộc;\nLưu: VT, VP.');
  await page.locator('#outgoing_copies').fill('25');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('last-outgoing')).toContainText('01/SGDĐT-VP');

  // A kế hoạch that answers the incoming document.
  await typeAndEnter(page, 'KH');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('symbol-preview')).toHaveText('02/KH-SGDĐT');
  await page.locator('#outgoing_summary').fill('Kế hoạch triển khai công văn của UBND xã');
  await page.locator('#outgoing_signerName').fill('Phạm Văn Lãnh Đạo');
  await page.locator('#outgoing_recipients').fill('UBND xã Đông Anh;\nLưu: VT.');
  await page.getByLabel('Trả lời văn bản đến').click();
  await page.locator('.ant-select-item-option', { hasText: 'Số đến 1/2026' }).click();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('last-outgoing')).toContainText('02/KH-SGDĐT');
  await page
    .getByRole('dialog')
    .filter({ hasText: 'Số và ký hiệu sẽ cấp' })
    .getByRole('button', { name: 'Đóng', exact: true })
    .last()
    .click();

  await expect(page.getByTestId('symbol-preview')).toBeHidden();
  const rows = page.locator('.vt-table-wrap .ant-table-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText('02/KH-SGDĐT');
  await expect(rows.nth(1)).toContainText('Giám đốc Phạm Văn Lãnh Đạo');
  await page.screenshot({ path: 'test-results/outgoing-register.png' });

  // Thu hồi the kế hoạch: it stays in the register, struck through, with the reason in Ghi chú.
  await rows.first().click();
  const drawer = page.getByRole('dialog').filter({ hasText: 'Văn bản đi 02/KH-SGDĐT' });
  await drawer.getByRole('button', { name: 'Thu hồi văn bản' }).click();
  const ask = page.getByRole('dialog').filter({ hasText: 'Thu hồi văn bản 02/KH-SGDĐT?' });
  await expect(ask.getByLabel('lý do thu hồi')).toBeFocused();
  await page.keyboard.type('Ban hành nhầm nơi nhận');
  await ask.getByRole('button', { name: 'Thu hồi', exact: true }).click();
  await expect(drawer.getByTestId('recalled')).toContainText('Ban hành nhầm nơi nhận');
  await expect(drawer.getByRole('button', { name: 'Ký số…' })).toBeHidden();
  await page.screenshot({ path: 'test-results/outgoing-recalled-detail.png' });
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await expect(page.locator('.ant-drawer-mask')).toHaveCount(0);
  await expect(rows.first()).toHaveClass(/vt-cancelled/);
  await expect(rows.first().locator('.ant-table-cell').first()).toHaveCSS('text-decoration-line', 'line-through');
  await expect(rows.first()).toContainText(/Đã thu hồi ngày \d\d\/\d\d\/\d{4}: Ban hành nhầm nơi nhận/);
  await expect(rows.nth(1)).not.toHaveClass(/vt-cancelled/);
  await page.screenshot({ path: 'test-results/outgoing-register-recalled.png' });

  // Print the register: save the PDF and read it back.
  await page.getByRole('button', { name: 'In sổ', exact: true }).click();
  await expect(page.getByLabel('Quyển sổ')).toBeVisible();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Lưu PDF…' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('Sổ văn bản đi 2026.pdf');
  const saved = 'test-results/outgoing-register.pdf';
  await download.saveAs(saved);
  const pages = await pageTexts(new Uint8Array(readFileSync(saved)));
  expect(pages[0]).toContain('SỔ ĐĂNG KÝ VĂN BẢN ĐI');
  expect(pages[1]).toContain('01/SGDĐT-VP');
  expect(pages[1]).toContain('02/KH-SGDĐT');
  expect(pages[1]!.indexOf('01/SGDĐT-VP')).toBeLessThan(pages[1]!.indexOf('02/KH-SGDĐT'));
  expect(pages[1]).toContain('Đã thu hồi ngày');
  if (hasPoppler())
    execFileSync('pdftoppm', ['-f', '2', '-l', '2', '-r', '80', '-png', '-singlefile', saved, 'test-results/outgoing-register-page']);

  // The incoming document now carries the reply's number.
  await page.keyboard.press('Escape');
  await page.getByRole('menuitem', { name: /Văn bản đến/ }).click();
  await page.locator('.vt-table-wrap .ant-table-row').first().click();
  await expect(page.getByRole('dialog').getByTestId('history')).toContainText('Đã trả lời bằng văn bản 02/KH-SGDĐT');
  await server.stop();
});

test('Danh mục: the office edits a type’s symbol pattern and sees the symbol it gives', async ({ page }) => {
  const server = await startServer(await seededDataDir(0));
  await page.goto(server.url);
  await page.getByLabel('Tên đăng nhập').fill(CLERK.username);
  await page.getByLabel('Mật khẩu').fill(CLERK.password);
  await page.keyboard.press('Enter');
  await page.getByRole('menuitem', { name: /Danh mục/ }).click();
  const row = page.locator('.ant-table-row', { hasText: 'TB — Thông báo' });
  await expect(row).toContainText('05/TB-SGDĐT');
  await page.getByLabel('Mẫu ký hiệu TB').fill('{so}/TB-{coquan}-{donvi}');
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect(row).toContainText('05/TB-SGDĐT-VP');
  await expect(row).toContainText('riêng');
  await expect(page.locator('.ant-table-row', { hasText: 'Sổ văn bản đến' })).toContainText('Đang ghi');
  await page.screenshot({ path: 'test-results/catalog.png' });
  await server.stop();
});
