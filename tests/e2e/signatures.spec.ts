// Digital signatures through the real UI (#17, the checking half): a signed incoming PDF shows its
// signer and "Chưa tin cậy" until the admin adds the CA's root in Quản trị (its fingerprint shown),
// then "Hợp lệ".
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { SAMPLE_PLAN, decree30Pdf } from '../helpers/decree30';
import { signPdf, signerUnder, testCa } from '../helpers/testCa';
import { p12Of } from '../helpers/p12';
import { seriousFindings } from './axe';
import { CLERK, seededDataDir } from './seed';
import { startServer } from './server';
import { login } from './login';

async function logout(page: Page) {
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(page.getByText('Đăng nhập VănThư')).toBeVisible();
}

test('a signed PDF: its signer, untrusted until the admin adds the root, then valid', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const ca = await testCa();
  const dir = mkdtempSync(join(tmpdir(), 'vanthu-e2e-sig-'));
  const pdfPath = join(dir, 'cong-van-ky-so.pdf');
  writeFileSync(pdfPath, await signPdf(await decree30Pdf(SAMPLE_PLAN), ca.signer, [ca.intermediate.cert]));
  const rootPath = join(dir, 'root-ca.cer');
  writeFileSync(rootPath, ca.root.cert.toString('pem'));
  const server = await startServer(await seededDataDir(1));

  await login(page, server.url, CLERK);
  await page.locator('.vt-table-wrap .ant-table-row').first().click();
  const drawer = page.getByRole('dialog').filter({ hasText: 'Phiếu giải quyết văn bản đến' });
  await drawer.locator('input[type=file]').setInputFiles(pdfPath);
  await expect(drawer.getByTestId('signature-badge')).toHaveText('Chữ ký số: chưa tin cậy');
  const panel = drawer.getByTestId('signature-panel');
  await expect(panel).toContainText('Nguyễn Văn An');
  await expect(panel).toContainText('Sở Giáo dục và Đào tạo Hà Tĩnh');
  await expect(panel).toContainText('VănThư Test CA cấp 2');
  await expect(panel.getByTestId('signature-verdict')).toHaveText('Chưa tin cậy');
  await expect(panel).toContainText('Chưa kiểm tra được tình trạng thu hồi');
  await page.keyboard.press('Escape');
  await logout(page);

  await login(page, server.url, { username: 'quantri', password: CLERK.password });
  await page.getByRole('menuitem', { name: 'Quản trị' }).click();
  const card = page.locator('.ant-card', { hasText: 'Chứng thư số gốc' });
  await card.locator('input[type=file]').setInputFiles(rootPath);
  await expect(card.getByTestId('trust-root')).toContainText('VănThư Test Root CA');
  await expect(card.getByTestId('trust-root')).toContainText(/SHA-256 ([0-9A-F]{2}:){31}[0-9A-F]{2}/);
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/signatures-trust-root.png' });
  expect(await seriousFindings(page)).toEqual([]);
  await logout(page);

  await login(page, server.url, CLERK);
  await page.locator('.vt-table-wrap .ant-table-row').first().click();
  await expect(drawer.getByTestId('signature-verdict')).toHaveText('Hợp lệ');
  await expect(drawer.getByTestId('signature-badge')).toHaveText('Chữ ký số: hợp lệ');
  await drawer.getByTestId('signature-panel').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/signatures-valid.png' });
  expect(await seriousFindings(page)).toEqual([]);

  // dấu ĐẾN on the signed original: the stamped copy still carries the sender's valid signature.
  await drawer.getByRole('button', { name: 'Đóng dấu ĐẾN' }).click();
  await page.getByRole('button', { name: 'Đóng dấu (Enter)' }).click();
  const copy = drawer.getByTestId('attachment-row').filter({ hasText: 'Bản có dấu ĐẾN' });
  await expect(copy.getByTestId('signature-badge')).toHaveText('Chữ ký số: hợp lệ');
  await copy.getByRole('button', { name: /^Xem / }).click();
  await expect(drawer.getByTestId('signature-panel')).toContainText('như dấu ĐẾN');
  await expect(drawer.getByTestId('signature-verdict')).toHaveText('Hợp lệ');
  await expect(drawer.getByText(/Đóng dấu ĐẾN lên tệp .* — chữ ký số: Nguyễn Văn An \(Hợp lệ\)/)).toBeVisible();
  await drawer.getByTestId('signature-panel').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/signatures-stamped.png' });
  expect(await seriousFindings(page)).toEqual([]);

  // ký số dấu đến: the văn thư signs the stamped copy for the office, with the office's .p12 file.
  const office = await signerUnder(ca, 'CN=Sở Giáo dục và Đào tạo Hà Nội, O=Sở Giáo dục và Đào tạo Hà Nội, C=VN');
  const p12 = await p12Of(office, [ca.intermediate.cert], 'mat-khau-2026');
  if (p12) {
    const p12Path = join(dir, 'co-quan.p12');
    writeFileSync(p12Path, p12);
    await drawer.getByRole('button', { name: 'Ký số dấu đến…' }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: 'Ký số dấu đến — văn bản đến số 1' });
    await expect(dialog).toContainText('(dấu ĐẾN số 1).pdf');
    await dialog.getByLabel('Tệp chứng thư .p12/.pfx').check();
    await dialog.locator('input[type=file]').setInputFiles(p12Path);
    await expect(dialog.getByRole('button', { name: 'Tệp: co-quan.p12' })).toBeVisible();
    await dialog.getByLabel('Mật khẩu tệp chứng thư').fill('mat-khau-2026');
    await page.screenshot({ path: 'test-results/signatures-arrival-sign.png' });
    expect(await seriousFindings(page)).toEqual([]);
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    const arrival = drawer.getByTestId('attachment-row').filter({ hasText: 'ký số dấu đến' });
    await expect(arrival.getByTestId('signature-badge')).toHaveText('Chữ ký số: hợp lệ (2 chữ ký)');
  }
  await server.stop();
});
