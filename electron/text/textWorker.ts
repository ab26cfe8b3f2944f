// Worker thread: reads one stored PDF and answers its text, so parsing a 500-page annex never
// blocks the backend's requests; reads one page of a scan by OCR (the Tesseract engine stays
// up between pages); or, in a worker of its own per file, draws page 1 for placing dấu ĐẾN or
// checks its digital signatures.
// Bundled as dist/electron/textWorker.mjs.
import { readFile } from 'node:fs/promises';
import { parentPort } from 'node:worker_threads';
import { readPageMap } from '../pdf/pageMap.js';
import { readPdfText } from './pdfText.js';
import { readFirstPage } from './firstPage.js';
import { ocrFilePage, OcrEngine } from './ocr.js';
import { checkPdfSignatures, type SignaturesJob } from '../pdf/signatures/checkSignatures.js';
import { fetchLimited } from '../pdf/signatures/revocation.js';

export interface TextJob {
  kind?: 'text';
  id: number;
  path: string;
  maxChars: number;
}

export interface OcrJob {
  kind: 'ocr';
  id: number;
  path: string;
  page: number;
  image: boolean;
}

export interface FirstPageJob {
  kind: 'first';
  id: number;
  bytes: Uint8Array;
  file: 'pdf' | 'image';
}

export interface PageJob {
  kind: 'page';
  id: number;
  bytes: Uint8Array;
  image: boolean;
}

let engine: OcrEngine | null = null;

parentPort?.on('message', (job: TextJob | OcrJob | PageJob | FirstPageJob | SignaturesJob) => {
  void (async () => {
    if (job.kind === 'signatures') {
      parentPort?.postMessage({ id: job.id, result: await checkPdfSignatures(job.bytes, job.roots, job.online ? fetchLimited : null) });
      return;
    }
    if (job.kind === 'first') {
      engine ??= new OcrEngine();
      const page = await readFirstPage(job.bytes, job.file, engine).catch(() => null);
      parentPort?.postMessage({ id: job.id, page });
      return;
    }
    if (job.kind === 'page') {
      try {
        parentPort?.postMessage({ id: job.id, reading: await readPageMap(job.bytes, { image: job.image }) });
      } catch {
        parentPort?.postMessage({ id: job.id, reading: null });
      }
      return;
    }
    if (job.kind === 'ocr') {
      try {
        engine ??= new OcrEngine();
        parentPort?.postMessage({ id: job.id, page: await ocrFilePage(engine, job.path, job.page, job.image) });
      } catch (err) {
        parentPort?.postMessage({ id: job.id, page: null, error: String((err as Error)?.message ?? err) });
      }
      return;
    }
    try {
      const result = await readPdfText(new Uint8Array(await readFile(job.path)), job.maxChars);
      parentPort?.postMessage({ id: job.id, result });
    } catch {
      parentPort?.postMessage({ id: job.id, result: { status: 'failed', pages: null, pagesWithText: null, text: '' } });
    }
  })();
});
