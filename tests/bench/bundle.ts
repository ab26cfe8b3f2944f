// The first screen (#20 item 9), measured on the built renderer (npm run build): the JavaScript
// the login screen needs — the entry script of index.html and what it preloads — and every chunk
// loaded later, by size. `node dist/bench/bundle.mjs`; run by `npm run bench`; writes bench-results/bundle.json.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { verdictTable } from './verdicts.js';

const { rows, add } = verdictTable();
const renderer = join(dirname(fileURLToPath(import.meta.url)), '..', 'renderer');
const html = readFileSync(join(renderer, 'index.html'), 'utf8');
const first = [...html.matchAll(/<script[^>]+src="\.\/([^"]+\.js)"|<link rel="modulepreload"[^>]+href="\.\/([^"]+\.js)"/g)].map(
  (m) => m[1] ?? m[2]!,
);
const size = (file: string) => statSync(join(renderer, file)).size;
const before = first.reduce((s, f) => s + size(f), 0);
const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
add('JavaScript loaded before the login screen (minified)', `${kb(before)} in ${first.length} files`, '≤ 1,024 KB', before <= 1024 * 1024);
const later = readdirSync(join(renderer, 'assets'))
  .filter((f) => /\.(m?js)$/.test(f) && !first.includes(`assets/${f}`))
  .map((f) => ({ f, n: size(join('assets', f)) }))
  .sort((a, b) => b.n - a.n);
for (const { f, n } of later) add(`loaded when first used: ${f.replace(/-[\w-]{8}\./, '.')}`, kb(n));

console.log('\nVănThư bench — first screen\n');
console.table(rows);
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/bundle.json', JSON.stringify({ at: new Date().toISOString(), rows }, null, 2));
console.log('written: bench-results/bundle.json');
