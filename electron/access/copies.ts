// A copy of a file taken out of VănThư — downloaded or printed — recorded in the access log and,
// for a PDF where the office's setting asks, marked "Bản in/tải từ VănThư — <họ tên> — <thời
// gian>" on every page (electron/pdf/copyMark.ts); the stored original never changes. A large
// copy goes through the spool like the handover package, never whole over IPC.
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { getAttachment } from '../../db/attachments/attachments.js';
import { fileTarget, recordAccess } from '../../db/access/accessLog.js';
import { copyMarkSettings } from '../../db/access/copyMarks.js';
import type { Store } from '../../db/core/store.js';
import type { WriteContext } from '../../db/core/write.js';
import type { SpooledFile } from '../../shared/api/files.js';
import type { AttachmentsService } from '../files/attachmentsService.js';
import { copyMarkText, markCopy } from '../pdf/copyMark.js';

/** Above this a copy is answered as a spool file, not as bytes. */
const INLINE_BYTES = 32 * 1024 * 1024;

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
    answer = await spooledIfLarge({ name: attachment.name, mime, bytes: marked.bytes }, spoolDir);
  } else if (attachment.size > INLINE_BYTES) {
    const path = await spoolPath(spoolDir, attachment.name);
    await copyFile(files.blobs.path(attachment.sha256), path);
    answer = { name: attachment.name, mime, spool: { path, size: attachment.size } };
  } else answer = { name: attachment.name, mime, bytes: await files.blobs.readAll(attachment.sha256) };
  recordAccess(store, ctx, fileTarget(store, getAttachment(store, attachment.id)), input.purpose);
  return answer;
}

async function spoolPath(spoolDir: string, name: string): Promise<string> {
  await mkdir(spoolDir, { recursive: true });
  const ext = /\.[A-Za-z0-9]{1,8}$/.exec(name)?.[0] ?? '';
  return join(spoolDir, `ban-sao-${randomBytes(8).toString('hex')}${ext}`);
}

async function spooledIfLarge(file: { name: string; mime: string; bytes: Uint8Array }, spoolDir: string): Promise<CopyAnswer> {
  if (file.bytes.length <= INLINE_BYTES) return file;
  const path = await spoolPath(spoolDir, file.name);
  await writeFile(path, file.bytes);
  return { name: file.name, mime: file.mime, spool: { path, size: file.bytes.length } };
}
