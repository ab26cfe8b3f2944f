// A web page at another port of 127.0.0.1, open in the same browser as a logged-in admin, tries
// every trick a page has — <img>, a form, fetch — against browser mode (#14 finding 4). The
// session cookie goes with each (cookies do not separate ports): nothing may happen.
import { createServer, type Server } from 'node:http';
import { expect, test } from '@playwright/test';
import { CLERK, seededDataDir } from './seed';
import { startServer } from './server';

function evilPage(target: string, bookId: string): string {
  return `<!doctype html><title>Trang lạ</title>
<img src="${target}download/departments.create?name=Ph%C3%B2ng%20t%E1%BB%AB%20img">
<img src="${target}download/registers.print?kind=incoming&bookId=${bookId}">
<form id="f" method="POST" action="${target}api/departments.create" enctype="text/plain">
  <input name='{"name":"Phòng từ form","x":"' value='"}'>
</form>
<script>
  fetch('${target}api/departments.create', { method: 'POST', mode: 'no-cors', credentials: 'include',
    headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ name: 'Phòng từ fetch' }) }).catch(() => {});
  fetch('${target}api/departments.create', { method: 'POST', credentials: 'include',
    headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Phòng từ fetch JSON' }) }).catch(() => {});
  document.getElementById('f').submit();
</script>`;
}

test('a page at another port of 127.0.0.1 changes nothing, though the admin is logged in', async ({ page }) => {
  const server = await startServer(await seededDataDir(3));
  let evil: Server | null = null;
  try {
    await page.goto(server.url);
    await page.getByLabel('Tên đăng nhập').fill('quantri');
    await page.getByLabel('Mật khẩu').fill(CLERK.password);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('menuitem', { name: 'Quản trị' })).toBeVisible();
    const ask = async (method: string, input: unknown) =>
      (await page.request.post(`${server.url}api/${method}`, { data: input as object })).json() as Promise<unknown>;
    const [book] = (await ask('books.list', { kind: 'incoming' })) as { id: string; printedAt: string | null }[];
    const before = ((await ask('departments.list', {})) as { name: string }[]).map((d) => d.name);

    let hits = 0;
    evil = createServer((_req, res) => {
      hits++;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(evilPage(server.url, book!.id));
    });
    await new Promise<void>((resolve) => evil!.listen(0, '127.0.0.1', () => resolve()));
    const address = evil.address();
    const evilUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
    await page.goto(evilUrl);
    await page.waitForTimeout(2000); // the images, the fetches and the form have all gone out
    expect(hits).toBeGreaterThan(0);

    await page.goto(server.url);
    const after = ((await ask('departments.list', {})) as { name: string }[]).map((d) => d.name);
    expect(after).toEqual(before);
    const [bookAfter] = (await ask('books.list', { kind: 'incoming' })) as { printedAt: string | null }[];
    expect(bookAfter!.printedAt).toBe(book!.printedAt); // the <img> did not print (and mark) the register
  } finally {
    evil?.close();
    await server.stop();
  }
});
