// Worker thread: reads one stored PDF and answers its text, so parsing a 500-page annex never
// blocks the backend's requests; or, in a worker of its own per file, draws page 1 for placing
// dấu ĐẾN. Bundled as dist/electron/textWorker.mjs.
import { readFile } from 'node:fs/promises';
import { parentPort } from 'node:worker_threads';
import { readPageMap } from '../pdf/pageMap.js';
import { readPdfText } from './pdfText.js';

export interface TextJob {
  kind?: 'text';
  id: number;
  path: string;
  maxChars: number;
}

export interface PageJob {
  kind: 'page';
  id: number;
  bytes: Uint8Array;
  image: boolean;
}

parentPort?.on('message', (job: TextJob | PageJob) => {
  void (async () => {
    if (job.kind === 'page') {
      try {
        parentPort?.postMessage({ id: job.id, reading: await readPageMap(job.bytes, { image: job.image }) });
      } catch {
        parentPort?.postMessage({ id: job.id, reading: null });
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
