// Child process of the bench: an old register of N rows written as .xlsx, then staged, previewed
// and imported through the real service — each timed, with this process's peak memory.
import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { initialize } from '../../db/admin/setup.js';
import { openStore } from '../../db/core/store.js';
import { ImportService } from '../../electron/imports/importService.js';
import { corpusDocument } from './corpus.js';

const ROWS = Number(process.argv[2] ?? 100_000);
const dir = mkdtempSync(join(tmpdir(), 'vanthu-bench-import-'));
const file = join(dir, 'so-den-cu.xlsx');
{
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
  const ws = wb.addWorksheet('So den');
  ws.addRow([
    'Ngày đến',
    'Số đến',
    'Tác giả',
    'Số, ký hiệu',
    'Ngày tháng',
    'Tên loại và trích yếu nội dung',
    'Đơn vị hoặc người nhận',
    'Ghi chú',
  ]).commit();
  for (let i = 0; i < ROWS; i++) {
    const d = corpusDocument(i);
    const year = 2015 + Math.floor(i / 10_000);
    const md = d.issuedDate.slice(5).split('-');
    ws.addRow([
      `${md[1]}/${md[0]}/${year}`,
      (i % 10_000) + 1,
      d.agency,
      d.code,
      `${md[1]}/${md[0]}/${year}`,
      d.summary,
      'Văn phòng',
      null,
    ]).commit();
  }
  await wb.commit();
}
const store = openStore(join(dir, 'bench.sqlite'), { now: () => new Date('2026-12-30T03:00:00Z') });
const ctx = initialize(store, {
  unitName: 'Sở GD-ĐT',
  unitCode: 'SGDĐT',
  adminUsername: 'admin',
  adminFullName: 'Quản trị',
  adminPasswordHash: 'x',
});
const service = new ImportService(store, join(dir, 'staging'));
const base = process.resourceUsage().maxRSS * 1024;
let t = performance.now();
const staged = await service.stage(createReadStream(file), 'so-den-cu.xlsx', statSync(file).size);
const preview = await service.preview({ uploadId: staged.uploadId, kind: 'incoming' });
const previewMs = performance.now() - t;
const afterPreview = process.resourceUsage().maxRSS * 1024;
t = performance.now();
const run = await service.run(ctx, { uploadId: staged.uploadId, kind: 'incoming', mapping: preview.mapping });
const runMs = performance.now() - t;
const peak = process.resourceUsage().maxRSS * 1024;
process.stdout.write(
  JSON.stringify({
    rows: ROWS,
    fileBytes: statSync(file).size,
    valid: preview.valid,
    imported: run.imported,
    previewMs,
    runMs,
    base,
    afterPreview,
    peak,
  }),
);
store.close();
rmSync(dir, { recursive: true, force: true });
