// Reads attached files for search in the background: the text layer of each PDF, then — one page
// at a time, so a new file's text layer never waits behind a long scan — the scans and pictures by
// OCR. In a worker thread when the bundled worker is there (the app) and in this thread otherwise
// (tests run from source). Started after each attach and once at start-up to catch up.
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import {
  MAX_FILE_TEXT,
  clearFileWords,
  fileTextRow,
  nextForOcr,
  pendingFileTexts,
  saveFileText,
  saveFileWords,
  type FileText,
} from '../../db/attachments/fileTexts.js';
import type { Store } from '../../db/core/store.js';
import type { BlobStore } from '../files/blobStore.js';
import { readPdfText } from './pdfText.js';
import { ocrFilePage, OcrEngine, type OcrPage } from './ocr.js';
import type { OcrJob, TextJob } from './textWorker.js';

/** pdf.js holds a whole file in memory: above this the text is not read. */
export const MAX_TEXT_FILE_BYTES = 64 * 1024 * 1024;
/** A file's turn: a PDF that takes longer (a decompression bomb, a loop) is marked unreadable and the next one goes. */
export const PER_FILE_MS = 30_000;
/** A page's turn under OCR (about 3 s here). */
export const PER_PAGE_MS = 90_000;
/** A longer scan is read up to here and marked partly read. */
export const MAX_OCR_PAGES = 300;
const FAILED: FileText = { status: 'failed', pages: null, pagesWithText: null, text: '' };

export interface TextIndexerOptions {
  /** The bundled worker (dist/electron/textWorker.mjs); without it files are read in this thread. */
  workerFile?: string | null | undefined;
  log?: ((message: string) => void) | undefined;
  /** A file's turn in the worker (tests shorten it). */
  perFileMs?: number | undefined;
  /** False: scans stay unread (tests that do not exercise OCR). */
  ocr?: boolean | undefined;
}

export interface OcrProgress {
  done: number;
  pages: number;
}

interface Scan {
  sha256: string;
  kind: 'pdf' | 'image';
  pages: number;
  texts: string[];
  failed: number;
}

export class TextIndexer {
  private running: Promise<void> | null = null;
  private again = false;
  private closed = false;
  private worker: Worker | null = null;
  private nextJob = 1;
  /** Files not on this device yet (a synced record whose bytes come later): retried next start. */
  private readonly absent = new Set<string>();
  /** Scans OCR could not start on (the engine failed): not tried again until restart. */
  private readonly unreadable = new Set<string>();
  private readonly stopAsked = new Set<string>();
  private scan: Scan | null = null;
  private inThreadEngine: OcrEngine | null = null;

  constructor(
    private readonly store: Store,
    private readonly blobs: BlobStore,
    private readonly options: TextIndexerOptions = {},
  ) {}

  /** Starts reading what waits, or asks the running pass to look again when it ends. */
  kick(): void {
    if (this.closed) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.pass()
      .catch((err: unknown) => this.options.log?.(`Đọc chữ trong tệp đính kèm lỗi: ${String(err)}`))
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.kick();
        } else this.stopWorker();
      });
  }

  /** Resolves when nothing is waiting (tests, and a clean quit). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Quitting does not wait for the file being read: its worker ends, the file is read next start. */
  async close(): Promise<void> {
    this.closed = true;
    this.stopWorker();
    await this.idle();
    await this.inThreadEngine?.close();
  }

  /** How far OCR has come on a scan being read now, or null. */
  progressOf(sha256: string): OcrProgress | null {
    const s = this.scan;
    return s && s.sha256 === sha256 ? { done: s.texts.length, pages: Math.min(s.pages, MAX_OCR_PAGES) } : null;
  }

  /** The user stops OCR of a file: what was read so far is kept and searchable. */
  stopOcr(sha256: string): void {
    if (this.scan?.sha256 === sha256) return void this.stopAsked.add(sha256);
    const row = fileTextRow(this.store, sha256);
    if (row?.status === 'no_text')
      saveFileText(this.store, sha256, { status: 'ocr_stopped', pages: row.pages, pagesWithText: 0, text: '' });
  }

  /** The user goes on with OCR of a stopped (or partly read) file: it is read again from page 1. */
  resumeOcr(sha256: string): void {
    const row = fileTextRow(this.store, sha256);
    if (row?.status !== 'ocr_stopped' && row?.status !== 'ocr_partial') return;
    this.unreadable.delete(sha256);
    saveFileText(this.store, sha256, { status: 'no_text', pages: row.pages, pagesWithText: 0, text: '' });
    this.kick();
  }

  private async pass(): Promise<void> {
    for (;;) {
      if (this.closed) return;
      const batch = pendingFileTexts(this.store, 10 + this.absent.size).filter((f) => !this.absent.has(f.sha256));
      if (batch.length > 0) {
        for (const f of batch) {
          if (this.closed) return;
          const result = await this.read(f.sha256, f.kind);
          if (result && !this.closed) saveFileText(this.store, f.sha256, result);
        }
        continue;
      }
      // No text layer waits: one page of the current scan, then look again.
      if (this.options.ocr === false || !(await this.ocrOnePage())) return;
    }
  }

  /** Reads the next page of the scan under way (or of the next one); false when none waits. */
  private async ocrOnePage(): Promise<boolean> {
    if (!this.scan) {
      const next = nextForOcr(this.store, this.unreadable);
      if (!next) return false;
      this.scan = { ...next, texts: [], failed: 0 };
    }
    const scan = this.scan;
    const last = Math.min(scan.pages, MAX_OCR_PAGES);
    if (this.stopAsked.delete(scan.sha256)) return this.finishScan('ocr_stopped');
    const page = scan.texts.length + 1;
    if (page === 1) clearFileWords(this.store, scan.sha256);
    const result = await this.ocrPage(scan, page);
    if (this.closed) return false;
    if (result === 'engine') {
      this.unreadable.add(scan.sha256);
      this.scan = null;
      return true;
    }
    scan.texts.push(result?.text ?? '');
    // Where each word stands, for showing a search hit on the page.
    if (result?.words.length)
      saveFileWords(
        this.store,
        scan.sha256,
        page,
        result.words.map((w) => [w.text, ...w.box]),
      );
    if (!result) scan.failed++;
    if (scan.texts.length >= last) return this.finishScan(scan.failed > 0 || scan.pages > last ? 'ocr_partial' : 'ocr');
    return true;
  }

  private finishScan(done: 'ocr' | 'ocr_partial' | 'ocr_stopped'): boolean {
    const scan = this.scan!;
    this.scan = null;
    // Fewer than a few words on every page: a photograph or a drawing, not a document.
    const pagesWithText = scan.texts.filter((t) => (t.match(/[\p{L}\p{N}]{2,}/gu)?.length ?? 0) >= 3).length;
    // Not one page could be read (a picture in a format OCR does not take, a broken file): unreadable.
    const status =
      scan.failed === scan.texts.length && done !== 'ocr_stopped' ? 'failed' : done === 'ocr' && pagesWithText === 0 ? 'ocr_empty' : done;
    saveFileText(this.store, scan.sha256, {
      status,
      pages: scan.pages,
      pagesWithText,
      text: scan.texts.join('\n\n').slice(0, MAX_FILE_TEXT),
    });
    return true;
  }

  /** A page's text, null when that page could not be read, 'engine' when OCR cannot run at all. */
  private async ocrPage(scan: Scan, page: number): Promise<OcrPage | null | 'engine'> {
    const path = this.blobs.path(scan.sha256);
    const workerFile = this.options.workerFile;
    if (workerFile && existsSync(workerFile)) {
      const job: OcrJob = { kind: 'ocr', id: this.nextJob++, path, page, image: scan.kind === 'image' };
      const answer = await this.ask<{ page: OcrPage | null; error?: string }>(workerFile, job, PER_PAGE_MS);
      if (answer === 'quit' || answer === null) return null;
      if (answer.error && /traineddata|createWorker|wasm|Cannot find module/i.test(answer.error)) {
        this.options.log?.(`Không chạy được nhận dạng chữ (OCR): ${answer.error}`);
        return 'engine';
      }
      return answer.page;
    }
    try {
      this.inThreadEngine ??= new OcrEngine();
      return await ocrFilePage(this.inThreadEngine, path, page, scan.kind === 'image');
    } catch {
      return null;
    }
  }

  private async read(sha256: string, kind: 'pdf' | 'image'): Promise<FileText | null> {
    const path = this.blobs.path(sha256);
    let size: number;
    try {
      size = (await stat(path)).size;
    } catch {
      this.absent.add(sha256);
      return null;
    }
    // A picture has no text layer: it is read by OCR.
    if (kind === 'image') return { status: 'no_text', pages: 1, pagesWithText: 0, text: '' };
    if (size > MAX_TEXT_FILE_BYTES) return { status: 'too_large', pages: null, pagesWithText: null, text: '' };
    const workerFile = this.options.workerFile;
    if (workerFile && existsSync(workerFile)) {
      const job: TextJob = { id: this.nextJob++, path, maxChars: MAX_FILE_TEXT };
      const answer = await this.ask<{ result: FileText }>(workerFile, job, this.options.perFileMs ?? PER_FILE_MS);
      return answer === 'quit' ? null : (answer?.result ?? FAILED);
    }
    try {
      return await readPdfText(new Uint8Array(await readFile(path)), MAX_FILE_TEXT);
    } catch {
      return FAILED;
    }
  }

  /**
   * One job in the worker: its answer; null when the job killed or hung the worker (the next job
   * gets a new one); 'quit' when close() ended it (not the file's fault).
   */
  private ask<T>(file: string, job: TextJob | OcrJob, timeoutMs: number): Promise<T | null | 'quit'> {
    const worker = (this.worker ??= new Worker(file, { resourceLimits: { maxOldGenerationSizeMb: 512 } }));
    return new Promise<T | null | 'quit'>((resolve) => {
      const done = (result: T | null | 'quit') => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onFail);
        worker.off('exit', onFail);
        resolve(result);
      };
      const onMessage = (m: { id: number } & T) => {
        if (m.id === job.id) done(m);
      };
      const onFail = () => {
        const quitting = this.closed;
        this.stopWorker();
        done(quitting ? 'quit' : null);
      };
      const timer = setTimeout(onFail, timeoutMs);
      worker.on('message', onMessage);
      worker.once('error', onFail);
      worker.once('exit', onFail);
      worker.postMessage(job);
    });
  }

  private stopWorker(): void {
    const w = this.worker;
    this.worker = null;
    if (w) void w.terminate();
  }
}
