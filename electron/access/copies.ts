// A copy of a file taken out of VănThư — downloaded or printed — recorded in the access log and,
// for a PDF where the office's setting asks, marked "Bản in/tải từ VănThư — <họ tên> — <thời
// gian>" on every page (electron/pdf/copyMark.ts); the stored original never changes. A large
// copy goes through the spool like the handover package, never whole over IPC.
import { copyFile } from 'node:fs/promises';
import { fileTarget, recordAccess } from '../../db/access/accessLog.js';
import { copyMarkSettings } from '../../db/access/copyMarks.js';
import type { Store } from '../../db/core/store.js';
import type { WriteContext } from '../../db/core/write.js';
import type { SpooledFile } from '../../shared/api/files.js';
import type { AttachmentsService } from '../files/attachmentsService.js';
import { copyMarkText, markCopy } from '../pdf/copyMark.js';
import { bytesOrSpool, INLINE_BYTES, spoolPath } from '../files/spool.js';

export type CopyAnswer = { name: string; mime: string; bytes: Uint8Array } | SpooledFile;

export async function takeCopy(
  store: Store,
  files: AttachmentsService,
  ctx: WriteContext,
  who: { fullName: string },
  input: { id: string; purpose: 'download' | 'print' },
  spoolDir: string,
): Promise<CopyAnswer> {
  const { attachment, stream } = await files.open(input.id);
  stream.destroy();
  const type = await files.detectedType(attachment);
  // Only what a browser shows harmlessly is given a type it would render; anything else is bytes.
  const mime = type?.kind === 'pdf' || type?.kind === 'image' ? type.mime : 'application/octet-stream';
  const marks = copyMarkSettings(store);
  const mark = type?.kind === 'pdf' && marks[input.purpose];
  let answer: CopyAnswer;
  if (mark) {
    const marked = await markCopy(await files.blobs.readAll(attachment.sha256), copyMarkText(who.fullName, store.now().toISOString()));
    answer = await bytesOrSpool({ name: attachment.name, mime, bytes: marked.bytes }, spoolDir, 'ban-sao');
  } else if (attachment.size > INLINE_BYTES) {
    const path = await spoolPath(spoolDir, 'ban-sao', /\.[A-Za-z0-9]{1,8}$/.exec(attachment.name)?.[0] ?? '');
    await copyFile(files.blobs.path(attachment.sha256), path);
    answer = { name: attachment.name, mime, spool: { path, size: attachment.size } };
  } else answer = { name: attachment.name, mime, bytes: await files.blobs.readAll(attachment.sha256) };
  recordAccess(store, ctx, fileTarget(store, attachment), input.purpose);
  return answer;
}
