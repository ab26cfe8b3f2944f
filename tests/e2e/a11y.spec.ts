// Every screen at 1366×768 through axe (wcag2a, wcag2aa): zero critical or serious findings,
// for each role, with a screenshot of each in test-results/screens to look at.
import { expect, test, type Page } from '@playwright/test';
import { seriousFindings } from './axe';
import { CLERK, LEADER, seededDataDir } from './seed';
import { startServer } from './server';
import { login } from './login';

async function check(page: Page, name: string, found: Record<string, string[]>) {
  await page.waitForTimeout(400); // animations settle
  await page.screenshot({ path: `test-results/screens/${name}.png` });
  const f = await seriousFindings(page);
  if (f.length) found[name] = f;
  if (f.length && process.env.VANTHU_TEST_LOG) console.log(name, f);
}

async function goTo(page: Page, section: string) {
  await page.evaluate((s) => (window.location.hash = `#/${s}`), section);
  await page.waitForLoadState('networkidle');
}

test('every screen has no critical or serious accessibility finding (#15 item 11)', async ({ page }) => {
  test.setTimeout(240_000);
  const server = await startServer(await seededDataDir(40));
  const found: Record<string, string[]> = {};
  await page.goto(server.url);
  await check(page, 'dang-nhap', found);

  await login(page, server.url, CLERK);
  await check(page, 'van-ban-den', found);
  await page.keyboard.press('F2');
  await expect(page.locator('#incoming_agency')).toBeFocused();
  await check(page, 'vao-so-van-ban-den', found);
  await page.keyboard.press('Escape');
  await page.locator('.vt-register .ant-table-row').first().click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await check(page, 'phieu-giai-quyet', found);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'In sổ' }).click();
  await check(page, 'in-so', found);
  await page.keyboard.press('Escape');
  await page.getByText('Sổ theo dõi giải quyết').click();
  await check(page, 'so-theo-doi', found);
  await page.keyboard.press('Control+k');
  await page.keyboard.type('ke hoach');
  await expect(page.getByTestId('search-option').first()).toBeVisible();
  await check(page, 'tim-nhanh', found);
  await page.keyboard.press('Escape');

  for (const section of ['tasks', 'outgoing', 'dossiers', 'search', 'overview', 'reports', 'imports', 'catalog', 'sync']) {
    await goTo(page, section);
    await check(page, section, found);
  }
  await goTo(page, 'outgoing');
  await page.keyboard.press('F2');
  await expect(page.getByRole('dialog')).toBeVisible();
  await check(page, 'vao-so-van-ban-di', found);
  await page.keyboard.press('Escape');
  await page.getByText('Dự thảo, trình ký').click();
  await check(page, 'du-thao', found);
  await goTo(page, 'dossiers');
  await page.getByText('Hồ sơ', { exact: true }).click();
  await check(page, 'ho-so', found);

  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await login(page, server.url, { username: 'quantri', password: CLERK.password });
  await goTo(page, 'admin');
  await check(page, 'quan-tri', found);
  await page.getByRole('button', { name: 'Thêm người dùng' }).click();
  await check(page, 'them-nguoi-dung', found);
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await login(page, server.url, LEADER);
  await check(page, 'lanh-dao-viec-cua-toi', found);

  expect(found).toEqual({});
  await server.stop();
});
