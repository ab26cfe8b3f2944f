// Liên thông văn bản (#18) between two offices in browser mode on one sync server: the Sở
// issues and sends; the school's PC is off at the time, receives when it starts again, finds the
// registration form filled from the package, registers and has it assigned; the Sở's register
// then shows 01 → 03 → 04 for that school.
import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { samplePdf } from '../helpers/pdfFixtures';
import { startSyncServer } from '../helpers/syncServer';
import { seriousFindings } from './axe';
import { CLERK, LEADER, seededDataDir } from './seed';
import { startServer, type RunningServer } from './server';

const SO = '000.00.00.H42';
const TRUONG = '000.00.12.H42';
const SCHOOL = 'Trường THPT Phan Đình Phùng';

async function login(page: Page, url: string, username: string) {
  await page.goto(url);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(CLERK.password);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitem', { name: 'Tổng quan' })).toBeVisible();
}

/** Set-up steps this journey does not test, through the same HTTP API the page uses. */
async function call<T>(page: Page, method: string, input: unknown): Promise<T> {
  const r = await page.evaluate(
    async ([m, i]) => {
      const res = await fetch(`./api/${m}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(i) });
      return { ok: res.ok, body: (await res.json()) as unknown };
    },
    [method, input] as const,
  );
  if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.body)}`);
  return r.body as T;
}

test('the Sở sends; the school, off at the time, receives, registers, assigns; the Sở sees 01 → 03 → 04', async ({ browser }) => {
  mkdirSync('test-results', { recursive: true });
  const sync = await startSyncServer();
  const soDir = await seededDataDir(0, { name: 'Sở Giáo dục và Đào tạo Hà Tĩnh', code: 'SGDĐT' });
  const truongDir = await seededDataDir(0, { name: SCHOOL, code: 'PĐP' });
  const so = await startServer(soDir);
  let truong: RunningServer | null = await startServer(truongDir);
  // Pages of their own contexts (axe needs one it can open frames in), one per office's PC.
  const a = await (await browser.newContext()).newPage();
  const b = await (await browser.newContext()).newPage();
  try {
    // The school's PC: its mã định danh, joined to the server; then switched off.
    await login(b, truong.url, 'quantri');
    await call(b, 'exchange.setOrganId', { organId: TRUONG });
    await call(b, 'sync.connect', { url: sync.url, code: await sync.code('PDP'), deviceName: 'Máy văn thư trường' });
    await truong.stop();
    truong = null;

    // The Sở: its mã định danh in Quản trị (a wrong one refused), the school in Danh mục.
    await login(a, so.url, 'quantri');
    await a.getByRole('menuitem', { name: 'Quản trị' }).click();
    const card = a.locator('.ant-card', { hasText: 'Liên thông văn bản' });
    await card.getByLabel('Mã định danh của cơ quan').fill('H42');
    await card.getByRole('button', { name: 'Lưu mã' }).click();
    await expect(card.getByText(/phải có dạng 000\.00\.00\.G22/)).toBeVisible();
    await card.getByLabel('Mã định danh của cơ quan').fill(SO);
    await card.getByRole('button', { name: 'Lưu mã' }).click();
    await expect(a.getByText('Đã lưu mã định danh của cơ quan.')).toBeVisible();
    await expect(card.getByText(/phải có dạng 000\.00\.00\.G22/)).toBeHidden();
    await card.screenshot({ path: 'test-results/exchange-admin.png' });
    await call(a, 'sync.connect', { url: sync.url, code: await sync.code('SO-HT'), deviceName: 'Máy văn thư Sở' });
    await a.getByRole('menuitem', { name: 'Danh mục' }).click();
    const organs = a.locator('.ant-card', { hasText: 'Mã định danh cơ quan' });
    await organs.getByLabel('Cơ quan').fill(SCHOOL);
    await organs.getByLabel('Mã định danh').fill(TRUONG);
    await organs.getByRole('button', { name: 'Lưu mã định danh' }).click();
    await expect(organs.getByRole('cell', { name: TRUONG })).toBeVisible();
    await a.screenshot({ path: 'test-results/exchange-organs.png' });

    // The clerk issues a document with its PDF and sends it to the school.
    await call(a, 'auth.logout', {});
    await login(a, so.url, CLERK.username);
    const issued = await call<{ id: string; code: string }>(a, 'outgoing.issue', {
      type: 'CV',
      summary: 'V/v tổ chức kỳ thi chọn học sinh giỏi cấp tỉnh năm học 2026-2027',
      issuedDate: '2026-12-02',
      signerName: 'Phạm Văn Lãnh Đạo',
      recipients: `${SCHOOL};\nLưu: VT.`,
      copies: 2,
    });
    const pdf = Array.from(await samplePdf(2, 'Kế hoạch thi học sinh giỏi'));
    await a.evaluate(
      async ([id, bytes]) => {
        await fetch(`./upload?documentId=${id}&name=ke-hoach.pdf`, {
          method: 'POST',
          headers: { 'content-type': 'application/octet-stream' },
          body: new Uint8Array(bytes),
        });
      },
      [issued.id, pdf] as const,
    );
    await a.getByRole('menuitem', { name: 'Văn bản đi' }).click();
    await a.getByText(issued.code, { exact: true }).click();
    await a.getByTestId('exchange-send').click();
    const picker = a.getByRole('dialog', { name: /Gửi liên thông văn bản/ });
    await picker.getByLabel('Nơi nhận liên thông').fill('Phan Đình');
    await a.keyboard.press('Enter');
    await a.keyboard.press('Escape');
    await picker.getByRole('button', { name: 'Gửi' }).click();
    const recipients = a.getByTestId('exchange-recipients');
    await expect(recipients).toContainText(`${SCHOOL} (${TRUONG})`);
    await expect(recipients).toContainText('Đã gửi');
    await a.screenshot({ path: 'test-results/exchange-sent.png' });
    await a.keyboard.press('Escape');

    // The school's PC starts again: the package is there, the form filled from it.
    truong = await startServer(truongDir);
    await login(b, truong.url, CLERK.username);
    await b.getByRole('menuitem', { name: 'Liên thông' }).click();
    await b.getByRole('button', { name: 'Nhận, gửi ngay' }).click();
    // (Its background round may have taken it a moment before: then the button brings 0.)
    await expect(b.getByText(/Đã gửi \d+, nhận \d+ gói tin/)).toBeVisible();
    const inbox = b.locator('.vt-table-wrap');
    await expect(inbox).toContainText(issued.code);
    await expect(b.getByTestId('exchange-badge')).toHaveText('1');
    await expect(inbox).toContainText('Chờ vào sổ');
    await b.screenshot({ path: 'test-results/exchange-inbox.png' });
    expect(await seriousFindings(b)).toEqual([]);
    await inbox.focus();
    await b.keyboard.press('ArrowDown');
    await b.keyboard.press('Enter');
    const form = b.getByRole('dialog', { name: 'Vào sổ văn bản đến từ gói tin liên thông' });
    await expect(form.getByTestId('package-notice')).toContainText('ke-hoach.pdf');
    await expect(form.locator('#incoming_code')).toHaveValue(issued.code);
    await expect(form.locator('#incoming_issuedDate')).toHaveValue('02/12/2026');
    await expect(form.locator('#incoming_summary')).toHaveValue(/kỳ thi chọn học sinh giỏi/);
    await b.screenshot({ path: 'test-results/exchange-register.png' });
    await b.keyboard.press('Control+s');
    await expect(b.getByText(/Đã vào sổ số đến 1/)).toBeVisible();
    await expect(inbox).toContainText('Đã vào sổ');
    await expect(b.getByTestId('exchange-badge')).toBeHidden();

    // Submitted to the leader, who assigns it.
    const doc = (await call<{ items: { id: string }[] }>(b, 'incoming.list', { limit: 5 })).items[0]!;
    const staff = await call<{ id: string; fullName: string; roles: string[] }[]>(b, 'users.directory', {});
    const leaderId = staff.find((u) => u.roles.includes('leader'))!.id;
    const specialistId = staff.find((u) => u.roles.includes('specialist'))!.id;
    await call(b, 'incoming.submit', { id: doc.id, leaderId });
    const leaderPage = await (await browser.newContext()).newPage();
    await login(leaderPage, truong.url, LEADER.username);
    await call(leaderPage, 'incoming.assign', {
      id: doc.id,
      direction: 'Giao chuyên môn',
      lead: { userId: specialistId, deadline: '2026-12-14' },
    });
    await leaderPage.close();
    await b.getByRole('button', { name: 'Nhận, gửi ngay' }).click();
    await expect(b.getByText(/Đã gửi \d+, nhận \d+ gói tin/).last()).toBeVisible();

    // The Sở hears back: 01, 03, 04 in the Sổ theo dõi liên thông, 04 in its register's Ký nhận.
    await a.getByRole('menuitem', { name: 'Liên thông' }).click();
    await a.getByRole('button', { name: 'Nhận, gửi ngay' }).click();
    await expect(a.getByText(/Đã gửi \d+, nhận \d+ gói tin/)).toBeVisible();
    await a.getByText('Sổ theo dõi liên thông', { exact: true }).click();
    const log = a.locator('.vt-table-wrap');
    for (const code of ['01 Đã đến', '03 Đã tiếp nhận', '04 Phân công'])
      await expect(log.getByRole('row', { name: new RegExp(`Nhận về.*${code}`) })).toBeVisible();
    await a.screenshot({ path: 'test-results/exchange-log.png' });
    expect(await seriousFindings(a)).toEqual([]);
    await a.getByRole('menuitem', { name: 'Văn bản đi' }).click();
    await expect(a.getByTestId('receipts').first()).toContainText(`${SCHOOL}: 04 Phân công`);
    await a.screenshot({ path: 'test-results/exchange-register-receipts.png' });
  } finally {
    await a.close();
    await b.close();
    await so.stop();
    await truong?.stop();
    await sync.close();
  }
});
