// What a clerk tripped on (#15 items 4 and 9), each checked as she would: Ctrl+K's Enter, its
// old text and its empty answer; a new organ that begins like a known one kept as typed; the
// duplicate warning; the lead's deadline; icons that say nothing in English; no unhandled error
// when a form is refused.
import { expect, test } from '@playwright/test';
import { corpusDocument } from '../bench/corpus';
import { CLERK, LEADER, seededDataDir } from './seed';
import { startServer } from './server';
import { login } from './login';

test('Ctrl+K: Enter with suggestions and none chosen opens the results; Ctrl+K selects the old text; no hit says so', async ({ page }) => {
  const server = await startServer(await seededDataDir(20));
  await login(page, server.url, CLERK);
  const box = page.getByLabel('Tìm kiếm nhanh');
  await page.keyboard.press('Control+k');
  await page.keyboard.type('ke hoach');
  await expect(page.getByTestId('search-option').first()).toBeVisible();
  await page.keyboard.press('Enter'); // suggestions shown, none chosen
  await expect(page.getByRole('heading', { name: 'Tìm kiếm', exact: true })).toBeVisible();
  await expect(page.getByTestId('search-result').first()).toBeVisible();

  await page.keyboard.press('Control+k');
  await page.keyboard.type('thong bao');
  await page.keyboard.press('Control+k');
  await page.keyboard.type('xyzzy khong co');
  await expect(box).toHaveValue('xyzzy khong co'); // typing replaced the old query
  await expect(page.getByTestId('search-none')).toContainText('Không tìm thấy “xyzzy khong co”');
  await expect(page.getByTestId('search-none')).toContainText('Thử bớt từ');
  await server.stop();
});

test('a new organ that begins like a known one is kept as typed; the duplicate warning names the code as registered', async ({ page }) => {
  const server = await startServer(await seededDataDir(5));
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await login(page, server.url, CLERK);
  // The icons do not speak English to a screen reader.
  await expect(page.getByRole('img', { name: 'logout' })).toHaveCount(0);
  await expect(page.getByRole('img', { name: 'dashboard' })).toHaveCount(0);

  const known = corpusDocument(0);
  await page.keyboard.press('F2');
  const agency = page.locator('#incoming_agency');
  await expect(agency).toBeFocused();
  const prefix = known.agency.split(' ').slice(0, 2).join(' ');
  await page.keyboard.type(prefix);
  await expect(page.getByTestId('agency-keep-typed')).toContainText(`Giữ như đã gõ: ${prefix}`);
  await page.keyboard.press('Enter');
  await expect(agency).toHaveValue(prefix);
  await expect(page.locator('#incoming_code')).toBeFocused();

  // Saved with nothing else filled: refused under the fields, no unhandled error.
  await page.keyboard.press('Control+s');
  await expect(page.getByText('Chưa nhập ngày tháng văn bản.')).toBeVisible();

  // The same document again, its code typed in lower case.
  await agency.fill(known.agency);
  await page.locator('#incoming_code').fill(known.code.toLowerCase());
  await page.locator('#incoming_type').focus();
  await page.keyboard.type(known.type);
  await page.keyboard.press('Enter');
  await page.keyboard.type('02012026');
  await page.keyboard.press('Enter');
  await page.keyboard.type(known.summary);
  await page.keyboard.press('Control+s');
  const warning = page.getByRole('dialog').filter({ hasText: 'Văn bản có thể đã vào sổ' });
  await expect(warning).toContainText(known.code); // as registered, not as typed
  await page.keyboard.press('Escape');
  await expect(page.locator('#incoming_code')).toBeFocused();
  expect(errors).toEqual([]);
  await server.stop();
});

test('the lead’s deadline starts from the document’s own and says when it replaces it', async ({ page }) => {
  const server = await startServer(await seededDataDir(2));
  await login(page, server.url, CLERK);
  const drawer = page.getByRole('dialog').filter({ hasText: 'Phiếu giải quyết văn bản đến' });
  await page.locator('.vt-register').focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('F4'); // edit the row under the cursor
  await page.locator('#incoming_deadline').fill('30122026');
  await page.keyboard.press('Control+s');
  await expect(page.getByText(/Đã lưu văn bản số đến/)).toBeVisible();
  await page.locator('.vt-register .ant-table-row').first().click();
  await drawer.getByLabel('Lãnh đạo nhận trình').click();
  await page.keyboard.type('pham');
  await page.keyboard.press('Enter');
  await drawer.getByRole('button', { name: 'Trình lãnh đạo' }).click();
  await expect(drawer.getByText('Đã trình', { exact: true })).toBeVisible();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Đăng xuất' }).click();

  await login(page, server.url, LEADER);
  await page.getByTestId('waiting-toDirect').locator('.ant-table-row').first().click();
  await expect(drawer.getByLabel('Hạn xử lý')).toHaveValue('30/12/2026');
  await expect(drawer.getByText('Theo hạn giải quyết của văn bản.')).toBeVisible();
  await drawer.getByLabel('Hạn xử lý').fill('15/12/2026');
  await expect(drawer.getByTestId('deadline-changes')).toHaveText('Thay hạn giải quyết của văn bản (30/12/2026).');
  await server.stop();
});
