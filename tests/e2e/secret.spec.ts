// A secret document as a specialist who does not handle it sees it: the register row and the
// document open masked, with the number, date and organ and a notice why; the admin declares the
// PC off the network in Quản trị → Máy tính này. At 1366×768, from the keyboard.
import { expect, test } from '@playwright/test';
import { INCOMING_DEFAULTS, registerIncoming } from '../../db/incoming/incoming.js';
import { openStore } from '../../db/core/store.js';
import { storePath } from '../../electron/dataDir.js';
import { CLERK, SPECIALIST, seededDataDir } from './seed';
import { startServer } from './server';

test.use({ viewport: { width: 1366, height: 768 } });

test('a secret document opens masked to a specialist who does not handle it', async ({ page }) => {
  const dir = await seededDataDir(2);
  const store = openStore(storePath(dir));
  const clerk = (store.sqlite.prepare('SELECT id FROM users WHERE username = ?').get(CLERK.username) as { id: string }).id;
  registerIncoming(
    store,
    { userId: clerk },
    {
      agency: 'Bộ Giáo dục và Đào tạo',
      code: '9/KH-BGDĐT',
      type: 'KH',
      issuedDate: '2026-01-05',
      summary: 'Phương án bảo vệ đề thi tuyển sinh lớp 10',
      ...INCOMING_DEFAULTS,
      confidentiality: 'toi_mat',
    },
  );
  store.close();
  const server = await startServer(dir);
  await page.goto(`${server.url}#/incoming`);
  await page.getByLabel('Tên đăng nhập').fill(SPECIALIST.username);
  await page.getByLabel('Mật khẩu').fill(SPECIALIST.password);
  await page.keyboard.press('Enter');
  const row = page.locator('.ant-table-row').filter({ hasText: '9/KH-BGDĐT' });
  await expect(row).toContainText('Văn bản mật');
  await expect(page.getByText('Phương án bảo vệ đề thi')).toHaveCount(0);
  await row.click();
  const drawer = page.getByRole('dialog').filter({ hasText: 'Văn bản đến số' });
  await expect(drawer).toContainText('chỉ văn thư, lãnh đạo và người được giao xử lý');
  await expect(drawer).toContainText('Bộ Giáo dục và Đào tạo');
  await expect(drawer).toContainText('Tối mật');
  await expect(drawer.getByRole('button', { name: 'Sửa' })).toHaveCount(0);
  await page.screenshot({ path: 'test-results/secret-masked.png' });
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Đăng xuất' }).click();

  await page.getByLabel('Tên đăng nhập').fill('quantri');
  await page.getByLabel('Mật khẩu').fill(CLERK.password);
  await page.keyboard.press('Enter');
  await page.goto(`${server.url}#/admin`);
  const card = page.locator('.ant-card').filter({ hasText: 'Máy tính này' });
  await card.scrollIntoViewIfNeeded();
  const toggle = card.getByRole('switch');
  await toggle.focus();
  await page.keyboard.press('Space');
  await expect(page.getByText('Đã khai báo máy này không nối mạng.')).toBeVisible();
  await expect(toggle).toBeChecked();
  await page.screenshot({ path: 'test-results/this-pc.png' });
  await server.stop();
});
