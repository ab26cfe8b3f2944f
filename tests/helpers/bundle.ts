// Bundles a TypeScript entry (a worker, a child process) into node_modules/.cache, so that its
// external packages (better-sqlite3, pdf.js) resolve from the checkout as the app's bundle does.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

export async function bundleForTest(entry: string, name: string): Promise<{ file: string; dir: string }> {
  const cache = join(import.meta.dirname, '../../node_modules/.cache');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, `vanthu-${name}-`));
  const file = join(dir, `${name}.mjs`);
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: file,
    external: ['better-sqlite3', 'pdfjs-dist', 'tesseract.js', '@napi-rs/canvas'],
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    logLevel: 'error',
  });
  return { file, dir };
}
