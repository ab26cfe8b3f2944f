// Signing an issued document through the real UI with a real PKCS#11 token (SoftHSM2), in browser
// mode (#17 part 3): the admin sets this PC's token library, the seal and the leader's signature
// image in Quản trị; the văn thư attaches the issued PDF; the leader signs it with his token (his
// image between his title and his name); his token is unplugged and the office's plugged in; the
// văn thư signs for the office (the seal over the left third of his signature). Both signatures
// are valid in VănThư and in pdfsig.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, test, type Page } from '@playwright/test';
import { SAMPLE_PLAN, decree30Pdf } from '../helpers/decree30';
import { inkPng } from '../helpers/inkImages';
import { softHsmHome, softHsmMissing, tokenWith, SOFTHSM_MODULE } from '../helpers/softhsm';
import { signerUnder, testCa } from '../helpers/testCa';
import { startTsa } from '../helpers/testTsa';
import { hasPoppler } from '../helpers/pdfText';
import { seriousFindings } from './axe';
import { CLERK, LEADER, addIssuedPlan, seededDataDir } from './seed';
import { startServer } from './server';
import { login } from './login';

const missing = softHsmMissing();

async function logout(page: Page) {
  // The document's drawer, if open, closes first (its mask covers the header).
  if (await page.locator('.ant-drawer-open').count()) await page.keyboard.press('Escape');
  await expect(page.locator('.ant-drawer-open')).toHaveCount(0);
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(page.getByText('Đăng nhập VănThư')).toBeVisible();
}

async function openPlan(page: Page) {
  await page.getByRole('menuitem', { name: /Văn bản đi/ }).click();
  await page
    .getByRole('group', { name: /Sổ đăng ký văn bản đi/ })
    .locator('.ant-table-row')
    .first()
    .click();
  return page.getByRole('dialog').filter({ hasText: 'Văn bản đi 01/KH-SGDĐT' });
}

test('a plan signed by the leader and by the office: both valid, each image where the decree puts it', async ({ page }) => {
  test.skip(!!missing, `signing e2e skipped: ${missing}`);
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  const ca = await testCa();
  const home = softHsmHome();
  await tokenWith(home.dir, 'lanh-dao', ca.signer, [ca.intermediate.cert], '2468');
  const files = mkdtempSync(join(tmpdir(), 'vanthu-e2e-sign-'));
  const put = (name: string, bytes: Uint8Array | string) => (writeFileSync(join(files, name), bytes), join(files, name));
  const plan = put('ke-hoach.pdf', await decree30Pdf({ ...SAMPLE_PLAN, signer: { ...SAMPLE_PLAN.signer, name: 'Phạm Văn Lãnh Đạo' } }));
  const data = await seededDataDir(0);
  await addIssuedPlan(data);
  const server = await startServer(data, { SOFTHSM2_CONF: join(home.dir, 'softhsm2.conf') });
  const tsa = await startTsa(await signerUnder(ca, 'CN=Dịch vụ dấu thời gian thử nghiệm, C=VN'));
  try {
    // Quản trị: the CA's root, this PC's token library, the seal, the leader's signature.
    await login(page, server.url, { username: 'quantri', password: CLERK.password });
    await page.getByRole('menuitem', { name: 'Quản trị' }).click();
    await page
      .locator('.ant-card', { hasText: 'Chứng thư số gốc' })
      .locator('input[type=file]')
      .setInputFiles(put('root.cer', ca.root.cert.toString('pem')));
    await expect(page.getByTestId('trust-root')).toContainText('VănThư Test Root CA');
    const card = page.getByTestId('signing-card');
    await card.getByLabel('Thư viện PKCS#11').fill(SOFTHSM_MODULE!);
    await card.getByRole('button', { name: 'Lưu' }).first().click();
    await expect(page.getByText('Đã lưu thư viện ký số của máy này.')).toBeVisible();
    // The office's time-stamp authority (a stand-in on 127.0.0.1): signatures become PAdES B-T.
    await card.getByLabel('Máy chủ dấu thời gian').fill(tsa.url);
    await card.getByRole('button', { name: 'Lưu' }).nth(1).click();
    await expect(page.getByText(/Đã lưu máy chủ dấu thời gian/)).toBeVisible();
    await card
      .locator('input[type=file]')
      .first()
      .setInputFiles(put('con-dau-trang.png', inkPng('seal', 'white')));
    await expect(page.getByText(/nền trong suốt/).last()).toBeVisible(); // a white ground is refused, in words
    await card
      .locator('input[type=file]')
      .first()
      .setInputFiles(put('con-dau.png', inkPng('seal')));
    await expect(card.getByAltText('Ảnh con dấu hiện tại')).toBeVisible();
    await card.getByLabel('Lãnh đạo').click();
    await page.locator('.ant-select-item-option', { hasText: 'Phạm Văn Lãnh Đạo' }).click();
    await card
      .locator('input[type=file]')
      .last()
      .setInputFiles(put('chu-ky.png', inkPng('signature')));
    await expect(page.getByText('Đã lưu ảnh chữ ký.')).toBeVisible();
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/signing-admin.png' });
    expect(await seriousFindings(page)).toEqual([]);
    await logout(page);

    // The văn thư attaches the issued PDF.
    await login(page, server.url, CLERK);
    let drawer = await openPlan(page);
    await drawer.locator('input[type=file]').setInputFiles(plan);
    await expect(drawer.getByTestId('attachment-row')).toHaveCount(1);
    await logout(page);

    // The leader signs with his token: a wrong PIN first, said in words; then the right one, Enter.
    await login(page, server.url, LEADER);
    drawer = await openPlan(page);
    await drawer.getByRole('button', { name: 'Ký số…' }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: 'Ký số văn bản 01/KH-SGDĐT' });
    await expect(dialog.getByLabel('ký số của người có thẩm quyền')).toBeChecked();
    await expect(dialog.getByLabel('Mã PIN')).toBeFocused();
    await page.keyboard.type('0000');
    await page.keyboard.press('Enter');
    await expect(dialog.getByTestId('sign-error')).toContainText('Mã PIN không đúng');
    await page.keyboard.type('2468');
    await page.screenshot({ path: 'test-results/signing-pin.png' });
    expect(await seriousFindings(page)).toEqual([]);
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(drawer.getByTestId('attachment-row').filter({ hasText: 'ký số lãnh đạo' })).toContainText('Bản ký số');
    await logout(page);

    // His token out, the office's in.
    for (const t of readdirSync(join(home.dir, 'tokens'))) rmSync(join(home.dir, 'tokens', t), { recursive: true, force: true });
    const organisation = await signerUnder(ca, 'CN=Sở Giáo dục và Đào tạo Hà Nội, O=Sở Giáo dục và Đào tạo Hà Nội, C=VN');
    await tokenWith(home.dir, 'co-quan', organisation, [ca.intermediate.cert], '1357');

    // The văn thư signs for the office.
    await login(page, server.url, CLERK);
    drawer = await openPlan(page);
    await drawer.getByRole('button', { name: 'Ký số…' }).click();
    await expect(dialog.getByLabel('ký số của cơ quan')).toBeChecked();
    await expect(dialog.getByLabel('Tệp ký')).toBeVisible();
    await expect(dialog).toContainText('ke-hoach (ký số lãnh đạo).pdf');
    await page.keyboard.type('1357');
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    const both = drawer.getByTestId('attachment-row').filter({ hasText: 'ký số cơ quan' });
    await expect(both.getByTestId('signature-badge')).toHaveText('Chữ ký số: hợp lệ (2 chữ ký)');
    await both.getByRole('button', { name: /^Xem / }).click();
    const verdicts = drawer.getByTestId('signature-verdict');
    await expect(verdicts).toHaveText(['Hợp lệ', 'Hợp lệ']);
    await expect(drawer.getByTestId('signature-panel')).toContainText('Sau khi ký, tệp chỉ được ký thêm');
    await expect(drawer.getByTestId('signature-panel')).toContainText('dấu thời gian:');
    expect(tsa.requests).toBe(2);
    await expect(drawer.getByText(/Ký số \(ký số của cơ quan\) — tệp “ke-hoach \(ký số cơ quan\)\.pdf”, dùng ảnh con dấu/)).toBeVisible();
    const preview = drawer.getByTestId('pdf-preview');
    await expect(preview.locator('canvas').first()).toBeVisible();
    await preview.locator('canvas').first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/signing-page1.png' });
    await preview.evaluate((el) => el.scrollBy(0, 500));
    await page.screenshot({ path: 'test-results/signing-last-page.png' });
    expect(await seriousFindings(page)).toEqual([]);

    // What pdfsig says of the file the office keeps.
    if (hasPoppler()) {
      const db = new Database(join(data, 'vanthu.sqlite'), { readonly: true, fileMustExist: true });
      const { sha256 } = db.prepare("SELECT sha256 FROM attachments WHERE name LIKE '%ký số cơ quan%'").get() as { sha256: string };
      db.close();
      const path = join(data, 'files', sha256.slice(0, 2), sha256.slice(2, 4), sha256);
      let out = '';
      try {
        out = execFileSync('pdfsig', [path], { encoding: 'utf8' });
      } catch (e) {
        out = String((e as { stdout?: string }).stdout);
      }
      expect(out.match(/Signature is Valid\./g)).toHaveLength(2);
    }
  } finally {
    await server.stop();
    await tsa.close();
    home.cleanup();
    rmSync(files, { recursive: true, force: true });
  }
});
