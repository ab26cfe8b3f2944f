// Imported spreadsheets are hostile until read (#14 finding 5): a workbook crafted to pollute
// Object.prototype is previewed through the app's own worker thread, and afterwards stamping,
// printing and exports still work; a workbook that takes too long is stopped with a message.
// An .xls keeps its TCVN3 / VNI text readable by each cell's declared font.
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWorkbookIsolated } from '../../electron/imports/isolatedWorkbook.js';
import { readWorkbook } from '../../electron/imports/readWorkbook.js';
import { bundleForTest } from '../helpers/bundle.js';
import { prototypePollutingWorkbook } from '../helpers/craftedWorkbook.js';
import { legacyIncomingRegister } from '../helpers/legacyRegister.js';
import { SAMPLE, setUpOffice, type Office } from '../helpers/office.js';
import { samplePdf } from '../helpers/pdfFixtures.js';
import ExcelJS from 'exceljs';

let office: Office;
let worker: { file: string; dir: string };

beforeAll(async () => {
  worker = await bundleForTest(join(import.meta.dirname, '../../electron/imports/workbookWorker.ts'), 'workbookWorker');
  office = await setUpOffice({}, { workbookWorker: worker.file });
}, 60_000);
afterAll(async () => {
  await office.backend.close();
  office.cleanup();
  rmSync(worker.dir, { recursive: true, force: true });
});

async function file(method: string, input: Record<string, unknown>) {
  const out = await office.backend.call({ token: office.clerk.token, transport: 'ipc' }, method, input);
  if (!out.result.ok) throw new Error(`${method}: ${out.result.error.message}`);
  return out.result.value as { bytes: Uint8Array };
}

describe('a crafted workbook', () => {
  it('is previewed without touching the program: stamping, printing and exports still work after it', async () => {
    const crafted = await prototypePollutingWorkbook();
    const { uploadId } = await office.backend.imports.stage(Readable.from([Buffer.from(crafted)]), 'so-cu.xlsx');
    await office.clerk.raw('imports.preview', { uploadId, kind: 'incoming' });
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(({} as Record<string, unknown>).c).toBeUndefined();

    const doc = await office.clerk.ok('incoming.register', SAMPLE);
    const pdf = await office.backend.attachments.add(
      { userId: null },
      { documentId: doc.id, name: 'cong-van.pdf', source: Readable.from([Buffer.from(await samplePdf())]) },
    );
    const stamped = await office.clerk.ok('incoming.stamp', { documentId: doc.id, attachmentId: pdf.id });
    expect(stamped.role).toBe('stamped');
    const printed = await file('registers.print', { kind: 'incoming', bookId: doc.bookId });
    expect(Buffer.from(printed.bytes).subarray(0, 5).toString()).toBe('%PDF-');
    const exported = await file('registers.export', { kind: 'incoming', bookId: doc.bookId });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(exported.bytes) as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.rowCount).toBeGreaterThan(1);
    const catalogue = await file('catalogue.print', { year: doc.year });
    expect(Buffer.from(catalogue.bytes).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('read in this thread by the maintained SheetJS build, pollutes nothing either', async () => {
    await readWorkbook(await prototypePollutingWorkbook(), 'so-cu.xlsx');
    expect(Object.keys(Object.prototype)).toEqual([]);
  });

  it('that takes longer than allowed is stopped with a message, and the next one is read', async () => {
    const big = await legacyIncomingRegister();
    await expect(readWorkbookIsolated(big.slice(), 'cham.xlsx', worker.file, 1)).rejects.toMatchObject({
      code: 'FILE_UNREADABLE',
      message: expect.stringMatching(/quá .* giây/),
    });
    const read = await readWorkbookIsolated(big.slice(), 'so-den.xlsx', worker.file);
    expect(read.sheets[0]!.name).toBe('So den 2019');
  });
});

const ssconvert = (() => {
  try {
    execFileSync('ssconvert', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
if (!ssconvert) console.log('SKIPPED: .xls fonts — gnumeric’s ssconvert (writes real BIFF8 files) is not installed (.ci/run installs it).');

describe.skipIf(!ssconvert)('an .xls register typed in TCVN3 and VNI fonts', () => {
  it('is read by each cell’s font, short cells and capitals fonts included', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('So den');
    const put = (ref: string, text: string, font: string) => {
      ws.getCell(ref).value = text;
      ws.getCell(ref).font = { name: font };
    };
    put('A1', 'Sè', '.VnTime'); // "Số": too short to guess
    put('A2', 'Kú thi', '.VnTime'); // "Kỳ thi"
    put('A3', 'Së GI¸O DôC', '.VnTimeH'); // a capitals font: "SỞ GIÁO DỤC"
    put('A4', 'UÛy ban', 'VNI-Times'); // "Ủy ban"
    put('A5', 'Sè', 'Times New Roman'); // not a legacy font: left as typed
    const dir = office.t.dir;
    writeFileSync(join(dir, 'in.xlsx'), Buffer.from(await wb.xlsx.writeBuffer()));
    execFileSync('ssconvert', ['--export-type=Gnumeric_Excel:excel_biff8', join(dir, 'in.xlsx'), join(dir, 'out.xls')], {
      stdio: 'ignore',
    });
    const { readFileSync } = await import('node:fs');
    const read = await readWorkbook(new Uint8Array(readFileSync(join(dir, 'out.xls'))), 'so-cu.xls');
    expect(read.sheets[0]!.rows.map((r) => r[0])).toEqual(['Số', 'Kỳ thi', 'SỞ GIÁO DỤC', 'Ủy ban', 'Sè']);
  });
});
