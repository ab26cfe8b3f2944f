// Import end to end: the chosen file staged under the data folder (streamed, size-limited),
// read once and kept while the clerk adjusts the mapping, previewed, then imported.
import { cleanLine, cutText } from '../../shared/text/cleanText.js';
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../shared/api/errors.js';
import type { ImportKind, ImportMapping, ImportPreview } from '../../shared/api/imports.js';
import { officeDate } from '../../shared/text/dates.js';
import { listDocTypes } from '../../db/lookups/docTypes.js';
import { importClash, importDocuments } from '../../db/imports/importRegister.js';
import type { Store } from '../../db/core/store.js';
import { mutate, type WriteContext } from '../../db/core/write.js';
import { findColumns, importOrgans, type OrganImportResult } from '../../db/exchange/organDirectory.js';
import { tooLarge } from '../files/blobStore.js';
import { pickedFileSize } from '../files/pickedFile.js';
import { planImport, SHOWN_ROWS, type ImportPlan } from './planImport.js';
import { readWorkbookIsolated } from './isolatedWorkbook.js';
import type { Workbook } from './sheetModel.js';

export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;
const STALE_MS = 24 * 60 * 60 * 1000;

export interface ImportRequest {
  uploadId: string;
  kind: ImportKind;
  sheet?: string | null | undefined;
  mapping?: ImportMapping | undefined;
}

export class ImportService {
  private cached: { uploadId: string; wb: Workbook } | null = null;

  constructor(
    private readonly store: Store,
    private readonly dir: string,
    /** The bundled workbook reader (dist/electron/workbookWorker.mjs): each file is read in its own worker. */
    private readonly workerFile: string | null = null,
  ) {}

  /** A file as a stream (browser upload) into the staging folder. */
  async stage(
    source: AsyncIterable<Uint8Array> | Readable,
    name: string,
    declaredSize?: number,
  ): Promise<{ uploadId: string; name: string; size: number }> {
    if (declaredSize !== undefined && declaredSize > MAX_IMPORT_BYTES) throw tooLarge(MAX_IMPORT_BYTES, 'không nhập được');
    await mkdir(this.dir, { recursive: true });
    await this.sweep();
    const uploadId = randomBytes(12).toString('hex');
    const file = join(this.dir, uploadId);
    let size = 0;
    try {
      await pipeline(
        source,
        async function* (chunks: AsyncIterable<Uint8Array>) {
          for await (const chunk of chunks) {
            size += chunk.byteLength;
            if (size > MAX_IMPORT_BYTES) throw tooLarge(MAX_IMPORT_BYTES, 'không nhập được');
            yield chunk;
          }
        },
        createWriteStream(file),
      );
    } catch (err) {
      await rm(file, { force: true });
      throw err;
    }
    const clean = cutText(cleanLine(basename(name)), 200) || 'so-cu.xlsx';
    await writeFile(`${file}.json`, JSON.stringify({ name: clean }));
    return { uploadId, name: clean, size };
  }

  /** Electron: a file the user picked, by path. */
  async stagePath(path: string): Promise<{ uploadId: string; name: string; size: number }> {
    const size = await pickedFileSize(path);
    return this.stage(createReadStream(path), basename(path), size);
  }

  async preview(req: ImportRequest): Promise<ImportPreview> {
    const { plan, name } = await this.plan(req);
    const problems = plan.rows.filter((r) => r.problems.length).map((r) => ({ row: r.row, problems: r.problems }));
    return {
      fileName: name,
      sheets: plan.sheets,
      sheet: plan.sheet,
      headerRow: plan.headerRow,
      columns: plan.columns,
      mapping: plan.mapping,
      sample: plan.rows.slice(0, SHOWN_ROWS).map((r) => ({ row: r.row, values: r.values, problems: r.problems })),
      problems,
      total: plan.rows.length,
      valid: plan.rows.length - problems.length,
      notes: plan.notes,
    };
  }

  async run(ctx: WriteContext, req: ImportRequest) {
    const { plan, name } = await this.plan(req);
    const docs = plan.rows.flatMap((r) => (r.doc ? [r.doc] : []));
    if (docs.length === 0) throw new AppError('VALIDATION', 'Không có dòng hợp lệ nào để nhập; hãy xem lại cách ghép cột.');
    // One synchronous transaction: nothing else (an update's quit included) runs in between.
    const result = importDocuments(this.store, ctx, req.kind, docs, name);
    await this.discard(req.uploadId);
    return { ...result, skipped: plan.rows.filter((r) => !r.doc).map((r) => ({ row: r.row, problems: r.problems })), notes: plan.notes };
  }

  /** Danh mục cơ quan: the mã định danh of each organ a staged spreadsheet lists (#18). */
  async organs(ctx: WriteContext, uploadId: string): Promise<OrganImportResult & { fileName: string; sheet: string }> {
    const { wb, name } = await this.workbook(uploadId);
    const sheet = wb.sheets.find((s) => !s.hidden && findColumns(s.rows)) ?? wb.sheets.find((s) => !s.hidden);
    if (!sheet) throw new AppError('VALIDATION', 'Bảng tính không có trang nào để đọc.');
    const result = mutate(this.store, ctx, (w) => importOrgans(w, sheet.rows));
    await this.discard(uploadId);
    return { ...result, fileName: name, sheet: sheet.name };
  }

  private async workbook(uploadId: string): Promise<{ wb: Workbook; name: string }> {
    const file = join(this.dir, uploadId);
    let meta: { name: string };
    try {
      meta = JSON.parse(await readFile(`${file}.json`, 'utf8')) as { name: string };
    } catch {
      throw new AppError('NOT_FOUND', 'Tệp tải lên đã hết hạn hoặc không còn; hãy chọn lại tệp.');
    }
    if (this.cached?.uploadId !== uploadId) {
      this.cached = null;
      this.cached = { uploadId, wb: await readWorkbookIsolated(new Uint8Array(await readFile(file)), meta.name, this.workerFile) };
    }
    return { wb: this.cached.wb, name: meta.name };
  }

  private async plan(req: ImportRequest): Promise<{ plan: ImportPlan; name: string }> {
    const { wb, name } = await this.workbook(req.uploadId);
    const types = listDocTypes(this.store).map((t) => ({ code: t.code, name: t.name }));
    const plan = planImport(wb, {
      kind: req.kind,
      sheet: req.sheet,
      mapping: req.mapping,
      types,
      taken: (year, number, key) => importClash(this.store, req.kind, year, number, key),
      today: officeDate(this.store.now()),
    });
    return { plan, name };
  }

  private async discard(uploadId: string): Promise<void> {
    if (this.cached?.uploadId === uploadId) this.cached = null;
    await rm(join(this.dir, uploadId), { force: true });
    await rm(join(this.dir, `${uploadId}.json`), { force: true });
  }

  /** Staged files a day old are from imports never run. */
  private async sweep(): Promise<void> {
    for (const f of await readdir(this.dir).catch(() => [] as string[])) {
      const s = await stat(join(this.dir, f)).catch(() => null);
      if (s && Date.now() - s.mtimeMs > STALE_MS) await rm(join(this.dir, f), { force: true });
    }
  }
}
