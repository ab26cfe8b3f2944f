// A Vietnamese input method (Telex/VNI through Unikey or EVKey) reaches Chromium as composition
// events: a word is composed step by step, then committed. Emulated through CDP
// (Input.imeSetComposition / Input.insertText): one search per word, not one per step, and an
// Enter pressed while composing submits, moves or inserts nothing.
import { expect, test, type CDPSession, type Page } from '@playwright/test';
import { CLERK, seededDataDir } from './seed';
import { startServer } from './server';

/** "Kế hoạch" as Telex builds it, each step a moment after the last (slower than any debounce). */
const STEPS = ['K', 'Ke', 'Kê', 'Kế', 'Kế h', 'Kế ho', 'Kế hoa', 'Kế hoạ', 'Kế hoạc', 'Kế hoạch'];

async function compose(page: Page, cdp: CDPSession, steps: string[], commit = true) {
  for (const text of steps) {
    await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
    await page.waitForTimeout(300);
  }
  if (commit) await cdp.send('Input.insertText', { text: steps[steps.length - 1]! });
}

/** Enter as an input method sends it while a word is still being composed. */
const enterWhileComposing = (cdp: CDPSession) =>
  cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, text: '\r' });

async function login(page: Page, url: string) {
  await page.goto(url);
  await page.getByLabel('Tên đăng nhập').fill(CLERK.username);
  await page.getByLabel('Mật khẩu').fill(CLERK.password);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('register-status')).toContainText('Đã hiện');
}

function countCalls(page: Page, method: string) {
  const bodies: string[] = [];
  page.on('request', (r) => r.url().endsWith(`/api/${method}`) && bodies.push(r.postData() ?? ''));
  return bodies;
}

test('Ctrl+K and the register search ask once per composed word (#15 item 10)', async ({ page }) => {
  const server = await startServer(await seededDataDir(30));
  await login(page, server.url);
  const cdp = await page.context().newCDPSession(page);

  const searches = countCalls(page, 'search.query');
  await page.keyboard.press('Control+k');
  await compose(page, cdp, STEPS);
  await expect(page.getByTestId('search-option').first()).toBeVisible();
  await page.waitForTimeout(400);
  expect(searches.map((b) => (JSON.parse(b) as { q: string }).q)).toEqual(['Kế hoạch']);
  await page.keyboard.press('Escape');

  const listings = countCalls(page, 'incoming.list');
  await page.getByLabel('Tìm kiếm văn bản đến').focus();
  await compose(page, cdp, STEPS);
  await expect(page.getByTestId('register-status')).toContainText('Đã hiện');
  await page.waitForTimeout(500);
  expect(listings.map((b) => (JSON.parse(b) as { q?: string }).q)).toEqual(['Kế hoạch']);
  await server.stop();
});

test('Enter while composing neither moves, submits nor inserts a new line (#15 item 10)', async ({ page }) => {
  const server = await startServer(await seededDataDir(3));
  await login(page, server.url);
  const cdp = await page.context().newCDPSession(page);
  await page.keyboard.press('F2');
  const agency = page.locator('#incoming_agency');
  await expect(agency).toBeFocused();

  // The agency type-ahead: Enter mid-word keeps the box and what is being typed.
  await compose(page, cdp, ['B', 'Bô', 'Bộ', 'Bộ G', 'Bộ Gi', 'Bộ Gia', 'Bộ Giá', 'Bộ Giáo'], false);
  await enterWhileComposing(cdp);
  await expect(agency).toBeFocused();
  await cdp.send('Input.insertText', { text: 'Bộ Giáo' });
  await page.keyboard.type(' dục Phú Yên mới');
  await expect(agency).toHaveValue('Bộ Giáo dục Phú Yên mới');
  await page.keyboard.press('Enter'); // a new organ: kept as typed
  await expect(page.locator('#incoming_code')).toBeFocused();
  await expect(agency).toHaveValue('Bộ Giáo dục Phú Yên mới');

  // The summary: Enter during composition is the input method's, not a new line nor a move.
  await page.locator('#incoming_summary').focus();
  await compose(page, cdp, STEPS, false);
  await enterWhileComposing(cdp);
  await cdp.send('Input.insertText', { text: 'Kế hoạch' });
  await expect(page.locator('#incoming_summary')).toBeFocused();
  await expect(page.locator('#incoming_summary')).toHaveValue('Kế hoạch');
  await expect(page.getByTestId('last-registered')).toHaveCount(0); // nothing was submitted
  await server.stop();
});
