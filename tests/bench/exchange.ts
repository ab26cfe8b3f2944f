// Liên thông (#18), measured: an edXML package with a 20 MB signed-size PDF built (base64 into
// the envelope) and read back (parsed, the attachment decoded and compared), with the process's
// peak memory over the two. `node dist/bench/exchange.mjs [--mb 20] [--runs 5]`; run by `npm run bench`; writes
// bench-results/exchange.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { decodeAttachment, readEdxml } from '../../electron/exchange/edxml/readPackage.js';
import { buildPackage } from '../../electron/exchange/edxml/writePackage.js';
import { samplePdf } from '../helpers/pdfFixtures.js';
import { verdictTable } from './verdicts.js';

const { rows, add } = verdictTable();
const MB = 1024 * 1024;

// 20 MB of incompressible bytes in one stream (a scan's images) inside a real PDF.
const doc = await PDFDocument.load(await samplePdf(2, 'Kế hoạch'));
const arg = (name: string, fallback: number) => Number(process.argv[process.argv.indexOf(name) + 1] ?? NaN) || fallback;
const blob = new Uint8Array(arg('--mb', 20) * MB);
for (let i = 0; i < blob.length; i += 65_536) crypto.getRandomValues(blob.subarray(i, i + 65_536));
doc.catalog.set(PDFName.of('VanThuBench'), doc.context.register(PDFRawStream.of(doc.context.obj({ Length: blob.length }), blob)));
const pdf = Buffer.from(await doc.save({ useObjectStreams: false }));
const organ = (organId: string, name: string) => ({ organId, name, address: null, email: null, phone: null });

// The work is synchronous (no timer could sample it): the resident size is read after each step,
// while what the step made is still alive.
const base = process.memoryUsage().rss;
let peak = base;
const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));
const times = { build: [] as number[], read: [] as number[] };
let size = 0;
let same = true;
for (let i = 0, runs = arg('--runs', 5); i < runs; i++) {
  let t = performance.now();
  const bytes = buildPackage({
    from: organ('000.00.00.H42', 'Sở Giáo dục và Đào tạo Hà Tĩnh'),
    to: organ('000.00.12.H42', 'Trường THPT Phan Đình Phùng'),
    documentId: '000.00.00.H42,2026/12/03,120/SGDĐT-VP',
    codeNumber: '120',
    codeNotation: 'SGDĐT-VP',
    place: 'Hà Tĩnh',
    issuedDate: '2026-12-03',
    typeCode: 'KH',
    typeName: 'Kế hoạch',
    summary: 'Kế hoạch tổ chức kỳ thi chọn học sinh giỏi cấp tỉnh năm học 2026-2027',
    signer: { competence: 'KT. GIÁM ĐỐC', position: 'Phó Giám đốc', fullName: 'Nguyễn Văn An' },
    dueDate: null,
    priority: '0',
    copies: 1,
    pages: 2,
    toPlaces: ['Các trường THPT'],
    business: 'new',
    businessDocumentId: '000.00.00.H42,2026/12/03,120/SGDĐT-VP',
    businessReason: null,
    staff: { department: 'Văn phòng', name: 'Trần Thị Văn Thư', email: null },
    sentAt: new Date(),
    attachments: [{ name: 'ke-hoach.pdf', mime: 'application/pdf', bytes: pdf }],
  });
  times.build.push(performance.now() - t);
  sample();
  size = bytes.length;
  t = performance.now();
  const m = readEdxml(bytes);
  if (m.kind !== 'package') throw new Error('not a package');
  same &&= decodeAttachment(m.attachments[0]!).equals(pdf);
  times.read.push(performance.now() - t);
  sample();
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const b = median(times.build);
const r = median(times.read);
add(
  `build a package with a ${(pdf.length / MB).toFixed(0)} MB PDF (${(size / MB).toFixed(1)} MB edXML, p50)`,
  `${b.toFixed(0)} ms`,
  '≤ 2,000 ms',
  b <= 2000,
);
add(
  'read it back: parse, decode, compare (p50)',
  `${r.toFixed(0)} ms, ${same ? 'same bytes' : 'DIFFERENT'}`,
  '≤ 3,000 ms, same bytes',
  same && r <= 3000,
);
const extra = (peak - base) / MB;
add('resident memory at its highest after a step (above the start)', `${extra.toFixed(0)} MB`, '≤ 400 MB', extra <= 400);

console.log('\nVănThư bench — liên thông (edXML)\n');
console.table(rows);
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/exchange.json', JSON.stringify({ at: new Date().toISOString(), node: process.version, rows }, null, 2));
console.log('written: bench-results/exchange.json');
