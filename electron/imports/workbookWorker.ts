// Worker thread: reads one imported workbook and answers its sheets. SheetJS and exceljs parse
// whatever a clerk picks; a crafted file that pollutes Object.prototype or loops pollutes or
// stalls this thread only, which dies after each file. Bundled as dist/electron/workbookWorker.mjs.
import { parentPort } from 'node:worker_threads';
import { AppError } from '../../shared/api/errors.js';
import { readWorkbook } from './readWorkbook.js';

export interface WorkbookJob {
  bytes: Uint8Array;
  name: string;
}

parentPort?.once('message', (job: WorkbookJob) => {
  void (async () => {
    try {
      parentPort?.postMessage({ ok: true, workbook: await readWorkbook(job.bytes, job.name) });
    } catch (err) {
      const e = err instanceof AppError ? { code: err.code, message: err.message } : { code: 'FILE_UNREADABLE', message: '' };
      parentPort?.postMessage({ ok: false, error: e });
    }
  })();
});
