// What can be checked of the installers here (they are built on Windows and Linux runners by
// .github/workflows/release.yml): electron-builder.yml against electron-builder's own schema,
// package.json's fields, and the real app.asar file list from a packaging run with a stand-in
// Electron — what the app needs, and no tests, sources, secrets or dev tools.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, any>;
/** Dependencies of the sync server alone (npm ci --omit=dev && npm run server), kept out of app.asar. */
const SERVER_ONLY = ['@electric-sql/pglite', 'fastify', 'pg', 'esbuild'];

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own validation', async () => {
    const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      getConfig(dir: string, path: string | null, opts: null): Promise<Record<string, any>>;
      validateConfiguration(config: unknown, logger: unknown): Promise<void>;
    };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    const config = await getConfig(root, join(root, 'electron-builder.yml'), null);
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    expect(config.productName).toBe(pkg.productName);
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      allowToChangeInstallationDirectory: true,
      createDesktopShortcut: true,
      createStartMenuShortcut: true,
      deleteAppDataOnUninstall: false,
    });
    expect(config.linux.target.map((t: { target: string }) => t.target)).toEqual(['AppImage', 'deb']);
    expect(config.npmRebuild).toBe(true);
    expect(config.publish[0].provider).toBe('generic');
    expect(existsSync(join(root, config.nsis.include))).toBe(true);
  });

  it('agrees with package.json', () => {
    expect(pkg.main).toBe('dist/electron/main.mjs');
    expect(pkg.productName).toBe('VănThư');
    expect(pkg.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(pkg.author?.email).toMatch(/@/);
    // Renderer-only libraries are bundled by Vite and must not ride along in app.asar.
    for (const dev of ['antd', 'react', 'recharts', 'electron', 'electron-builder', 'vite', 'vitest'])
      expect(pkg.dependencies[dev], dev).toBeUndefined();
  });
});

describe('the sync server alone', () => {
  // `npm ci --omit=dev && npm run server`: the build step and the bundle need production packages only.
  const bare = (spec: string) => !spec.startsWith('.') && !spec.startsWith('node:');
  const packageOf = (spec: string) =>
    spec
      .split('/')
      .slice(0, spec.startsWith('@') ? 2 : 1)
      .join('/');

  it('bundles with esbuild alone and imports only its dependencies at run time', () => {
    const bundler = readFileSync(join(root, 'build/bundle.mjs'), 'utf8');
    const staticImports = [...bundler.matchAll(/^import .* from '([^']+)';$/gm)].map((m) => m[1]!).filter(bare);
    expect(staticImports.map(packageOf)).toEqual(['esbuild']);
    const bundle = join(root, 'dist/server/main.mjs');
    if (!existsSync(bundle)) throw new Error('dist/ is missing: `npm test` builds before vitest; alone, run `npm run build` first.');
    const code = readFileSync(bundle, 'utf8');
    const imports = [...code.matchAll(/^import .* from "([^"]+)";$|\bimport\("([^"]+)"\)/gm)].map((m) => (m[1] ?? m[2])!).filter(bare);
    expect(imports.length).toBeGreaterThan(0);
    for (const spec of new Set(imports.map(packageOf))) expect(pkg.dependencies[spec], `${spec} is a dependency`).toBeDefined();
    for (const dep of SERVER_ONLY) expect(pkg.dependencies[dep], dep).toBeDefined();
  });
});

const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** RunAsNode, CookieEncryption, NodeOptions, NodeCliInspect, AsarIntegrity, OnlyLoadAppFromAsar, V8Snapshot, FileProtocolExtraPrivileges. */
const SHIPPED_FUSES = '10110001';

describe('app.asar', () => {
  let out: string;
  let files: string[];
  let unpacked: string;
  beforeAll(() => {
    if (!existsSync(join(root, 'dist/renderer/index.html')))
      throw new Error('dist/ is missing: `npm test` builds before vitest; alone, run `npm run build` first.');
    // A stand-in Electron distribution, as TOOLCHAIN.md has it: packaging steps without downloads.
    const stub = mkdtempSync(join(tmpdir(), 'vanthu-electron-stub-'));
    // With Electron's fuse wire (its sentinel, version 1, 8 fuses as Electron ships them), so the
    // packaging run flips it as it would flip the real binary's.
    writeFileSync(join(stub, 'electron'), `#!/bin/sh\necho stub\nexit 0\n# ${FUSE_SENTINEL}\x01\x08${SHIPPED_FUSES}\n`, 'latin1');
    chmodSync(join(stub, 'electron'), 0o755);
    writeFileSync(join(stub, 'version'), String(pkg.devDependencies.electron));
    writeFileSync(join(stub, 'LICENSE'), 'MIT');
    writeFileSync(join(stub, 'LICENSES.chromium.html'), '');
    out = mkdtempSync(join(tmpdir(), 'vanthu-pack-'));
    mkdirSync(out, { recursive: true });
    execFileSync(
      process.execPath,
      [
        require.resolve('electron-builder/cli.js'),
        '--linux',
        'dir',
        `-c.electronDist=${stub}`,
        '-c.npmRebuild=false',
        `-c.directories.output=${out}`,
        '--publish',
        'never',
      ],
      {
        cwd: root,
        stdio: 'pipe',
        env: { ...process.env, CI: 'true' },
      },
    );
    rmSync(stub, { recursive: true, force: true });
    const resources = join(out, 'linux-unpacked', 'resources');
    files = (require('@electron/asar') as { listPackage(p: string, o: object): string[] })
      .listPackage(join(resources, 'app.asar'), {})
      .map((f) => f.replace(/\\/g, '/'));
    unpacked = join(resources, 'app.asar.unpacked');
  }, 180_000);
  afterAll(() => out && rmSync(out, { recursive: true, force: true }));

  it('holds what the app runs', () => {
    for (const f of [
      '/package.json',
      '/dist/electron/main.mjs',
      '/dist/electron/preload.cjs',
      '/dist/renderer/index.html',
      '/dist/migrations/0000_init.sql',
      '/dist/migrations/meta/_journal.json',
    ]) {
      expect(files, f).toContain(f);
    }
    for (const dep of Object.keys(pkg.dependencies))
      expect(
        files.some((f) => f.startsWith(`/node_modules/${dep}/`)),
        dep,
      ).toBe(!SERVER_ONLY.includes(dep));
    // Worker threads cannot start inside app.asar: the text and workbook workers and pdf.js sit beside it.
    expect(existsSync(join(unpacked, 'dist/electron/textWorker.mjs'))).toBe(true);
    expect(existsSync(join(unpacked, 'dist/electron/workbookWorker.mjs'))).toBe(true);
    expect(existsSync(join(unpacked, 'node_modules/pdfjs-dist/legacy/build/pdf.mjs'))).toBe(true);
    expect(existsSync(join(unpacked, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'))).toBe(true);
    // pdf.js draws page 1 for dấu ĐẾN with @napi-rs/canvas, required from the unpacked pdf.js.
    expect(existsSync(join(unpacked, 'node_modules/@napi-rs/canvas/index.js'))).toBe(true);
    expect(existsSync(join(unpacked, 'node_modules/@napi-rs/canvas-linux-x64-gnu/skia.linux-x64-gnu.node'))).toBe(true);
    // USB tokens: the PKCS#11 binding (N-API, so the one binary loads in Node and Electron alike), unpacked like every
    // native module, without its sources. It is optional: a PC where it did not build signs with .p12 files.
    if (existsSync(join(root, 'node_modules/pkcs11js/build/Release/pkcs11.node'))) {
      expect(existsSync(join(unpacked, 'node_modules/pkcs11js/build/Release/pkcs11.node'))).toBe(true);
      expect(files.some((f) => f.startsWith('/node_modules/pkcs11js/src/'))).toBe(false);
    }
    // OCR: tesseract.js's worker script, the LSTM core it picks, the Vietnamese model — and what they require.
    for (const f of [
      'node_modules/tesseract.js/src/worker-script/node/index.js',
      'node_modules/tesseract.js-core/tesseract-core-simd-lstm.wasm.js',
      'node_modules/tesseract.js-core/tesseract-core-lstm.wasm.js',
      'node_modules/@tesseract.js-data/vie/4.0.0_best_int/vie.traineddata.gz',
      'node_modules/wasm-feature-detect/package.json',
      'node_modules/regenerator-runtime/runtime.js',
      'node_modules/is-url/index.js',
    ])
      expect(existsSync(join(unpacked, f)), f).toBe(true);
    expect(existsSync(join(unpacked, 'node_modules/tesseract.js-core/tesseract-core.wasm'))).toBe(false);
    expect(existsSync(join(unpacked, 'node_modules/@tesseract.js-data/vie/4.0.0/vie.traineddata.gz'))).toBe(false);
  });

  it('flips Electron’s fuses: no run-as-node, NODE_OPTIONS or --inspect; only its own checked app.asar; no file:// powers', () => {
    const binary = readFileSync(join(out, 'linux-unpacked', 'vanthu')).toString('latin1');
    const at = binary.indexOf(FUSE_SENTINEL) + FUSE_SENTINEL.length;
    expect(binary.slice(at + 2, at + 10)).toBe('01001100');
  });

  it('holds no tests, sources, maps, secrets or dev tools', () => {
    const bad = files.filter(
      (f) =>
        /^\/(tests|electron|renderer|db|shared|server|build|\.github|\.ci)\//.test(f) ||
        /\.(tsx?|cts|mts|map|sqlite)$/.test(f) ||
        /(^|\/)\.(env|npmrc)/.test(f) ||
        /^\/node_modules\/(electron|electron-builder|vite|vitest|typescript|antd|react|@playwright|drizzle-kit|esbuild|@esbuild|fastify|@electric-sql|pg)\//.test(
          f,
        ) ||
        /^\/node_modules\/better-sqlite3\/(deps|src)\//.test(f),
    );
    expect(bad).toEqual([]);
    expect(files.length).toBeGreaterThan(100);
  });
});
