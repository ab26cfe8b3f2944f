// Child process of the bench: a 10,000-row incoming register printed to PDF and exported to
// .xlsx, each timed, with the process's peak memory (its own, not the parent's).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { INCOMING_DEFAULTS, registerIncoming } from '../../db/incoming/incoming.js';
import { initialize } from '../../db/admin/setup.js';
import { openStore } from '../../db/core/store.js';
import { exportRegisterFile, printRegisterFile } from '../../electron/registers/registersService.js';
import { corpusDocument } from './corpus.js';

const ROWS = Number(process.argv[2] ?? 10_000);
const dir = mkdtempSync(join(tmpdir(), 'vanthu-bench-reg-'));
const store = openStore(join(dir, 'bench.sqlite'), { now: () => new Date('2026-12-30T03:00:00Z') });
const { userId, signer } = initialize(store, {
  unitName: 'Sở Giáo dục và Đào tạo Hà Nội',
  unitCode: 'SGDĐT',
  adminUsername: 'admin',
  adminFullName: 'Quản trị',
  adminPasswordHash: 'x',
});
let bookId = '';
for (let start = 0; start < ROWS; start += 1000) {
  store.sqlite.transaction(() => {
    for (let i = start; i < Math.min(ROWS, start + 1000); i++)
      bookId = registerIncoming(store, { userId, signer }, { ...corpusDocument(i), ...INCOMING_DEFAULTS }).bookId;
  })();
}
const peak = () => process.resourceUsage().maxRSS * 1024;
const base = peak();
let t = performance.now();
const pdf = await printRegisterFile(store, { userId, signer }, { id: userId, roles: ['clerk'] }, { kind: 'incoming', bookId });
const printMs = performance.now() - t;
const afterPrint = peak();
t = performance.now();
const xlsx = await exportRegisterFile(store, { id: userId, roles: ['clerk'] }, { kind: 'incoming', bookId });
const exportMs = performance.now() - t;
const afterExport = peak();
process.stdout.write(
  JSON.stringify({
    rows: ROWS,
    printMs,
    pdfBytes: pdf.bytes.byteLength,
    exportMs,
    xlsxBytes: xlsx.bytes.byteLength,
    base,
    afterPrint,
    afterExport,
  }),
);
store.close();
rmSync(dir, { recursive: true, force: true });
