// Pick lists are searched by the Vietnamese label shown, folded like the search box (#15 item 7):
// "lanh" finds Lãnh đạo, the internal "leader" finds nothing; people by their names without
// diacritics.
import { expect, test } from '@playwright/test';
import { CLERK, seededDataDir } from './seed';
import { startServer } from './server';

test.use({ viewport: { width: 1366, height: 768 } });

test('the role picker finds “Lãnh đạo” by “lanh”, not by its internal name', async ({ page }) => {
  const server = await startServer(await seededDataDir(0));
  await page.goto(`${server.url}#/admin`);
  await page.getByLabel('Tên đăng nhập').fill('quantri');
  await page.getByLabel('Mật khẩu').fill(CLERK.password);
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Thêm người dùng' }).click();
  const dialog = page.getByRole('dialog').filter({ hasText: 'Thêm người dùng' });
  const roles = dialog.getByLabel('Vai trò');
  await roles.focus();
  await page.keyboard.type('lanh');
  const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
  await expect(options).toHaveText(['Lãnh đạo']);
  await page.keyboard.press('Enter');
  await expect(dialog.locator('.ant-select-selection-item')).toContainText(['Lãnh đạo']);
  await page.keyboard.type('leader');
  await expect(options).toHaveCount(0);
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('VAN THU');
  await expect(options).toHaveText(['Văn thư']);
  await page.screenshot({ path: 'test-results/role-picker.png' });
  await server.stop();
});
