// Page 1 read for the registration form in a worker of its own (a hostile file costs that worker,
// with a time limit); tests from source read in this thread.
import { existsSync } from 'node:fs';
import { isolatedJob } from '../pdf/pageReader.js';
import { readFirstPage, type FirstPage } from './firstPage.js';
import { OcrEngine } from './ocr.js';
import type { FirstPageJob } from './textWorker.js';

export const FIRST_PAGE_MS = 60_000;

export async function readFirstPageIsolated(
  bytes: Uint8Array,
  file: 'pdf' | 'image',
  workerFile: string | null | undefined,
): Promise<FirstPage | null> {
  const copy = bytes.slice();
  if (!workerFile || !existsSync(workerFile)) {
    const engine = new OcrEngine();
    try {
      return await readFirstPage(copy, file, engine);
    } catch {
      return null;
    } finally {
      await engine.close();
    }
  }
  const job: FirstPageJob = { kind: 'first', id: 1, bytes: copy, file };
  return (await isolatedJob<{ page: FirstPage | null }>(workerFile, job, [copy.buffer], FIRST_PAGE_MS))?.page ?? null;
}
