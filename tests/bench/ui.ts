// npm run bench:ui [-- --docs 2000]: the UI's own speed with a real browser on the built
// browser-mode server — the register's first paint, a login, the first page of the keyset
// register walked with End, and a Ctrl+K answer. Prints a table (target, PASS/MISS) and writes
// bench-results/ui.json. Not run by CI.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { CLERK, seededDataDir } from '../e2e/seed.js';
import { startServer } from '../e2e/server.js';

const i = process.argv.indexOf('--docs');
const DOCS = i >= 0 ? Number(process.argv[i + 1]) : 2000;
const RUNS = 7;
const executablePath = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((p) => existsSync(p));

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const max = (xs: number[]) => Math.max(...xs);

const server = await startServer(await seededDataDir(DOCS));
const browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: ['--no-sandbox', '--disable-gpu'] });
const login: number[] = [];
const paint: number[] = [];
const section: number[] = [];
const search: number[] = [];
const end: number[] = [];
try {
  for (let run = 0; run < RUNS; run++) {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
    await page.goto(server.url);
    await page.getByLabel('Tên đăng nhập').fill(CLERK.username);
    await page.getByLabel('Mật khẩu').fill(CLERK.password);
    // Login: the password and the user's signing key are checked (scrypt, on purpose slow).
    const t0 = Date.now();
    await page.keyboard.press('Enter');
    await page.locator('.vt-register .ant-table-row').first().waitFor();
    login.push(Date.now() - t0);
    // First paint: the program opened again (signed in), to the register's first row drawn.
    const tp = Date.now();
    await page.reload();
    await page.locator('.vt-register .ant-table-row').first().waitFor();
    paint.push(Date.now() - tp);
    // The register opened from another page (the menu): first row drawn.
    await page.evaluate(() => (window.location.hash = '#/tasks'));
    await page.getByRole('heading', { name: 'Việc của tôi' }).waitFor();
    const ts = Date.now();
    await page.evaluate(() => (window.location.hash = '#/incoming'));
    await page.locator('.vt-register .ant-table-row').first().waitFor();
    section.push(Date.now() - ts);

    // End on the register: the cursor on the last loaded row, the next page asked for behind it.
    await page.locator('.vt-register').focus();
    const t1 = Date.now();
    await page.keyboard.press('End');
    await page.getByTestId('register-status').filter({ hasText: 'Đã hiện 400' }).waitFor();
    end.push(Date.now() - t1);

    // Ctrl+K: from the last key typed to the first result shown (the 150 ms wait included).
    await page.keyboard.press('Control+k');
    await page.keyboard.type('ke hoach', { delay: 20 });
    const t2 = Date.now();
    await page.getByTestId('search-option').first().waitFor();
    search.push(Date.now() - t2);
    await page.close();
  }
} finally {
  await browser.close();
  await server.stop();
}

const rows = [
  { measure: `register opened from the menu: first rows (${DOCS} docs)`, median_ms: median(section), max_ms: max(section), target_ms: 300 },
  { measure: 'program reloaded (signed in): bundle, session, first rows', median_ms: median(paint), max_ms: max(paint), target_ms: 1000 },
  { measure: 'login → register drawn (scrypt password + key)', median_ms: median(login), max_ms: max(login), target_ms: 1500 },
  { measure: 'End in the register: next keyset page shown', median_ms: median(end), max_ms: max(end), target_ms: 300 },
  { measure: 'Ctrl+K: last key → first result (150 ms wait included)', median_ms: median(search), max_ms: max(search), target_ms: 400 },
].map((r) => ({ ...r, result: r.median_ms <= r.target_ms ? 'PASS' : 'MISS' }));
console.table(rows);
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/ui.json', JSON.stringify({ docs: DOCS, runs: RUNS, rows }, null, 2));
