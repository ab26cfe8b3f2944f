// `npm start`: open the desktop window. Where Electron's binary is not installed (a machine
// that installed with ELECTRON_SKIP_BINARY_DOWNLOAD), say so and start browser mode instead.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronSqliteBinding } from './electronNative.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

function electronBinary() {
  let pkgDir;
  try {
    pkgDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = join(pkgDir, 'path.txt');
  if (existsSync(pathFile) && existsSync(join(pkgDir, 'dist', readFileSync(pathFile, 'utf8')))) return require('electron');
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return null;
  // Electron's own install step fetches the binary the install did not; its output (a stack
  // trace where there is no network) is kept from the user, who gets our one line instead.
  const fetched = spawnSync(process.execPath, [join(pkgDir, 'install.js')], { encoding: 'utf8', stdio: 'pipe' });
  if (fetched.status !== 0) {
    if (process.env.VANTHU_DEBUG) process.stderr.write(fetched.stderr ?? '');
    return null;
  }
  try {
    return require('electron');
  } catch {
    return null;
  }
}

const binary = electronBinary();
const binding = binary ? electronSqliteBinding(root, require('electron/package.json').version) : null;
const child =
  binary && binding
    ? spawn(binary, [root, ...process.argv.slice(2)], { stdio: 'inherit', env: { ...process.env, VANTHU_SQLITE_BINDING: binding } })
    : (console.log(
        binary
          ? 'Chưa dùng được Electron (thiếu better-sqlite3 cho Electron): mở VănThư ở chế độ trình duyệt (npm run serve).'
          : 'Chưa có Electron trên máy này: mở VănThư ở chế độ trình duyệt (npm run serve).',
      ),
      spawn(process.execPath, [join(root, 'dist/electron/serve.mjs'), ...process.argv.slice(2)], { stdio: 'inherit' }));
child.on('exit', (code) => process.exit(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
