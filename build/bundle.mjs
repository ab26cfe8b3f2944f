// `npm run build`: the main-process side with esbuild (native modules and 'electron' stay
// external), the migrations beside it, and the renderer with Vite. Output: dist/.
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const withBench = process.argv.includes('--bench');
const skipRenderer = process.argv.includes('--no-renderer');
const serverOnly = process.argv.includes('--server-only');

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const common = {
  define: { __VANTHU_VERSION__: JSON.stringify(pkg.version) },
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  // pdf.js and tesseract.js load their own worker modules at run time, and the canvas is native:
  // they stay packages beside the bundle.
  external: ['electron', 'better-sqlite3', 'pdfjs-dist', 'tesseract.js', '@napi-rs/canvas'],
};
// ESM bundles of CommonJS dependencies still call require().
const esmBanner = { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" };

// The sync endpoint (server/): its own bundle and migrations; PGlite loads its wasm beside it.
async function buildServer() {
  await esbuild({
    ...common,
    external: ['@electric-sql/pglite', 'pg', 'pg-native', 'fastify'],
    format: 'esm',
    banner: esmBanner,
    outdir: join(dist, 'server'),
    outExtension: { '.js': '.mjs' },
    entryPoints: { main: join(root, 'server/main.ts') },
  });
  rmSync(join(dist, 'server-migrations'), { recursive: true, force: true });
  cpSync(join(root, 'server/migrations'), join(dist, 'server-migrations'), { recursive: true });
}
await buildServer();
if (serverOnly) process.exit(0);

rmSync(join(dist, 'electron'), { recursive: true, force: true });
await esbuild({
  ...common,
  format: 'esm',
  banner: esmBanner,
  outdir: join(dist, 'electron'),
  outExtension: { '.js': '.mjs' },
  entryPoints: {
    main: join(root, 'electron/main.ts'),
    serve: join(root, 'electron/serve.ts'),
    textWorker: join(root, 'electron/text/textWorker.ts'),
    workbookWorker: join(root, 'electron/imports/workbookWorker.ts'),
  },
});
await esbuild({
  ...common,
  format: 'cjs',
  outfile: join(dist, 'electron', 'preload.cjs'),
  entryPoints: [join(root, 'electron/preload.cts')],
});
rmSync(join(dist, 'migrations'), { recursive: true, force: true });
cpSync(join(root, 'db/migrations'), join(dist, 'migrations'), { recursive: true });

if (withBench) {
  await esbuild({
    ...common,
    // The sync bench's peers and load tool run from node_modules, as installed.
    external: [...common.external, '@electric-sql/pglite', 'pg', 'pg-native', 'fastify', 'pouchdb', 'autocannon', '@playwright/test'],
    format: 'esm',
    banner: esmBanner,
    outdir: join(dist, 'bench'),
    outExtension: { '.js': '.mjs' },
    entryPoints: {
      run: join(root, 'tests/bench/run.ts'),
      attach: join(root, 'tests/bench/attach.ts'),
      registers: join(root, 'tests/bench/registers.ts'),
      importRows: join(root, 'tests/bench/importRows.ts'),
      sync: join(root, 'tests/bench/sync.ts'),
      ui: join(root, 'tests/bench/ui.ts'),
      reading: join(root, 'tests/bench/reading.ts'),
      suggestions: join(root, 'tests/bench/suggestions.ts'),
      signatures: join(root, 'tests/bench/signatures.ts'),
      exchange: join(root, 'tests/bench/exchange.ts'),
      reform: join(root, 'tests/bench/reform.ts'),
      bundle: join(root, 'tests/bench/bundle.ts'),
    },
  });
}

if (!skipRenderer) {
  // Vite is a devDependency: `npm ci --omit=dev && npm run server` builds the server alone.
  const { build: viteBuild } = await import('vite');
  await viteBuild({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
}
console.log('VănThư: đã dựng xong vào dist/');
