// The register on the screens offices have (#15 item 8): at 1366×768 — and 1280×720, 1920×1080 —
// every decree column's header is on screen without a sideways scroll, the toolbar is one line,
// and the status line under the table is inside the window, with a deadline banner shown too.
import { expect, test, type Page } from '@playwright/test';
import { corpusDocument } from '../bench/corpus.js';
import { addLateTask, CLERK, seededDataDir } from './seed';
import { startServer } from './server';

const INCOMING_HEADERS = [
  'Ngày đến',
  'Số đến',
  'Tác giả',
  'Số, ký hiệu văn bản',
  'Ngày tháng văn bản',
  'Tên loại và trích yếu nội dung văn bản',
  'Đơn vị hoặc người nhận',
  'Ngày chuyển',
  'Ký nhận',
  'Ghi chú',
];

/** A late task for the clerk: the deadline banner shows above the register. */
async function officeWithALateTask() {
  const dir = await seededDataDir(60);
  addLateTask(dir, corpusDocument(99));
  return dir;
}

async function inView(page: Page, selector: string) {
  const box = await page.locator(selector).first().boundingBox();
  const size = page.viewportSize()!;
  expect(box, selector).not.toBeNull();
  return box!.x >= 0 && box!.y >= 0 && box!.x + box!.width <= size.width + 0.5 && box!.y + box!.height <= size.height + 0.5;
}

for (const [width, height] of [
  [1366, 768],
  [1280, 720],
  [1920, 1080],
] as const) {
  test(`the incoming register at ${width}×${height}: ten columns, one toolbar line, the status line on screen`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    const server = await startServer(await officeWithALateTask());
    await page.goto(server.url);
    await page.getByLabel('Tên đăng nhập').fill(CLERK.username);
    await page.getByLabel('Mật khẩu').fill(CLERK.password);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('register-status')).toContainText('Đã hiện 61 văn bản');
    await expect(page.getByTestId('deadline-banner')).toBeVisible();
    await page.screenshot({ path: `test-results/screens/so-den-${width}x${height}.png` });

    const headers = page.locator('.vt-register .ant-table-thead th');
    for (const title of INCOMING_HEADERS) {
      const th = headers.filter({ hasText: title }).first();
      const box = (await th.boundingBox())!;
      expect(box.x + box.width, `“${title}” ends inside the window`).toBeLessThanOrEqual(width);
    }
    // Nothing to scroll sideways: the table is as wide as its frame.
    const sideways = await page
      .locator('.vt-register .ant-table-tbody-virtual-holder, .vt-register .ant-table-body')
      .first()
      .evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(sideways).toBeLessThanOrEqual(1);
    expect(await inView(page, '[data-testid=register-status]')).toBe(true);
    // The toolbar is one line: its buttons sit level with the search box.
    const search = (await page.getByLabel('Tìm kiếm văn bản đến').boundingBox())!;
    const add = (await page.getByRole('button', { name: 'Vào sổ (F2)' }).boundingBox())!;
    expect(Math.abs(add.y + add.height / 2 - (search.y + search.height / 2))).toBeLessThan(6);
    expect(await inView(page, 'button:has-text("Vào sổ (F2)")')).toBe(true);
    await server.stop();
  });
}
