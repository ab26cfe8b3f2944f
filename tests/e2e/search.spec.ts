// The top search box: type without diacritics, see the result marked, open it.
import { expect, test } from '@playwright/test';
import { corpusDocument } from '../bench/corpus';
import { foldVietnamese } from '../../shared/text/searchKey';
import { CLERK, seededDataDir } from './seed';
import { startServer } from './server';

test('type in the top search box and open a result', async ({ page }) => {
  const server = await startServer(await seededDataDir(30));
  await page.goto(server.url);
  await page.getByLabel('Tên đăng nhập').fill(CLERK.username);
  await page.getByLabel('Mật khẩu').fill(CLERK.password);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Sổ đăng ký văn bản đến' })).toBeVisible();

  const target = corpusDocument(7);
  const words = foldVietnamese(target.summary).split(' ').slice(0, 3).join(' ');
  await page.keyboard.press('Control+k');
  await expect(page.getByLabel('Tìm kiếm nhanh')).toBeFocused();
  await page.keyboard.type(target.code.toLowerCase());
  const option = page.getByTestId('search-option').first();
  await expect(option).toContainText(target.code);
  await expect(option.locator('mark').first()).toBeVisible();
  await option.click();
  const detail = page.getByRole('dialog').filter({ hasText: 'Phiếu giải quyết văn bản đến' });
  await expect(detail).toContainText(`Văn bản đến số 8/2026 — ${target.code}`);
  await detail.getByRole('button', { name: 'Đóng' }).first().click();

  // Enter with no choice: the full results page.
  await page.getByLabel('Tìm kiếm nhanh').fill(words);
  await expect(page.getByTestId('search-option').first()).toBeVisible();
  await page.getByLabel('Tìm kiếm nhanh').press('Escape');
  await expect(page.getByTestId('search-option').first()).toBeHidden();
  await page.getByLabel('Tìm kiếm nhanh').press('Enter');
  await expect(page.getByRole('heading', { name: 'Tìm kiếm' })).toBeVisible();
  await expect(page.getByTestId('search-result').first()).toBeVisible();
  await expect(page.getByTestId('search-result').first().locator('mark').first()).toBeVisible();
  await page.screenshot({ path: 'test-results/search.png' });
  await server.stop();
});
