// Reads the text layer of attached PDFs in the background, one file at a time, in a worker
// thread when the bundled worker is there (the app) and in this thread otherwise (tests run
// from source). Started after each attach and once at start-up to catch up.
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { MAX_FILE_TEXT, pendingFileTexts, saveFileText, type FileText } from '../../db/attachments/fileTexts.js';
import type { Store } from '../../db/core/store.js';
import type { BlobStore } from '../files/blobStore.js';
import { readPdfText } from './pdfText.js';
import type { TextJob } from './textWorker.js';

/** pdf.js holds a whole file in memory: above this the text is not read. */
export const MAX_TEXT_FILE_BYTES = 64 * 1024 * 1024;
/** A file's turn: a PDF that takes longer (a decompression bomb, a loop) is marked unreadable and the next one goes. */
export const PER_FILE_MS = 30_000;
const FAILED: FileText = { status: 'failed', pages: null, pagesWithText: null, text: '' };

export interface TextIndexerOptions {
  /** The bundled worker (dist/electron/textWorker.mjs); without it files are read in this thread. */
  workerFile?: string | null | undefined;
  log?: ((message: string) => void) | undefined;
  /** A file's turn in the worker (tests shorten it). */
  perFileMs?: number | undefined;
}

export class TextIndexer {
  private running: Promise<void> | null = null;
  private again = false;
  private closed = false;
  private worker: Worker | null = null;
  private nextJob = 1;
  /** Files not on this device yet (a synced record whose bytes come later): retried next start. */
  private readonly absent = new Set<string>();

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
  }

  private async pass(): Promise<void> {
    for (;;) {
      const batch = pendingFileTexts(this.store, 10 + this.absent.size).filter((sha) => !this.absent.has(sha));
      if (batch.length === 0 || this.closed) return;
      for (const sha of batch) {
        if (this.closed) return;
        const result = await this.read(sha);
        if (result && !this.closed) saveFileText(this.store, sha, result);
      }
    }
  }

  private async read(sha256: string): Promise<FileText | null> {
    const path = this.blobs.path(sha256);
    let size: number;
    try {
      size = (await stat(path)).size;
    } catch {
      this.absent.add(sha256);
      return null;
    }
    if (size > MAX_TEXT_FILE_BYTES) return { status: 'too_large', pages: null, pagesWithText: null, text: '' };
    const workerFile = this.options.workerFile;
    if (workerFile && existsSync(workerFile)) return this.inWorker(workerFile, path);
    try {
      return await readPdfText(new Uint8Array(await readFile(path)), MAX_FILE_TEXT);
    } catch {
      return FAILED;
    }
  }

  private inWorker(file: string, path: string): Promise<FileText | null> {
    const worker = (this.worker ??= new Worker(file, { resourceLimits: { maxOldGenerationSizeMb: 384 } }));
    const job: TextJob = { id: this.nextJob++, path, maxChars: MAX_FILE_TEXT };
    return new Promise<FileText | null>((resolve) => {
      const done = (result: FileText | null) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onFail);
        worker.off('exit', onFail);
        resolve(result);
      };
      const onMessage = (m: { id: number; result: FileText }) => {
        if (m.id === job.id) done(m.result);
      };
      // A file that kills or hangs the worker is marked unreadable; the next one gets a new worker.
      // Ended by close(): not the file's fault, it is read again next start.
      const onFail = () => {
        const quitting = this.closed;
        this.stopWorker();
        done(quitting ? null : FAILED);
      };
      const timer = setTimeout(onFail, this.options.perFileMs ?? PER_FILE_MS);
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
