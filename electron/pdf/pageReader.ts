// Page 1's map for placing dấu ĐẾN, drawn in a worker of its own with a memory cap and a time
// limit: a hostile page (a decompression bomb, a loop of forms) costs that worker, not the
// backend. Tests that run from source draw in this thread. A page that cannot be read gives
// null: the stamp then goes to the office's corner, on a white background.
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { readPageMap, type PageReading } from './pageMap.js';
import type { PageJob } from '../text/textWorker.js';

export const PAGE_READ_MS = 20_000;

export async function readPageIsolated(
  bytes: Uint8Array,
  opts: { image: boolean; workerFile?: string | null | undefined; timeoutMs?: number },
): Promise<PageReading | null> {
  const copy = bytes.slice();
  if (!opts.workerFile || !existsSync(opts.workerFile)) return readPageMap(copy, opts).catch(() => null);
  const job: PageJob = { kind: 'page', id: 1, bytes: copy, image: opts.image };
  return (
    (await isolatedJob<{ reading: PageReading | null }>(opts.workerFile, job, [copy.buffer], opts.timeoutMs ?? PAGE_READ_MS))?.reading ??
    null
  );
}

/** One job in a worker of its own, ended after it: its answer, or null when it failed or ran out of time. */
export function isolatedJob<T>(workerFile: string, job: unknown, transfer: ArrayBuffer[], timeoutMs: number): Promise<T | null> {
  const worker = new Worker(workerFile, { resourceLimits: { maxOldGenerationSizeMb: 512 } });
  return new Promise<T | null>((resolve) => {
    let settled = false;
    const finish = (answer: T | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(answer);
    };
    const timer = setTimeout(() => finish(null), timeoutMs);
    worker.once('message', (m: T) => finish(m));
    worker.once('error', () => finish(null));
    worker.once('exit', () => finish(null));
    worker.postMessage(job, transfer);
  });
}
