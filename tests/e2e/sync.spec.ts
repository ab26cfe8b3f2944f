// Two PCs of one office in browser mode, each with its own data folder, and one sync server:
// the admin connects the first from Đồng bộ, the second joins from its setup screen, a document
// registered on the second shows on the first after "Đồng bộ ngay".
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startSyncServer } from '../helpers/syncServer';
import { CLERK, seededDataDir } from './seed';
import { startServer } from './server';

async function login(page: Page, username: string) {
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(CLERK.password);
  await page.keyboard.press('Enter');
}

test('register on one PC, see it on the other after Đồng bộ ngay', async ({ browser }) => {
  const sync = await startSyncServer();
  const first = await startServer(await seededDataDir(3));
  const second = await startServer(mkdtempSync(join(tmpdir(), 'vanthu-e2e-join-')));
  const a = await browser.newPage();
  const b = await browser.newPage();
  try {
    // PC 1: the admin connects it; its register goes up.
    await a.goto(first.url);
    await login(a, 'quantri');
    await a.getByRole('menuitem', { name: 'Đồng bộ' }).click();
    const connect = a.getByTestId('sync-connect');
    await connect.getByLabel('Địa chỉ máy chủ').fill('http://dongbo.pgd.edu.vn');
    await connect.getByLabel('Mã đăng ký').fill(await sync.code());
    await connect.getByRole('button', { name: 'Kết nối' }).click();
    await expect(connect.getByText(/phải dùng https:\/\//)).toBeVisible();
    await connect.getByLabel('Địa chỉ máy chủ').fill(sync.url);
    await connect.getByLabel('Tên máy này (để quản trị nhận ra)').fill('Máy văn thư');
    await connect.getByRole('button', { name: 'Kết nối' }).click();
    const status = a.getByTestId('sync-status');
    await expect(status).toContainText('Đã đồng bộ');
    await expect(status.getByTestId('sync-waiting')).toHaveText('0');
    await expect(status).toContainText('Đơn vị TRUONG-A');
    await a.screenshot({ path: 'test-results/sync-status.png' });

    // PC 2: a new install joins the office from its setup screen.
    await b.goto(second.url);
    await expect(b.getByText('Thiết lập VănThư lần đầu')).toBeVisible();
    await b.getByText('Nối vào đơn vị đã có').click();
    await b.getByLabel('Địa chỉ máy chủ đồng bộ').fill(sync.url);
    await b.getByLabel('Mã đăng ký').fill('SAI0-SAI0-SAI0');
    await b.getByRole('button', { name: 'Kết nối và tải dữ liệu' }).click();
    await expect(b.getByTestId('join-error')).toContainText('Mã đăng ký không đúng');
    await b.getByLabel('Mã đăng ký').fill(await sync.code());
    await b.screenshot({ path: 'test-results/sync-join.png' });
    await b.getByRole('button', { name: 'Kết nối và tải dữ liệu' }).click();
    await expect(b.getByText('Đăng nhập VănThư')).toBeVisible();
    await login(b, CLERK.username);
    await expect(b.getByRole('heading', { name: 'Sổ đăng ký văn bản đến' })).toBeVisible();
    await expect(b.locator('.vt-table-wrap .ant-table-tbody .ant-table-row')).toHaveCount(3);

    // The network goes down. Both PCs register the next document of the same book: số đến 4.
    await sync.stop();
    await b.keyboard.press('F2');
    await expect(b.getByTestId('next-number')).toHaveText('4');
    await b.keyboard.type('Ủy ban nhân dân thành phố Hà Nội');
    await b.keyboard.press('Enter');
    await b.keyboard.type('77/UBND-KGVX');
    await b.keyboard.press('Enter');
    await b.keyboard.type('CV');
    await b.keyboard.press('Enter');
    await b.keyboard.type('20/03/2026');
    await b.keyboard.press('Enter');
    await b.keyboard.type('Về việc tăng cường công tác phòng cháy chữa cháy trong trường học');
    await b.keyboard.press('Control+s');
    await expect(b.getByTestId('last-registered')).toContainText('số đến 4');
    await b.keyboard.press('Escape');

    await a.getByRole('menuitem', { name: 'Văn bản đến' }).click();
    await a.keyboard.press('F2');
    await expect(a.getByTestId('next-number')).toHaveText('4');
    await a.keyboard.type('Sở Tài chính Hà Nội');
    await a.keyboard.press('Enter');
    await a.keyboard.type('12/STC-NS');
    await a.keyboard.press('Enter');
    await a.keyboard.type('CV');
    await a.keyboard.press('Enter');
    await a.keyboard.type('21/03/2026');
    await a.keyboard.press('Enter');
    await a.keyboard.type('Về việc hướng dẫn quyết toán kinh phí năm 2025');
    await a.keyboard.press('Control+s');
    await expect(a.getByTestId('last-registered')).toContainText('số đến 4');
    await a.keyboard.press('Escape');

    // PC 2 tries while the server is down: told so, its change waits.
    await b.getByRole('menuitem', { name: 'Đồng bộ' }).click();
    await b.getByRole('button', { name: 'Đồng bộ ngay' }).click();
    await expect(b.getByTestId('sync-error')).toContainText('Không kết nối được máy chủ đồng bộ');
    await expect(b.getByTestId('sync-waiting')).not.toHaveText('0');
    await b.screenshot({ path: 'test-results/sync-offline.png' });
    // Back online.
    await sync.restart();
    await b.getByRole('button', { name: 'Đồng bộ ngay' }).click();
    await expect(b.getByText('Đã đồng bộ xong.')).toBeVisible();
    await expect(b.getByTestId('sync-waiting')).toHaveText('0');

    // PC 1 syncs: PC 2's document arrives, both số đến 4 are kept and flagged.
    await a.getByRole('menuitem', { name: 'Đồng bộ' }).click();
    await a.getByRole('button', { name: 'Đồng bộ ngay' }).click();
    await expect(a.getByText('Đã đồng bộ xong.')).toBeVisible();
    const clashes = a.getByTestId('sync-clashes');
    await expect(clashes).toContainText('số 4/2026');
    await expect(clashes).toContainText('77/UBND-KGVX');
    await expect(clashes).toContainText('12/STC-NS');
    await a.screenshot({ path: 'test-results/sync-clash.png' });
    await clashes
      .getByRole('row', { name: /12\/STC-NS/ })
      .getByRole('button', { name: 'Cấp số mới' })
      .click();
    const confirm = a.getByRole('dialog');
    await expect(confirm).toContainText('Cấp số mới cho văn bản 12/STC-NS?');
    // The confirm opens with an animation; a click in its first frames can miss.
    await expect(async () => {
      if (await confirm.isVisible()) await confirm.getByRole('button', { name: 'Cấp số mới' }).click({ timeout: 2000 });
      await expect(confirm).toBeHidden({ timeout: 2000 });
    }).toPass({ timeout: 20_000 });
    await expect(clashes).toBeHidden();

    // PC 1's register: PC 2's document as 4, its own renumbered 5.
    await a.getByRole('menuitem', { name: 'Văn bản đến' }).click();
    await expect(a.getByText('Về việc tăng cường công tác phòng cháy chữa cháy trong trường học')).toBeVisible();
    // The số đến is the row's first bold figure.
    await expect(a.locator('.ant-table-row', { hasText: '12/STC-NS' }).locator('strong').first()).toHaveText('5');
    await expect(a.locator('.ant-table-row', { hasText: '77/UBND-KGVX' }).locator('strong').first()).toHaveText('4');
    await a.screenshot({ path: 'test-results/sync-register.png' });
  } finally {
    await a.close();
    await b.close();
    await first.stop();
    await second.stop();
    await sync.close();
  }
});
