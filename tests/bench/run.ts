// npm run bench [-- --docs 100000]: registration, register paging and search on a large store.
// Prints a table and writes bench-results/bench.json. Not run by CI.
import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { stampArrival } from '../../electron/pdf/arrivalStamp.js';
import { readPdfText } from '../../electron/text/pdfText.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { listDocuments } from '../../db/documents/documentRows.js';
import { INCOMING_DEFAULTS, registerIncoming, type RegisterIncoming } from '../../db/incoming/incoming.js';
import { initialize } from '../../db/admin/setup.js';
import { openStore } from '../../db/core/store.js';
import { BENCH_QUERIES, corpusDocument } from './corpus.js';
import { search } from '../../db/search/search.js';
import { suggestRouting } from '../../db/suggest/routing.js';
import { summaryReport } from '../../db/reports/reports.js';
import { addToIndex } from '../../db/documents/documentsFts.js';
import { BackupService } from '../../electron/backup/backupService.js';
import { BlobStore } from '../../electron/files/blobStore.js';
import { codeKey, foldVietnamese } from '../../shared/text/searchKey.js';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const DOCS = arg('docs', 100_000);
const dir = mkdtempSync(join(tmpdir(), 'vanthu-bench-'));
const file = join(dir, 'bench.sqlite');
const store = openStore(file, { now: () => new Date('2026-12-30T03:00:00Z') });
// The admin's signed context: a corpus over years opens new yearly books (authority changes).
const ctx = initialize(store, {
  unitName: 'Sở GD-ĐT',
  unitCode: 'SGDĐT',
  adminUsername: 'admin',
  adminFullName: 'Quản trị',
  adminPasswordHash: 'x',
});

// A specialist: the search pays for the secret-document check a specialist's search pays.
const BENCH_READER = { id: 'bench-reader', roles: ['specialist' as const] };

function percentile(samples: number[], p: number): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}
function time<T>(fn: () => T): [T, number] {
  const t = performance.now();
  const r = fn();
  return [r, performance.now() - t];
}

const rows: { measure: string; n: number; p50_ms: number; p95_ms: number; note: string }[] = [];
const add = (measure: string, samples: number[], note = '') =>
  rows.push({ measure, n: samples.length, p50_ms: round(percentile(samples, 50)), p95_ms: round(percentile(samples, 95)), note });
const round = (x: number) => Math.round(x * 1000) / 1000;

const base = (i: number): RegisterIncoming => ({ ...corpusDocument(i), ...INCOMING_DEFAULTS });

// Seeding. Up to 200,000 documents every one goes through mutate() (1,000 per outer
// transaction, each a savepoint). Beyond that the corpus goes in as raw rows spread over ten
// years (100,000 a year, as a large Sở's register over a decade), since a million mutate()
// calls take hours; registration is then measured on top of the full store.
const BATCH = 1000;
const RAW_SEED = DOCS > 200_000 || process.argv.includes('--raw-seed');
const seedStart = performance.now();
if (RAW_SEED) rawSeed(DOCS);
else {
  for (let start = 0; start < DOCS; start += BATCH) {
    store.sqlite.transaction(() => {
      for (let i = start; i < Math.min(DOCS, start + BATCH); i++) registerIncoming(store, ctx, base(i));
    })();
  }
}
const seedMs = performance.now() - seedStart;
rows.push({
  measure: RAW_SEED ? 'seed as raw rows (docs/s)' : 'seed through mutate(), batched (docs/s)',
  n: DOCS,
  p50_ms: round(DOCS / (seedMs / 1000)),
  p95_ms: 0,
  note: `${(seedMs / 1000).toFixed(1)} s in all`,
});

function rawSeed(count: number): void {
  // A bulk load as any DBA does it: the documents table's indexes and FTS triggers are put back,
  // and the index rebuilt, once the rows are in (row-by-row upkeep made a million take hours).
  const schema = store.sqlite
    .prepare("SELECT type, name, sql FROM sqlite_master WHERE tbl_name = 'documents' AND type IN ('index', 'trigger') AND sql IS NOT NULL")
    .all() as { type: string; name: string; sql: string }[];
  for (const o of schema) store.sqlite.exec(`DROP ${o.type === 'index' ? 'INDEX' : 'TRIGGER'} "${o.name}"`);
  const YEARS = 10;
  const perYear = Math.ceil(count / YEARS);
  const agencyIds = new Map<string, string>();
  const insert = store.sqlite.prepare(
    `INSERT INTO documents (id, kind, book_id, year, number, received_at, received_date, agency_id, agency_name, agency_key, code, code_key, type_code, issued_date, summary, hlc, created_at, updated_at)
     VALUES (?, 'incoming', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'h', ?, ?)`,
  );
  for (let y = 0; y < YEARS; y++) {
    const year = 2026 - YEARS + 1 + y;
    const book = `book-${year}`;
    store.sqlite
      .prepare(
        "INSERT OR IGNORE INTO register_books (id, kind, name, year, series, hlc, created_at, updated_at) VALUES (?, 'incoming', ?, ?, 'general', 'h', 'c', 'u')",
      )
      .run(book, `Sổ văn bản đến năm ${year}`, year);
    if (year === 2026)
      store.sqlite.prepare("UPDATE register_books SET deleted_at = 'x' WHERE kind = 'incoming' AND year = 2026 AND id <> ?").run(book);
    for (let start = 0; start < perYear && y * perYear + start < count; start += BATCH) {
      store.sqlite.transaction(() => {
        for (let k = start; k < Math.min(perYear, start + BATCH) && y * perYear + k < count; k++) {
          const i = y * perYear + k;
          const d = corpusDocument(i);
          let agency = agencyIds.get(d.agency);
          if (!agency) {
            agency = `agency-${agencyIds.size}`;
            store.sqlite
              .prepare("INSERT INTO agencies (id, name, name_key, hlc, created_at, updated_at) VALUES (?, ?, ?, 'h', 'c', 'u')")
              .run(agency, d.agency, foldVietnamese(d.agency));
            agencyIds.set(d.agency, agency);
          }
          // Received in the document's month of that year, numbered in order within the year.
          const received = `${year}${d.issuedDate.slice(4)}`;
          const at = `${received}T03:00:00.000Z`;
          insert.run(
            `seed-${i}`,
            book,
            year,
            k + 1,
            at,
            received,
            agency,
            d.agency,
            foldVietnamese(d.agency),
            d.code,
            codeKey(d.code),
            d.type,
            received,
            d.summary,
            at,
            at,
          );
        }
      })();
    }
  }
  for (const o of schema) store.sqlite.exec(o.sql);
  store.sqlite.exec("INSERT INTO documents_fts(documents_fts) VALUES ('rebuild')");
  // One segment, as a long-lived index settles into: a rebuild leaves hundreds, which every
  // later write would merge a little of and every query would read.
  store.sqlite.exec("INSERT INTO documents_fts(documents_fts) VALUES ('optimize')");
  store.sqlite.exec('PRAGMA wal_checkpoint(TRUNCATE)');
}

// Registration as a clerk makes it — through mutate(), its own transaction, synced to disk —
// against a raw INSERT of a like row plus its full-text row, also one transaction each, both on
// this full store: the price of the one write path (audit chain, outbox, history, duplicate
// check, number, book).
const SAMPLE_N = 2000;
const single: number[] = [];
for (let i = 0; i < SAMPLE_N; i++) single.push(time(() => registerIncoming(store, ctx, base(DOCS + i)))[1]);
const mutateRate = SAMPLE_N / (single.reduce((x, y) => x + y, 0) / 1000);
add('register one document through mutate() (own transaction, fsync)', single, `${mutateRate.toFixed(0)} docs/s`);
const rawInsert = store.sqlite.prepare(
  `INSERT INTO documents (id, kind, book_id, year, number, received_at, received_date, agency_id, agency_name, agency_key, code, code_key, type_code, issued_date, summary, hlc, created_at, updated_at)
   VALUES (?, 'incoming', 'raw-book', 2026, ?, '2026-12-30T03:00:00Z', '2026-12-30', 'raw-agency', ?, ?, ?, ?, ?, ?, ?, 'h', 'c', 'u')`,
);
store.sqlite.exec(
  "INSERT INTO register_books (id, kind, name, year, series, hlc, created_at, updated_at, deleted_at) VALUES ('raw-book', 'incoming', 'x', 2026, 'general', 'h', 'c', 'u', 'x'); INSERT INTO agencies (id, name, name_key, hlc, created_at, updated_at) VALUES ('raw-agency', 'x', 'x', 'h', 'c', 'u');",
);
const raw: number[] = [];
for (let i = 0; i < SAMPLE_N; i++) {
  const d = corpusDocument(DOCS + SAMPLE_N + i);
  raw.push(
    time(() =>
      store.sqlite.transaction(() => {
        const row = rawInsert.run(
          `raw-${i}`,
          i + 1,
          d.agency,
          foldVietnamese(d.agency),
          d.code,
          codeKey(d.code),
          d.type,
          d.issuedDate,
          d.summary,
        );
        // The same full-text upkeep the write path does (db/documents/documentsFts.ts).
        addToIndex(store, Number(row.lastInsertRowid), `${d.code} ${d.agency} ${d.summary}`.replace(/đ/g, 'd').replace(/Đ/g, 'D'));
      })(),
    )[1],
  );
}
const rawRate = SAMPLE_N / (raw.reduce((x, y) => x + y, 0) / 1000);
add(
  'raw INSERT of a like row + its FTS row (own transaction, fsync)',
  raw,
  `${rawRate.toFixed(0)} docs/s; mutate() is ${(rawRate / mutateRate).toFixed(1)}× slower (target ≤ 3×)`,
);
store.sqlite.exec("DELETE FROM documents WHERE book_id = 'raw-book'");

const firstPage: number[] = [];
for (let i = 0; i < 50; i++) firstPage.push(time(() => listDocuments(store, { kind: 'incoming', limit: 200 }))[1]);
add('register page 1 (200 rows)', firstPage);

// Scrolling the whole register, 200 rows a page, by keyset.
const pages: number[] = [];
let cursor: string | null = null;
let seen = 0;
do {
  const [page, ms]: [ReturnType<typeof listDocuments>, number] = time(() => listDocuments(store, { kind: 'incoming', limit: 200, cursor }));
  pages.push(ms);
  seen += page.items.length;
  cursor = page.nextCursor;
} while (cursor);
add(`register page n (keyset, all ${seen} rows)`, pages, `${pages.length} pages, ${pages.reduce((a, b) => a + b, 0).toFixed(0)} ms in all`);

const queries = [
  'ke hoach',
  'dao tao giao vien',
  'tuyen sinh lop 10',
  'boi d',
  'so giao duc',
  '142/kh-bgddt',
  'Nội dung',
  'thi tot nghiep',
];
for (const q of queries) {
  const samples: number[] = [];
  let hits = 0;
  for (let i = 0; i < 20; i++) {
    const [r, ms] = time(() => listDocuments(store, { kind: 'incoming', q, limit: 50 }));
    samples.push(ms);
    hits = r.items.length;
  }
  add(`register filter "${q}" (first 50)`, samples, `${hits} shown`);
}

// The search box: 50 fixed queries (words, phrases, prefixes, codes), 3 rounds each.
const searchSamples: number[] = [];
const perQuery = new Map<string, number>();
for (let round3 = 0; round3 < 3; round3++) {
  for (const q of BENCH_QUERIES) {
    const ms = time(() => search(store, BENCH_READER, { q, limit: 20 }))[1];
    searchSamples.push(ms);
    perQuery.set(q, Math.max(perQuery.get(q) ?? 0, ms));
  }
}
const slowest = [...perQuery.entries()]
  .sort((a, b) => b[1] - a[1])
  .slice(0, 4)
  .map(([q, ms]) => `"${q}" ${ms.toFixed(0)}`)
  .join(', ');
add(`search.query, ${BENCH_QUERIES.length} queries × 3`, searchSamples, `target p95 ≤ 50 ms at 1M; slowest: ${slowest}`);

// Suggestions from history at this size, with no document routed yet: the index's candidates
// are walked to the end without finding one (the slowest case; bench/suggestions measures the
// accuracy on a routed register).
{
  const newest = store.sqlite.prepare("SELECT id FROM documents WHERE kind = 'incoming' ORDER BY seq DESC LIMIT 30").all() as {
    id: string;
  }[];
  const samples = newest.map(({ id }) => time(() => suggestRouting(store, id))[1]);
  add('incoming.suggestRouting, nothing routed yet (30 documents)', samples, 'target p95 ≤ 100 ms');
}

// A year's report.
const reportSamples: number[] = [];
for (const groupBy of ['type', 'month', 'agency'] as const)
  reportSamples.push(time(() => summaryReport(store, { from: '2026-01-01', to: '2026-12-31', groupBy }))[1]);
add('a year’s summary report (type, month, agency)', reportSamples, 'target ≤ 500 ms at 1M');

const CORE_ONLY = process.argv.includes('--core');
if (!CORE_ONLY) {
  // Stamping: a 1-page and a 100-page PDF.
  async function makePdf(pages: number): Promise<Uint8Array> {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.TimesRoman);
    for (let i = 0; i < pages; i++)
      doc.addPage([595.28, 841.89]).drawText(`Trang ${i + 1}`.normalize('NFD').replace(/\p{M}/gu, ''), { x: 72, y: 700, size: 12, font });
    return doc.save();
  }
  const stampText = { unitName: 'Sở Giáo dục và Đào tạo Hà Nội', number: 127, date: '27/11/2026', forwardTo: 'Văn phòng', dossier: null };
  for (const pages of [1, 100]) {
    const pdf = await makePdf(pages);
    const samples: number[] = [];
    for (let i = 0; i < 10; i++) {
      const t = performance.now();
      await stampArrival(pdf, stampText);
      samples.push(performance.now() - t);
    }
    add(`stamp dấu ĐẾN, ${pages}-page PDF`, samples, `${(pdf.length / 1024).toFixed(0)} KB`);
  }

  // Reading the text layer of a 100-page PDF for search (the background job of each attach).
  {
    const pdf = await makePdf(100);
    const samples: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      await readPdfText(pdf.slice(), 500_000); // pdf.js takes the buffer it is given
      samples.push(performance.now() - t);
    }
    add('read the text layer, 100-page PDF', samples, 'background worker thread in the app');
  }

  // Attaching a 50 MB PDF, in a fresh process so its peak memory is its own.
  const bigDir = mkdtempSync(join(tmpdir(), 'vanthu-bench-big-'));
  const bigFile = join(bigDir, 'lon.pdf');
  {
    const head = Buffer.from('%PDF-1.7\n%âãÏÓ\n');
    const fd = openSync(bigFile, 'w');
    writeSync(fd, head);
    const chunk = Buffer.alloc(1024 * 1024, 0x41);
    for (let i = 0; i < 50; i++) writeSync(fd, chunk);
    writeSync(fd, Buffer.from('\n%%EOF\n'));
    closeSync(fd);
  }
  const child = JSON.parse(
    execFileSync(process.execPath, [join(dirname(fileURLToPath(import.meta.url)), 'attach.mjs'), bigFile], { encoding: 'utf8' }),
  ) as { ms: number; size: number; growth: number; peakAfter: number };
  rmSync(bigDir, { recursive: true, force: true });
  rows.push({
    measure: 'attach a 50 MB PDF (streamed, hashed, fsync)',
    n: 1,
    p50_ms: round(child.ms),
    p95_ms: round(child.ms),
    note: `peak RSS grew ${(child.growth / 1e6).toFixed(1)} MB (${(child.growth / child.size).toFixed(2)}× the file); peak ${(child.peakAfter / 1e6).toFixed(0)} MB`,
  });

  // A 10,000-row register printed and exported, in a fresh process.
  const reg = JSON.parse(
    execFileSync(process.execPath, [join(dirname(fileURLToPath(import.meta.url)), 'registers.mjs'), '10000'], {
      encoding: 'utf8',
      maxBuffer: 1024 * 1024,
    }),
  ) as {
    rows: number;
    printMs: number;
    pdfBytes: number;
    exportMs: number;
    xlsxBytes: number;
    base: number;
    afterPrint: number;
    afterExport: number;
  };
  rows.push({
    measure: `print a ${reg.rows.toLocaleString('en')}-row register (PDF)`,
    n: 1,
    p50_ms: round(reg.printMs),
    p95_ms: round(reg.printMs),
    note: `${(reg.pdfBytes / 1e6).toFixed(1)} MB; peak RSS ${(reg.afterPrint / 1e6).toFixed(0)} MB (+${((reg.afterPrint - reg.base) / 1e6).toFixed(0)} MB)`,
  });
  rows.push({
    measure: `export the same to .xlsx`,
    n: 1,
    p50_ms: round(reg.exportMs),
    p95_ms: round(reg.exportMs),
    note: `${(reg.xlsxBytes / 1e6).toFixed(1)} MB; peak RSS ${(reg.afterExport / 1e6).toFixed(0)} MB`,
  });

  // Importing an old register of 100,000 rows (.xlsx), in a fresh process.
  const imp = JSON.parse(
    execFileSync(process.execPath, [join(dirname(fileURLToPath(import.meta.url)), 'importRows.mjs'), '100000'], {
      encoding: 'utf8',
      maxBuffer: 1024 * 1024,
    }),
  ) as {
    rows: number;
    fileBytes: number;
    valid: number;
    imported: number;
    previewMs: number;
    runMs: number;
    base: number;
    afterPreview: number;
    peak: number;
  };
  rows.push({
    measure: `import a ${imp.rows.toLocaleString('en')}-row .xlsx register: read + preview`,
    n: 1,
    p50_ms: round(imp.previewMs),
    p95_ms: round(imp.previewMs),
    note: `${(imp.fileBytes / 1e6).toFixed(1)} MB file, ${imp.valid} valid; peak RSS ${(imp.afterPreview / 1e6).toFixed(0)} MB`,
  });
  rows.push({
    measure: '… and the import (one transaction)',
    n: 1,
    p50_ms: round(imp.runMs),
    p95_ms: round(imp.runMs),
    note: `${imp.imported} imported; peak RSS ${(imp.peak / 1e6).toFixed(0)} MB`,
  });

  // A backup of this store with GB of attachments, while the "app" keeps answering: the
  // event loop's worst stall and search latency during the backup.
  await backupBench(Number(process.argv[process.argv.indexOf('--attach-gb') + 1] ?? 0) || (DOCS >= 1_000_000 ? 5 : 0.5));

  async function backupBench(gb: number) {
    const files = new BlobStore(join(dir, 'files'));
    const FILE_MB = 100;
    const count = Math.max(1, Math.round((gb * 1024) / FILE_MB));
    const chunk = Buffer.alloc(1024 * 1024);
    const docIds = store.sqlite.prepare('SELECT id FROM documents ORDER BY seq DESC LIMIT ?').all(count) as { id: string }[];
    const insert = store.sqlite.prepare(
      "INSERT INTO attachments (id, document_id, name, mime, kind, size, sha256, role, hlc, created_at, updated_at) VALUES (?, ?, ?, 'application/pdf', 'pdf', ?, ?, 'original', 'h', 'c', 'u')",
    );
    for (let i = 0; i < count; i++) {
      async function* body() {
        for (let m = 0; m < FILE_MB; m++) {
          chunk.writeUInt32LE(i, 0);
          chunk.writeUInt32LE(m, 4);
          yield chunk;
        }
      }
      const blob = await files.put(body(), Number.MAX_SAFE_INTEGER);
      insert.run(`bench-file-${i}`, docIds[i % docIds.length]!.id, `phu-luc-${i}.pdf`, blob.size, blob.sha256);
    }
    // Text extraction is not what is measured: these files are marked as read.
    store.sqlite.exec(
      "INSERT OR IGNORE INTO file_texts (sha256, status, text, extracted_at) SELECT sha256, 'no_text', '', 'x' FROM attachments",
    );
    const service = new BackupService(store, files, dir);
    let worstLag = 0;
    let last = performance.now();
    const lagTimer = setInterval(() => {
      const now = performance.now();
      worstLag = Math.max(worstLag, now - last - 20);
      last = now;
    }, 20);
    const during: number[] = [];
    let searching = true;
    const searches = (async () => {
      let i = 0;
      while (searching) {
        during.push(time(() => search(store, BENCH_READER, { q: BENCH_QUERIES[i++ % BENCH_QUERIES.length]!, limit: 20 }))[1]);
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    const target = mkdtempSync(join(tmpdir(), 'vanthu-bench-backup-'));
    const t = performance.now();
    const made = await service.create(target);
    const ms = performance.now() - t;
    searching = false;
    await searches;
    clearInterval(lagTimer);
    rmSync(target, { recursive: true, force: true });
    rows.push({
      measure: `back up ${DOCS.toLocaleString('en')} docs + ${gb} GB of files`,
      n: 1,
      p50_ms: round(ms),
      p95_ms: round(ms),
      note: `${(made.bytes / 1e9).toFixed(2)} GB written; worst event-loop stall ${worstLag.toFixed(0)} ms; ${during.length} searches meanwhile, p95 ${percentile(during, 95).toFixed(0)} ms`,
    });
  }
}

const mem = process.memoryUsage();
const sizeMb = (statSync(file).size + (statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0)) / 1e6;
store.close();
rmSync(dir, { recursive: true, force: true });

console.log(`\nVănThư bench — ${DOCS.toLocaleString('en')} incoming documents, Node ${process.version}\n`);
console.table(rows);
const peakRss = process.resourceUsage().maxRSS * 1024;
console.log(
  `store size ${sizeMb.toFixed(1)} MB · rss ${(mem.rss / 1e6).toFixed(0)} MB · heap ${(mem.heapUsed / 1e6).toFixed(0)} MB · peak RSS ${(peakRss / 1e6).toFixed(0)} MB (seeding included; target ≤ 400 MB)`,
);
mkdirSync('bench-results', { recursive: true });
writeFileSync(
  'bench-results/bench.json',
  JSON.stringify(
    {
      at: new Date().toISOString(),
      docs: DOCS,
      node: process.version,
      rows,
      storeMb: sizeMb,
      rssMb: mem.rss / 1e6,
      peakRssMb: peakRss / 1e6,
    },
    null,
    2,
  ),
);
console.log('written: bench-results/bench.json');

// Reading the page (OCR, the form's suggestions, dấu ĐẾN's place): its own process and table.
if (!CORE_ONLY && !process.argv.includes('--no-reading')) {
  execFileSync(process.execPath, [join(dirname(fileURLToPath(import.meta.url)), 'reading.mjs')], { stdio: 'inherit' });
}
// Digital signatures (check, stamp a signed PDF, sign with a token): its own table.
if (!CORE_ONLY && !process.argv.includes('--no-signatures')) {
  execFileSync(process.execPath, [join(dirname(fileURLToPath(import.meta.url)), 'signatures.mjs')], { stdio: 'inherit' });
}
// Liên thông: an edXML package with a 20 MB attachment built and read back: its own table.
if (!CORE_ONLY && !process.argv.includes('--no-exchange')) {
  execFileSync(process.execPath, [join(dirname(fileURLToPath(import.meta.url)), 'exchange.mjs')], { stdio: 'inherit' });
}
// The first screen: what the login needs and what loads later, from the built renderer.
if (!CORE_ONLY && !process.argv.includes('--no-bundle')) {
  execFileSync(process.execPath, [join(dirname(fileURLToPath(import.meta.url)), 'bundle.mjs')], { stdio: 'inherit' });
}
// Tiếp nhận đơn vị: a dissolved unit of 20,000 documents taken over: its own process and table.
if (!CORE_ONLY && !process.argv.includes('--no-reform')) {
  execFileSync(process.execPath, [join(dirname(fileURLToPath(import.meta.url)), 'reform.mjs')], { stdio: 'inherit' });
}
// Suggestions from history (who handles it, which dossier): its own office and table.
if (!CORE_ONLY && !process.argv.includes('--no-suggestions')) {
  execFileSync(process.execPath, [join(dirname(fileURLToPath(import.meta.url)), 'suggestions.mjs')], { stdio: 'inherit' });
}
