// better-sqlite3 is compiled for Node by `npm ci` (tests and browser mode use it). Electron
// has another ABI, so `npm start` keeps a second copy built for Electron under
// node_modules/.cache and hands its path to the main process (VANTHU_SQLITE_BINDING).
// Packaged installers do not need this: electron-builder rebuilds the module for Electron.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

export function electronSqliteBinding(root, electronVersion) {
  const stage = join(root, 'node_modules', '.cache', 'vanthu-electron', `${electronVersion}-${process.platform}-${process.arch}`);
  const moduleDir = join(stage, 'better-sqlite3');
  const binary = join(moduleDir, 'build', 'Release', 'better_sqlite3.node');
  if (existsSync(binary)) return binary;

  console.log(`Chuẩn bị better-sqlite3 cho Electron ${electronVersion} (chỉ lần đầu)…`);
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(stage, { recursive: true });
  const source = dirname(require.resolve('better-sqlite3/package.json'));
  cpSync(source, moduleDir, { recursive: true, filter: (p) => !p.includes(`${join('build', 'Release')}`) });

  // First a prebuilt binary for Electron (better-sqlite3 publishes them), else a build from source.
  const prebuild = join(dirname(require.resolve('prebuild-install/package.json')), 'bin.js');
  const tries = [
    [
      process.execPath,
      [prebuild, '--runtime', 'electron', '--target', electronVersion, '--arch', process.arch, '--platform', process.platform],
    ],
    [
      process.platform === 'win32' ? 'npx.cmd' : 'npx',
      [
        '--yes',
        'node-gyp',
        'rebuild',
        '--release',
        `--target=${electronVersion}`,
        '--dist-url=https://electronjs.org/headers',
        '--runtime=electron',
      ],
    ],
  ];
  for (const [cmd, args] of tries) {
    const r = spawnSync(cmd, args, { cwd: moduleDir, stdio: 'inherit', env: { ...process.env, npm_config_nodedir: '' } });
    if (r.status === 0 && existsSync(binary)) return binary;
  }
  console.error('Không chuẩn bị được better-sqlite3 cho Electron (cần mạng ở lần chạy đầu).');
  return null;
}
