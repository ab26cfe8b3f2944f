// Signs in through the login page as a user would, and waits for the program's frame.
import { expect, type Page } from '@playwright/test';

export async function login(page: Page, url: string, who: { username: string; password: string }) {
  await page.goto(url);
  await page.getByLabel('Tên đăng nhập').fill(who.username);
  await page.getByLabel('Mật khẩu').fill(who.password);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Đăng xuất' })).toBeVisible();
}
