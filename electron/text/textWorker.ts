// Worker thread: reads one stored PDF and answers its text, so parsing a 500-page annex never
// blocks the backend's requests. Bundled as dist/electron/textWorker.mjs.
import { readFile } from 'node:fs/promises';
import { parentPort } from 'node:worker_threads';
import { readPdfText } from './pdfText.js';

export interface TextJob {
  id: number;
  path: string;
  maxChars: number;
}

parentPort?.on('message', (job: TextJob) => {
  void (async () => {
    try {
      const result = await readPdfText(new Uint8Array(await readFile(job.path)), job.maxChars);
      parentPort?.postMessage({ id: job.id, result });
    } catch {
      parentPort?.postMessage({ id: job.id, result: { status: 'failed', pages: null, pagesWithText: null, text: '' } });
    }
  })();
});
