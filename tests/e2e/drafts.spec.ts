// Dự thảo → trình ký → đã ký → cấp số, phát hành, through the real UI by three people.
import { expect, test, type Page } from '@playwright/test';
import { CLERK, LEADER, SPECIALIST, seededDataDir } from './seed';
import { startServer } from './server';

async function login(page: Page, url: string, who: { username: string; password: string }) {
  await page.goto(`${url}#/outgoing`);
  await page.getByLabel('Tên đăng nhập').fill(who.username);
  await page.getByLabel('Mật khẩu').fill(who.password);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Đăng xuất' })).toBeVisible();
  await page.getByRole('menuitem', { name: /Văn bản đi/ }).click();
  await page.getByText('Dự thảo, trình ký').click();
}

test('a specialist drafts, the leader signs, the clerk numbers and issues', async ({ page }) => {
  const server = await startServer(await seededDataDir(0));
  await login(page, server.url, SPECIALIST);
  await page.getByRole('button', { name: 'Tạo dự thảo' }).click();
  await page.getByLabel('Loại văn bản').click();
  await page.keyboard.type('TTr');
  await page.keyboard.press('Enter');
  await page.getByLabel('Trích yếu nội dung').fill('Tờ trình đề nghị mua sắm thiết bị dạy học');
  await page.getByRole('button', { name: 'Lưu dự thảo' }).click();
  const row = page.locator('.ant-table-row', { hasText: 'Tờ trình đề nghị mua sắm' });
  await expect(row).toContainText('Dự thảo');
  await row.getByRole('button', { name: 'Trình ký' }).click();
  await page.getByRole('button', { name: 'Trình ký', exact: true }).last().click();
  await expect(row).toContainText('Trình ký');
  await page.getByRole('button', { name: 'Đăng xuất' }).click();

  await login(page, server.url, LEADER);
  await row.getByRole('button', { name: 'Ký', exact: true }).click();
  await expect(row).toContainText('Đã ký');
  await page.screenshot({ path: 'test-results/outgoing-drafts.png' });
  await page.getByRole('button', { name: 'Đăng xuất' }).click();

  await login(page, server.url, CLERK);
  await row.getByRole('button', { name: 'Cấp số, ban hành' }).click();
  await expect(page.getByTestId('symbol-preview')).toHaveText('01/TTr-SGDĐT');
  await page.locator('#outgoing_recipients').fill('UBND thành phố;\nLưu: VT.');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('symbol-preview')).toBeHidden();
  await expect(page.getByText('Không có dự thảo nào đang chờ.')).toBeVisible();
  await page.getByText('Sổ đăng ký', { exact: true }).click();
  await expect(page.locator('.vt-table-wrap .ant-table-row').first()).toContainText('01/TTr-SGDĐT');
  await expect(page.locator('.vt-table-wrap .ant-table-row').first()).toContainText('Phạm Văn Lãnh Đạo');
  await server.stop();
});
