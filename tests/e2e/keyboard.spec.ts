// A day in the office from the keyboard alone (#15): after each login no mouse call at all — the
// clerk registers, opens the new document from the register with arrows and Enter, attaches a
// file through the keyboard-opened button, stamps and routes it; the leader finds it in Việc
// của tôi and directs; the specialist completes it; the clerk issues the reply, files both into
// a dossier and finds the document with Ctrl+K. A screenshot at each step in test-results/journey.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { openDossier } from '../../db/dossiers/dossiers.js';
import { openStore } from '../../db/core/store.js';
import { storePath } from '../../electron/dataDir.js';
import { SAMPLE_PLAN, decree30Pdf } from '../helpers/decree30';
import { CLERK, LEADER, SPECIALIST, seededDataDir } from './seed';
import { startServer } from './server';

let step = 0;
const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/journey/${String(++step).padStart(2, '0')}-${name}.png` });

/** Tab (forwards) until the element has the focus: it is reachable, and nothing traps the Tab key. */
async function tabTo(page: Page, target: Locator, max = 60) {
  for (let i = 0; i < max; i++) {
    const here = await target
      .evaluate((el) => el === document.activeElement || el.contains(document.activeElement), undefined, { timeout: 500 })
      .catch(() => false);
    if (here) return i;
    await page.keyboard.press('Tab');
  }
  const at = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 200));
  throw new Error(`${max} Tab presses did not reach ${target.toString()}; the focus is on ${at}`);
}

async function login(page: Page, url: string, who: { username: string; password: string }) {
  await page.goto(url);
  await expect(page.getByLabel('Tên đăng nhập')).toBeFocused();
  await page.keyboard.type(who.username);
  await page.keyboard.press('Enter');
  await page.keyboard.type(who.password);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Đăng xuất' })).toBeVisible();
}

async function logout(page: Page) {
  await tabTo(page, page.getByRole('button', { name: 'Đăng xuất' }));
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Tên đăng nhập')).toBeVisible();
}

/** Types into a pick list and takes the first match with Enter. */
async function choose(page: Page, text: string) {
  await page.keyboard.type(text);
  await expect(page.locator('.ant-select-dropdown:visible .ant-select-item-option').first()).toBeVisible();
  await page.keyboard.press('Enter');
}

test('a whole office day from the keyboard alone, for each role', async ({ page }) => {
  test.setTimeout(180_000);
  const dir = await seededDataDir(12);
  {
    const store = openStore(storePath(dir));
    const admin = store.sqlite.prepare("SELECT id FROM users WHERE username = 'quantri'").get() as { id: string };
    openDossier(store, { userId: admin.id }, { year: 2026, title: 'Kỳ thi tốt nghiệp THPT năm 2026', notation: '05.TN', retention: '10' });
    store.close();
  }
  const server = await startServer(dir);
  const pdfPath = join(mkdtempSync(join(tmpdir(), 'vanthu-e2e-kb-')), 'Kế hoạch thi.pdf');
  writeFileSync(pdfPath, await decree30Pdf(SAMPLE_PLAN, { extraPages: 1 }));
  const register = page.getByRole('group', { name: /Sổ đăng ký văn bản đến/ });
  const drawer = page.getByRole('dialog').filter({ hasText: 'Phiếu giải quyết văn bản đến' });

  // ---- The clerk registers a document: F2, every field by Enter, saved by Enter on the last.
  await login(page, server.url, CLERK);
  await shot(page, 'van-thu-so-den');
  await page.keyboard.press('F2');
  await expect(page.locator('#incoming_agency')).toBeFocused(); // today's date is already there
  await page.keyboard.type('Bộ Giáo dục và Đào tạo');
  await page.keyboard.press('Enter');
  await page.keyboard.type('142/KH-BGDĐT');
  await page.keyboard.press('Enter');
  await choose(page, 'ke hoach');
  await page.keyboard.type('20112026');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Kế hoạch tổ chức kỳ thi tốt nghiệp trung học phổ thông năm 2026');
  await shot(page, 'vao-so');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('last-registered')).toContainText('số đến 13');
  await page.keyboard.press('Escape');

  // ---- Opens it from the register with the arrows and Enter.
  const tabs = await tabTo(page, register);
  expect(tabs).toBeLessThan(40);
  await page.keyboard.press('End');
  await page.keyboard.press('Home');
  await expect(register.locator('.vt-cursor')).toContainText('142/KH-BGDĐT');
  await page.keyboard.press('ArrowDown');
  await expect(register.locator('.vt-cursor')).toContainText('12');
  await page.keyboard.press('ArrowUp');
  await shot(page, 'con-tro-trong-so');
  await page.keyboard.press('Enter');
  await expect(drawer.getByText('Văn bản đến số 13/2026')).toBeVisible();

  // Attaches the scan through the keyboard-opened file chooser, stamps it.
  const chooser = page.waitForEvent('filechooser');
  await tabTo(page, drawer.getByRole('button', { name: /Kéo thả tệp vào đây/ }));
  await page.keyboard.press('Enter');
  await (await chooser).setFiles(pdfPath);
  await expect(drawer.getByTestId('attachment-row')).toHaveCount(1);
  await tabTo(page, drawer.getByRole('button', { name: 'Đóng dấu ĐẾN' }));
  await page.keyboard.press('Enter');
  // Page 1 with the stamp where the rule puts it; the arrows move it, Enter stamps.
  const surface = page.getByTestId('stamp-surface');
  await expect(surface).toBeFocused();
  await expect(page.getByTestId('stamp-where')).toContainText('Đề xuất');
  await page.keyboard.press('Shift+ArrowDown');
  await expect(page.getByTestId('stamp-where')).toContainText('Vị trí văn thư chọn');
  await shot(page, 'dat-dau');
  await page.keyboard.press('Enter');
  await expect(drawer.getByText('Bản có dấu ĐẾN')).toBeVisible();
  await shot(page, 'dong-dau');

  // Submits it to the leader.
  await tabTo(page, drawer.getByLabel('Lãnh đạo nhận trình'));
  await choose(page, 'pham van');
  await tabTo(page, drawer.getByRole('button', { name: 'Trình lãnh đạo' }));
  await page.keyboard.press('Enter');
  await expect(drawer.getByText('Đã trình', { exact: true })).toBeVisible();
  await shot(page, 'da-trinh');
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await expect(register).toBeFocused(); // Esc gives the focus back where it came from
  await logout(page);

  // ---- The leader lands on what waits for him and directs.
  await login(page, server.url, LEADER);
  await expect(page.getByRole('heading', { name: 'Việc của tôi' })).toBeVisible();
  const toDirect = page.getByTestId('waiting-toDirect');
  await expect(toDirect).toContainText('Văn bản chờ ý kiến chỉ đạo (1)');
  await expect(toDirect).toContainText('142/KH-BGDĐT');
  await shot(page, 'lanh-dao-viec-cua-toi');
  await tabTo(page, toDirect.getByRole('group'));
  await page.keyboard.press('Enter');
  await expect(drawer.getByText('Cho ý kiến chỉ đạo và giao việc')).toBeVisible();
  await tabTo(page, drawer.getByLabel('Ý kiến chỉ đạo'));
  await page.keyboard.type('Giao đ/c Chuyên Viên chủ trì tham mưu.');
  await page.keyboard.press('Tab');
  await choose(page, 'chuyen vien');
  await tabTo(page, drawer.getByLabel('Hạn xử lý'));
  await page.keyboard.type('31122026');
  await tabTo(page, drawer.getByRole('button', { name: 'Giao việc' }));
  await page.keyboard.press('Enter');
  await expect(drawer.getByText('Đã phân công', { exact: true })).toBeVisible();
  await shot(page, 'giao-viec');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('waiting-toDirect')).toBeHidden();
  await logout(page);

  // ---- The specialist completes his task.
  await login(page, server.url, SPECIALIST);
  const tasks = page.getByTestId('waiting-tasks');
  await expect(tasks).toContainText('142/KH-BGDĐT');
  await expect(tasks).toContainText('Chủ trì');
  await tabTo(page, tasks.getByRole('button', { name: 'Hoàn thành' }));
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Kết quả xử lý')).toBeFocused();
  await page.keyboard.type('Đã tham mưu kế hoạch của Sở');
  await page.keyboard.press('Enter');
  await page.keyboard.type('57/KH-SGDĐT');
  await shot(page, 'hoan-thanh');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Không có việc nào được giao cho bạn.')).toBeVisible();
  await logout(page);

  // ---- The clerk issues the reply (Quyền hạn ký typed), files both, finds it with Ctrl+K.
  await login(page, server.url, CLERK);
  await tabTo(page, page.getByRole('menu'));
  await page.evaluate(() => (window.location.hash = '#/outgoing')); // a link's address, as Enter on the menu gives
  await expect(page.getByRole('heading', { name: 'Sổ đăng ký văn bản đi' })).toBeVisible();
  await page.keyboard.press('F2');
  const outgoing = page.getByRole('dialog').filter({ hasText: 'Loại văn bản' });
  await expect(outgoing.getByLabel('Loại văn bản')).toBeFocused();
  await choose(page, 'cong van');
  await page.keyboard.press('Enter'); // drafting unit: none
  await page.keyboard.press('Enter'); // confidentiality as it is
  await page.keyboard.type('Báo cáo kế hoạch tổ chức kỳ thi tốt nghiệp');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter'); // today
  await page.keyboard.type('KT');
  await page.keyboard.press('Enter');
  await expect(outgoing.getByLabel('Quyền hạn ký').locator('..').locator('..')).toContainText('KT.');
  await page.keyboard.type('Phó Giám đốc');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Phạm Văn Lãnh Đạo');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Bộ Giáo dục và Đào tạo;');
  await tabTo(page, outgoing.getByLabel('Trả lời văn bản đến'));
  await choose(page, '142');
  await shot(page, 'van-ban-di');
  await page.keyboard.press('Control+s');
  await expect(outgoing).toContainText('Đã vào sổ: 01/SGDĐT');
  await page.keyboard.press('Escape'); // the form stays open for the next one
  await expect(outgoing).toBeHidden();
  const outRegister = page.getByRole('group', { name: /Sổ đăng ký văn bản đi/ });
  await expect(outRegister.locator('.ant-table-row').first()).toContainText('KT. Phó Giám đốc Phạm Văn Lãnh Đạo');
  await shot(page, 'so-di');

  // Files the reply into the dossier from its detail, then the incoming one.
  await tabTo(page, outRegister);
  await page.keyboard.press('Enter');
  const outDetail = page.getByRole('dialog').filter({ hasText: 'Văn bản đi 01/SGDĐT' });
  await tabTo(page, outDetail.getByLabel('Hồ sơ để lưu văn bản'));
  await choose(page, '05.TN');
  await tabTo(page, outDetail.getByRole('button', { name: 'Lưu vào hồ sơ' }));
  await page.keyboard.press('Enter');
  await expect(page.getByText('Đã lưu vào hồ sơ 05.TN.')).toBeVisible();
  // The list picked from has finished closing (while it still closes, Esc is the list's).
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(outDetail).toBeHidden();

  await page.keyboard.press('Control+k');
  await page.keyboard.type('142/KH');
  await expect(page.getByTestId('search-option').first()).toContainText('142/KH-BGDĐT');
  await shot(page, 'ctrl-k');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(drawer.getByText('Văn bản đến số 13/2026')).toBeVisible();
  await tabTo(page, drawer.getByLabel('Hồ sơ để lưu văn bản'));
  await choose(page, 'tot nghiep');
  await tabTo(page, drawer.getByRole('button', { name: 'Lưu vào hồ sơ' }));
  await page.keyboard.press('Enter');
  // The reply's confirmation may still be on screen: the newest one is this filing's.
  await expect(page.getByText('Đã lưu vào hồ sơ 05.TN.').last()).toBeVisible();
  await shot(page, 'luu-ho-so');
  await server.stop();
});
