// Digital signatures (#17), measured: checking a signed 1-page and 100-page PDF (in the thread and
// in the worker the backend uses, which adds its start), dấu ĐẾN on a signed PDF (an appended
// revision), signing with a real PKCS#11 token (SoftHSM2, when installed) and with a .p12-like
// key, and a 100 MB signed PDF checked in the worker (which has a memory cap of its own).
// `node dist/bench/signatures.mjs [--no-big]`; run by `npm run bench`; writes bench-results/signatures.json.
import 'reflect-metadata';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { checkPdfSignatures, checkSignaturesIsolated } from '../../electron/pdf/signatures/checkSignatures.js';
import { stampArrival } from '../../electron/pdf/arrivalStamp.js';
import { openToken } from '../../electron/pdf/signing/pkcs11Signer.js';
import { signPdf as signWith } from '../../electron/pdf/signing/signPdf.js';
import type { KeySigner } from '../../electron/pdf/signing/cms.js';
import { SAMPLE_PLAN, decree30Pdf } from '../helpers/decree30.js';
import { softHsmHome, softHsmMissing, tokenWith } from '../helpers/softhsm.js';
import { testCa } from '../helpers/testCa.js';
import { verdictTable } from './verdicts.js';

const { rows, add } = verdictTable();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
async function time(n: number, f: () => Promise<unknown>): Promise<number> {
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await f();
    ms.push(performance.now() - t);
  }
  return median(ms);
}

const ca = await testCa();
const memoryKey: KeySigner = {
  certificate: new Uint8Array(ca.signer.cert.rawData),
  chain: [new Uint8Array(ca.intermediate.cert.rawData)],
  sign: async (data) => new Uint8Array(await crypto.subtle.sign('RSASSA-PKCS1-v1_5', ca.signer.keys.privateKey, new Uint8Array(data))),
};
const roots = [new Uint8Array(ca.root.cert.rawData)];
const options = { field: 'VanThu-LanhDao', name: 'Nguyễn Văn An', reason: 'Bench', at: new Date() };
const one = await signWith(await decree30Pdf(SAMPLE_PLAN), memoryKey, options);
const hundred = await signWith(await decree30Pdf(SAMPLE_PLAN, { extraPages: 99 }), memoryKey, options);
const worker = join(dirname(fileURLToPath(import.meta.url)), '../electron/textWorker.mjs');

const v1 = await time(20, () => checkPdfSignatures(one, roots));
add('check a signed 1-page PDF (in thread, p50)', `${v1.toFixed(1)} ms`, '≤ 100 ms', v1 <= 100);
const v100 = await time(20, () => checkPdfSignatures(hundred, roots));
add('check a signed 100-page PDF (in thread, p50)', `${v100.toFixed(1)} ms`, '≤ 300 ms', v100 <= 300);
if (existsSync(worker)) {
  const w1 = await time(5, () => checkSignaturesIsolated(one, roots, worker));
  add('check a signed 1-page PDF (its own worker, p50)', `${w1.toFixed(0)} ms`, '≤ 1,000 ms', w1 <= 1000);
}
const st = await time(10, () => stampArrival(one, { unitName: 'Sở Giáo dục và Đào tạo Hà Tĩnh', number: 42, date: '03/12/2026' }));
add('dấu ĐẾN on a signed PDF (appended revision, p50)', `${st.toFixed(0)} ms`, '≤ 1,000 ms', st <= 1000);
const sm = await time(10, () => signWith(one, memoryKey, { ...options, field: 'VanThu-CoQuan' }));
add('sign (PAdES B-B, key in memory as from a .p12, p50)', `${sm.toFixed(0)} ms`, '≤ 1,000 ms', sm <= 1000);

const missing = softHsmMissing();
if (missing) add('sign with SoftHSM2', `skipped: ${missing}`, '≤ 1,000 ms');
else {
  const home = softHsmHome();
  const token = await tokenWith(home.dir, 'bench', ca.signer, [ca.intermediate.cert]);
  const sh = await time(10, async () => {
    const key = openToken({ module: token.module, pin: token.pin });
    try {
      return await signWith(one, key, { ...options, field: 'VanThu-CoQuan' });
    } finally {
      key.close();
    }
  });
  add('sign with SoftHSM2 (open token, PIN, sign, read back; p50)', `${sh.toFixed(0)} ms`, '≤ 1,000 ms', sh <= 1000);
  home.cleanup();
}

if (!process.argv.includes('--no-big')) {
  // 100 MB of incompressible bytes in one stream (a scan's images), signed, checked in the worker.
  const doc = await PDFDocument.load(await decree30Pdf(SAMPLE_PLAN));
  const blob = new Uint8Array(100 * 1024 * 1024);
  for (let i = 0; i < blob.length; i += 65_536) crypto.getRandomValues(blob.subarray(i, i + 65_536));
  const stream = PDFRawStream.of(doc.context.obj({ Length: blob.length }), blob);
  doc.catalog.set(PDFName.of('VanThuBench'), doc.context.register(stream));
  const big = await signWith(await doc.save({ useObjectStreams: false }), memoryKey, options);
  const t = performance.now();
  const r = existsSync(worker) ? await checkSignaturesIsolated(big, roots, worker) : await checkPdfSignatures(big, roots);
  const ms = performance.now() - t;
  const ok = r?.checks?.[0]?.intact === true;
  add(
    `check a signed ${(big.length / 1024 / 1024).toFixed(0)} MB PDF (worker)`,
    `${(ms / 1000).toFixed(1)} s, ${ok ? 'intact' : 'NOT READ'}`,
    '≤ 15 s, intact',
    ok && ms <= 15_000,
  );
}

console.log('\nVănThư bench — digital signatures\n');
console.table(rows);
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/signatures.json', JSON.stringify({ at: new Date().toISOString(), node: process.version, rows }, null, 2));
console.log('written: bench-results/signatures.json');
