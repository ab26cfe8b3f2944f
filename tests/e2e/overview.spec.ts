// Tổng quan: the overdue figure opens the overdue list, and a line of it opens the document.
import { expect, test } from '@playwright/test';
import { registerIncoming, INCOMING_DEFAULTS } from '../../db/incoming/incoming.js';
import { assignIncoming, submitIncoming } from '../../db/handling/steps.js';
import { openStore } from '../../db/core/store.js';
import { storePath } from '../../electron/dataDir.js';
import { CLERK, LEADER, seededDataDir } from './seed';
import { startServer } from './server';

test('the overdue figure opens the overdue list', async ({ page }) => {
  const dir = await seededDataDir(3);
  // One document assigned in January with a deadline that has long passed.
  const store = openStore(storePath(dir), { now: () => new Date('2026-01-06T03:00:00Z') });
  const users = store.sqlite.prepare('SELECT id, username FROM users').all() as { id: string; username: string }[];
  const leader = users.find((u) => u.username === LEADER.username)!.id;
  const clerk = users.find((u) => u.username === CLERK.username)!.id;
  const doc = registerIncoming(
    store,
    { userId: clerk },
    {
      agency: 'Bộ Giáo dục và Đào tạo',
      code: '77/BGDĐT-GDTrH',
      type: 'CV',
      issuedDate: '2026-01-05',
      summary: 'Báo cáo số liệu đầu năm học',
      ...INCOMING_DEFAULTS,
    },
  );
  submitIncoming(store, { userId: clerk }, { id: doc.id, leaderId: leader, note: null });
  assignIncoming(
    store,
    { userId: leader },
    { id: doc.id, direction: 'Báo cáo gấp', lead: { userId: clerk, deadline: '2026-01-09' }, coordinate: [], inform: [] },
  );
  store.close();

  const server = await startServer(dir);
  await page.goto(`${server.url}#/overview`);
  await page.getByLabel('Tên đăng nhập').fill(LEADER.username);
  await page.getByLabel('Mật khẩu').fill(LEADER.password);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /Tổng quan/ })).toBeVisible();
  const overdue = page.getByTestId('figure-overdue');
  await expect(overdue).toContainText('1');
  await page.screenshot({ path: 'test-results/overview.png' });
  await overdue.click();
  const list = page.getByTestId('overview-list');
  await expect(list).toContainText('77/BGDĐT-GDTrH');
  await expect(list).toContainText('Quá hạn');
  await list.locator('.ant-list-item').first().click();
  await expect(page.getByRole('dialog').filter({ hasText: 'Phiếu giải quyết văn bản đến' })).toContainText('Báo cáo số liệu đầu năm học');
  await server.stop();
});
