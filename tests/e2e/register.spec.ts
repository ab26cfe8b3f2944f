// The register as a clerk uses it every day: a long register scrolls and keeps loading; a
// wrong date is explained under its field and nothing is saved; markup stays text.
import { expect, test, type Page } from '@playwright/test';
import { CLERK, seededDataDir } from './seed';
import { startServer } from './server';

async function login(page: Page, url: string) {
  await page.goto(url);
  await page.getByLabel('Tên đăng nhập').fill(CLERK.username);
  await page.getByLabel('Mật khẩu').fill(CLERK.password);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Sổ đăng ký văn bản đến' })).toBeVisible();
}

test('a register of 1,000 documents scrolls to its first number, loading page after page', async ({ page }) => {
  const server = await startServer(await seededDataDir(1000));
  await login(page, server.url);
  const status = page.getByTestId('register-status');
  await expect(status).toContainText('Đã hiện 200 văn bản');
  const holder = page.locator('.ant-table-tbody-virtual-holder');
  for (let i = 0; i < 30; i++) {
    if ((await status.innerText()).includes('1.000 văn bản') && !(await status.innerText()).includes('cuộn')) break;
    await holder.hover();
    await page.mouse.wheel(0, 20_000);
    await page.waitForTimeout(150);
  }
  await expect(status).toHaveText(/Đã hiện 1\.000 văn bản(?! — cuộn)/);
  // Down to the bottom of the register: số đến 1, the first document of the year.
  const lastNumber = page.locator('.vt-table-wrap .ant-table-row').last().locator('.ant-table-cell').nth(1);
  await expect(async () => {
    await page.mouse.wheel(0, 50_000);
    expect(await lastNumber.innerText()).toBe('1');
  }).toPass({ timeout: 15_000 });
  await server.stop();
});

test('a fast fling through 2,008 documents shows each row once (#15 item 2)', async ({ page }) => {
  const server = await startServer(await seededDataDir(2008));
  await login(page, server.url);
  const status = page.getByTestId('register-status');
  await expect(status).toContainText('Đã hiện 200 văn bản');
  // Scrolled to the bottom on every animation frame for four seconds, far faster than pages
  // arrive: what a touchpad fling or a fast scrollbar drag does.
  await page.locator('.ant-table-tbody-virtual-holder').evaluate(
    (holder) =>
      new Promise<void>((resolve) => {
        const until = performance.now() + 4000;
        const frame = () => {
          holder.scrollTop = holder.scrollHeight;
          holder.dispatchEvent(new Event('scroll'));
          if (performance.now() < until) requestAnimationFrame(frame);
          else resolve();
        };
        requestAnimationFrame(frame);
      }),
  );
  await expect(async () => {
    await page.locator('.ant-table-tbody-virtual-holder').evaluate((h) => {
      h.scrollTop = h.scrollHeight;
      h.dispatchEvent(new Event('scroll'));
    });
    expect(await status.innerText()).toMatch(/Đã hiện [\d.]+ văn bản(?! — cuộn)/);
  }).toPass({ timeout: 30_000 });
  await page.waitForTimeout(500);
  await expect(status).toHaveText(/Đã hiện 2\.008 văn bản/);
  await server.stop();
});

test('bad input is explained in Vietnamese and saves nothing; markup is shown as text', async ({ page }) => {
  const server = await startServer(await seededDataDir(0));
  await login(page, server.url);
  await page.keyboard.press('F2');
  await expect(page.locator('#incoming_agency')).toBeFocused();
  await page.keyboard.type('Bộ Giáo dục và Đào tạo');
  await page.keyboard.press('Enter');
  await page.keyboard.type('99/BGDĐT-VP');
  await page.keyboard.press('Enter');
  await page.keyboard.type('CV');
  await page.keyboard.press('Enter');
  await page.keyboard.type('31022026');
  await page.keyboard.press('Enter');
  await page.keyboard.type('<img src=x onerror="document.title=\'hacked\'"><b>Về việc</b> kiểm tra');
  await page.keyboard.press('Control+s');
  await expect(page.getByText('Ngày tháng văn bản không phải ngày có thật (ngày/tháng/năm).')).toBeVisible();
  await expect(page.getByTestId('last-registered')).toHaveCount(0);

  // A date after the arrival: the backend's rule, shown under the same field.
  await page.locator('#incoming_issuedDate').fill('');
  await page.locator('#incoming_issuedDate').pressSequentially('01/01/2099');
  await page.keyboard.press('Control+s');
  await expect(page.getByText(/Ngày văn bản \(01\/01\/2099\) không thể sau ngày đến/)).toBeVisible();
  await expect(page.getByTestId('last-registered')).toHaveCount(0);

  await page.locator('#incoming_issuedDate').fill('');
  await page.locator('#incoming_issuedDate').pressSequentially('02/03/2026');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('last-registered')).toContainText('số đến 1');
  await page.keyboard.press('Escape');
  const row = page.locator('.vt-table-wrap .ant-table-row').first();
  await expect(row).toContainText('<img src=x onerror="document.title=\'hacked\'"><b>Về việc</b> kiểm tra');
  expect(await page.title()).not.toBe('hacked');
  await expect(page.locator('.vt-table-wrap img')).toHaveCount(0);
  await server.stop();
});
