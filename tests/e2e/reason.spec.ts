// A reason asked in a dialog (#15 item 6): the field has the focus, so the first letter typed
// is kept; an empty reason is refused under the field and the dialog stays.
import { expect, test } from '@playwright/test';
import { INCOMING_DEFAULTS, registerIncoming } from '../../db/incoming/incoming.js';
import { openStore } from '../../db/core/store.js';
import { storePath } from '../../electron/dataDir.js';
import { CLERK, seededDataDir } from './seed';
import { startServer } from './server';

test.use({ viewport: { width: 1366, height: 768 } });

test('Trả lại keeps the first letter typed and refuses an empty reason', async ({ page }) => {
  const dir = await seededDataDir(0);
  const store = openStore(storePath(dir));
  const clerk = (store.sqlite.prepare('SELECT id FROM users WHERE username = ?').get(CLERK.username) as { id: string }).id;
  const doc = registerIncoming(
    store,
    { userId: clerk },
    { agency: 'Sở Y tế', code: '5/SYT-VP', type: 'CV', issuedDate: '2026-01-05', summary: 'Gửi nhầm nơi nhận', ...INCOMING_DEFAULTS },
  );
  store.close();
  const server = await startServer(dir);
  await page.goto(`${server.url}#/incoming`);
  await page.getByLabel('Tên đăng nhập').fill(CLERK.username);
  await page.getByLabel('Mật khẩu').fill(CLERK.password);
  await page.keyboard.press('Enter');
  await page.locator('.ant-table-row').filter({ hasText: '5/SYT-VP' }).click();
  await page.getByRole('button', { name: 'Trả lại', exact: true }).click();
  const dialog = page.getByRole('dialog').filter({ hasText: 'Trả lại văn bản' });
  await expect(dialog.getByLabel('lý do trả lại')).toBeFocused();
  await dialog.getByRole('button', { name: 'Trả lại' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Chưa nhập lý do trả lại.');
  await dialog.getByLabel('lý do trả lại').focus();
  await page.keyboard.type('Gửi nhầm, không thuộc thẩm quyền');
  await page.screenshot({ path: 'test-results/reason-dialog.png' });
  await dialog.getByRole('button', { name: 'Trả lại' }).click();
  await expect(page.getByText('Đã trả lại văn bản.')).toBeVisible();
  const after = openStore(storePath(dir));
  const events = after.sqlite.prepare("SELECT data FROM document_events WHERE document_id = ? AND action = 'return'").all(doc.id) as {
    data: string;
  }[];
  after.close();
  expect(events.map((e) => JSON.parse(e.data) as { reason: string }).map((d) => d.reason)).toEqual(['Gửi nhầm, không thuộc thẩm quyền']);
  await server.stop();
});
