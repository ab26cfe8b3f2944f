// Reading an imported workbook away from the backend: in a fresh worker thread per file (the
// bundled app), with a memory cap and a time limit, so a crafted file can neither break the
// program until restart (a polluted prototype dies with its worker) nor hang it. Tests that run
// from source without the bundle read in this thread.
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { AppError, type ErrorCode } from '../../shared/api/errors.js';
import { readWorkbook } from './readWorkbook.js';
import type { Workbook } from './sheetModel.js';
import type { WorkbookJob } from './workbookWorker.js';

export const WORKBOOK_READ_MS = 60_000;

type Answer = { ok: true; workbook: Workbook } | { ok: false; error: { code: ErrorCode; message: string } };

const failed = (name: string, why: string) => new AppError('FILE_UNREADABLE', `Không đọc được “${name}”: ${why}`);

export function readWorkbookIsolated(
  bytes: Uint8Array,
  name: string,
  workerFile: string | null | undefined,
  timeoutMs = WORKBOOK_READ_MS,
): Promise<Workbook> {
  if (!workerFile || !existsSync(workerFile)) return readWorkbook(bytes, name);
  return new Promise<Workbook>((resolve, reject) => {
    const worker = new Worker(workerFile, { resourceLimits: { maxOldGenerationSizeMb: 1024 } });
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      fn();
    };
    const timer = setTimeout(
      () =>
        finish(() =>
          reject(
            failed(name, `đọc quá ${Math.round(timeoutMs / 1000)} giây nên đã dừng. Hãy mở bằng Excel, lưu lại thành .xlsx rồi thử lại.`),
          ),
        ),
      timeoutMs,
    );
    worker.once('message', (a: Answer) =>
      finish(() =>
        a.ok
          ? resolve(a.workbook)
          : reject(
              a.error.message ? new AppError(a.error.code, a.error.message) : failed(name, 'tệp bị hỏng hoặc không đúng cấu trúc Excel.'),
            ),
      ),
    );
    worker.once('error', () => finish(() => reject(failed(name, 'tệp quá lớn hoặc bị hỏng khiến bộ đọc dừng lại.'))));
    worker.once('exit', () => finish(() => reject(failed(name, 'bộ đọc bảng tính dừng bất thường.'))));
    const job: WorkbookJob = { bytes, name };
    worker.postMessage(job, [bytes.buffer as ArrayBuffer]);
  });
}
