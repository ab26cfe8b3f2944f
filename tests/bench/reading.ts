// Reading the page (#16), measured: OCR's character error rate, seconds a page and peak memory on
// scans generated here (Decree 30 pages at 150/200/300 dpi, grey and colour, skewed ±2°, dust, a
// red seal over the signature); the form's suggestions, field by field, on generated dispatches
// with a text layer and scanned; where dấu ĐẾN goes; and the shared real-world PDFs read without
// a crash or a hang. Run by `npm run bench` in a process of its own (or alone: `node
// dist/bench/reading.mjs [--docs N] [--scans N]`); prints a table with each target, writes
// bench-results/reading.json.
import { pct, verdictTable } from './verdicts.js';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readPageMap } from '../../electron/pdf/pageMap.js';
import { readFirstPage } from '../../electron/text/firstPage.js';
import { OcrEngine, pdfPageForOcr } from '../../electron/text/ocr.js';
import { readDispatch } from '../../shared/domain/dispatchReader.js';
import { planStamp } from '../../shared/domain/stampPlace.js';
import { SAMPLE_LETTER, SAMPLE_PLAN, decree30Pdf } from '../helpers/decree30.js';
import { corpusDispatch, PREFILL_FIELDS, type CorpusDispatch } from '../helpers/dispatchCorpus.js';
import { cer, readingOrder, scanOf } from '../helpers/scans.js';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const DOCS = arg('docs', 300);
const SCANS = arg('scans', 30);

const { rows, add } = verdictTable();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const engine = new OcrEngine();
/** The process's peak memory after each part: which part sets it. */
const peaks: [string, number][] = [];

// 1. OCR on generated scans.
{
  const byDpi = new Map<number, { cer: number[]; seconds: number[] }>();
  let k = 0;
  for (const doc of [SAMPLE_PLAN, SAMPLE_LETTER]) {
    const pdf = await decree30Pdf(doc);
    const truth = await readingOrder(pdf);
    for (const dpi of [150, 200, 300]) {
      for (const grey of [false, true]) {
        const skew = (k++ % 2 ? -1 : 1) * (1 + (k % 3) * 0.5);
        const scan = await scanOf(pdf, { dpi, grey, skew, specks: 600, seal: true, seed: k });
        const t = performance.now();
        const read = await engine.recognize(await pdfPageForOcr(scan.pdf, 1));
        const seconds = (performance.now() - t) / 1000;
        const m = byDpi.get(dpi) ?? { cer: [], seconds: [] };
        m.cer.push(cer(truth, read.text));
        m.seconds.push(seconds);
        byDpi.set(dpi, m);
      }
    }
  }
  for (const [dpi, m] of byDpi) {
    const mean = m.cer.reduce((a, b) => a + b, 0) / m.cer.length;
    add(
      `OCR CER, ${dpi} dpi (${m.cer.length} pages: grey+colour, skew ±2°, dust, seal)`,
      pct(mean),
      dpi === 200 ? '≤ 2 %' : '',
      dpi === 200 ? mean <= 0.02 : undefined,
    );
  }
  const all = [...byDpi.values()].flatMap((m) => m.seconds);
  add(
    'OCR seconds a page (render 200 dpi + clean + Tesseract), median',
    `${median(all).toFixed(2)} s (max ${Math.max(...all).toFixed(2)})`,
    '≤ 5 s',
    median(all) <= 5,
  );
}
peaks.push(['OCR of the generated scans', process.resourceUsage().maxRSS * 1024]);

// 2. The form's suggestions, field by field.
type Stats = Record<string, { tp: number; predicted: number; truth: number }>;
async function prefill(items: CorpusDispatch[], scanned: boolean): Promise<{ stats: Stats; ms: number[] }> {
  const stats: Stats = Object.fromEntries(PREFILL_FIELDS.map((f) => [f, { tp: 0, predicted: 0, truth: 0 }]));
  const ms: number[] = [];
  let i = 0;
  for (const c of items) {
    let pdf = await decree30Pdf(c.doc);
    if (scanned) pdf = (await scanOf(pdf, { dpi: 200, skew: (i++ % 2 ? -1 : 1) * 1.5, specks: 400, seal: true, grey: i % 3 === 0 })).pdf;
    const t = performance.now();
    const page = await readFirstPage(pdf, 'pdf', engine);
    const got = readDispatch(page.lines, page.page) as Record<string, unknown>;
    ms.push(performance.now() - t);
    for (const f of PREFILL_FIELDS) {
      const want = (c.truth as Record<string, unknown>)[f];
      const s = stats[f]!;
      if (want !== undefined) s.truth++;
      if (got[f] !== undefined) s.predicted++;
      if (got[f] !== undefined && got[f] === want) s.tp++;
    }
  }
  return { stats, ms };
}
function report(label: string, { stats, ms }: { stats: Stats; ms: number[] }, target: number) {
  for (const f of PREFILL_FIELDS) {
    const s = stats[f]!;
    if (s.truth === 0 && s.predicted === 0) continue;
    const precision = s.tp / Math.max(1, s.predicted);
    const recall = s.tp / Math.max(1, s.truth);
    const judged = ['code', 'issuedDate', 'agency'].includes(f);
    add(
      `${label}: ${f}`,
      `exact ${pct(recall)} · precision ${pct(precision)} (${s.tp}/${s.truth})`,
      judged ? `≥ ${target * 100} % exact` : '',
      judged ? recall >= target : undefined,
    );
  }
  add(`${label}: time to read page 1, median`, `${median(ms).toFixed(0)} ms`);
}
peaks.push(['the form’s suggestions', process.resourceUsage().maxRSS * 1024]);
const corpus = Array.from({ length: DOCS }, (_, i) => corpusDispatch(i));
report(`prefill, ${DOCS} text-layer PDFs`, await prefill(corpus, false), 0.95);
report(`prefill, ${SCANS} scans at 200 dpi`, await prefill(corpus.slice(0, SCANS), true), 0.85);

// 3. Where dấu ĐẾN goes on the generated dispatches.
{
  const hows = new Map<string, number>();
  const ms: number[] = [];
  const n = Math.min(100, DOCS);
  for (const c of corpus.slice(0, n)) {
    const pdf = await decree30Pdf(c.doc);
    const t = performance.now();
    const { map } = await readPageMap(pdf, { image: false });
    const p = planStamp(map, { rule: 'decree', corner: 'top-left', page: map });
    ms.push(performance.now() - t);
    hows.set(p.how, (hows.get(p.how) ?? 0) + 1);
  }
  const anchored = (hows.get('below-subject') ?? 0) + (hows.get('below-number') ?? 0) + (hows.get('below-date') ?? 0);
  add(
    `dấu ĐẾN placed by the decree's rule, ${n} dispatches`,
    `${anchored}/${n} under số/trích yếu/date (${[...hows].map(([h, c]) => `${h} ${c}`).join(', ')})`,
  );
  add('dấu ĐẾN: draw page 1 and place, median', `${median(ms).toFixed(0)} ms`);
}
peaks.push(['stamp placement', process.resourceUsage().maxRSS * 1024]);

// 4. The shared real-world PDFs: read, never a crash or a hang.
{
  const dir = join(import.meta.dirname, '../../../shared/testdata/pdf');
  const alt = join(process.cwd(), '../shared/testdata/pdf');
  const where = existsSync(dir) ? dir : existsSync(alt) ? alt : null;
  if (!where) add('shared real-world PDFs', 'skipped: ../shared/testdata is not beside this clone');
  else {
    let slowest = 0;
    const files = readdirSync(where).filter((f) => f.endsWith('.pdf'));
    for (const f of files) {
      const t = performance.now();
      try {
        const page = await readFirstPage(new Uint8Array(readFileSync(join(where, f))), 'pdf', engine);
        readDispatch(page.lines, page.page);
      } catch {
        // Refused (encrypted, broken): the form then says it read nothing. Not a crash.
      }
      slowest = Math.max(slowest, performance.now() - t);
    }
    add(
      `shared real-world PDFs read for the form (${files.length})`,
      `no crash, slowest ${(slowest / 1000).toFixed(1)} s`,
      'no hang (< 60 s)',
      slowest < 60_000,
    );
  }
}
peaks.push(['the shared PDFs', process.resourceUsage().maxRSS * 1024]);

await engine.close();
const peak = process.resourceUsage().maxRSS * 1024;
add(
  'peak RSS of this process (OCR included)',
  `${(peak / 1e6).toFixed(0)} MB (after ${peaks.map(([part, b]) => `${part} ${(b / 1e6).toFixed(0)}`).join(', ')})`,
  '≤ 1 GB',
  peak <= 1e9,
);
console.log('\nVănThư bench — reading the page (OCR, prefill, stamp placement)\n');
console.table(rows);
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/reading.json', JSON.stringify({ at: new Date().toISOString(), node: process.version, rows }, null, 2));
console.log('written: bench-results/reading.json');
