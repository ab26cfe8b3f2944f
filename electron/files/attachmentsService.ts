// Attachments end to end: bytes streamed into the file store and checked by content, records
// through db/, the arrival stamp as a new linked file, and bytes served only when intact.
import { refuseIfWithdrawn } from '../../db/outgoing/versions.js';
import { checkSignaturesIsolated, type SignaturesResult } from '../pdf/signatures/checkSignatures.js';
import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import { AppError } from '../../shared/api/errors.js';
import type { AttachmentRecord } from '../../shared/api/attachments.js';
import { formatDate, officeDate } from '../../shared/text/dates.js';
import { cleanLine, cutText } from '../../shared/text/cleanText.js';
import { addAttachment, getAttachment, listAttachments, shaInUse } from '../../db/attachments/attachments.js';
import { getDocument } from '../../db/documents/documentRows.js';
import { dossierOf, getDossier } from '../../db/dossiers/dossiers.js';
import { forwardedTo } from '../../db/handling/taskReads.js';
import { DEFAULT_MAX_ATTACHMENT_BYTES } from '../../db/admin/officeSettings.js';
import { readSetting } from '../../db/core/settings.js';
import type { Store } from '../../db/core/store.js';
import { currentUnit } from '../../db/admin/users.js';
import type { WriteContext } from '../../db/core/write.js';
import { BlobStore, tooLarge } from './blobStore.js';
import { pickedFileSize } from './pickedFile.js';
import { detectFileType, type FileType } from './fileType.js';
import type { StampPreview } from '../../shared/api/attachments.js';
import { PLACEMENT_WORDS, type Corner } from '../../shared/domain/stampPlace.js';
import { DEFAULT_STAMP, planArrival, stampArrival, type StampSettings } from '../pdf/arrivalStamp.js';
import { readPageIsolated } from '../pdf/pageReader.js';
import { createHash, randomBytes } from 'node:crypto';
import { signatureVerdict } from '../../shared/domain/signatureVerdict.js';
import { isAirGapped } from '../../db/secrets/airGap.js';
import type { NewAttachment, SignatureNote } from '../../db/attachments/attachments.js';
import { readDispatch } from '../../shared/domain/dispatchReader.js';
import type { ReadForRegistration } from '../../shared/api/attachments.js';
import { searchAgencies } from '../../db/lookups/agencies.js';
import { agencyKey } from '../../shared/text/searchKey.js';
import { readFirstPageIsolated } from '../text/firstPageIsolated.js';
import { hasTextLayer } from '../text/firstPage.js';
import { pdfFacts } from '../pdf/pdfFacts.js';
import { TextIndexer, type TextIndexerOptions } from '../text/textIndexer.js';

/** Above this a PDF's pages are not counted at attach time (that would hold it all in memory). */
const COUNT_PAGES_UP_TO = 30 * 1024 * 1024;

const READING_KEPT_MS = 60 * 60 * 1000;

export interface Received {
  name: string;
  type: FileType;
  size: number;
  sha256: string;
  pages: number | null;
  signed: boolean;
  /** Its signatures as checked when it came (for the history). */
  signatures: SignatureNote[] | undefined;
  notice: string | undefined;
}

/** Checks kept per file and set of roots (a file's bytes never change; the roots may). */
const CHECKS_KEPT = 200;
/** A revocation list changes: a kept check is asked again after an hour. */
const CHECK_KEPT_MS = 60 * 60 * 1000;

export class AttachmentsService {
  /** Files read in the registration form, waiting for its save (token → file). */
  private readonly readings = new Map<string, { userId: string; received: Received; at: number }>();
  /** Files being streamed in right now (updates wait for them). */
  copying = 0;
  /** Reads the text layer of attached PDFs for search, in the background. */
  readonly texts: TextIndexer;
  /** Where bytes recorded here but made on another PC come from (sync), fetched on demand. */
  remote: { fetchFile(sha256: string): Promise<boolean> } | null = null;
  /** The root certificates this PC trusts (the trust store's files). */
  roots: () => Uint8Array[] = () => [];
  private readonly checked = new Map<string, { result: SignaturesResult; at: number }>();

  constructor(
    private readonly store: Store,
    readonly blobs: BlobStore,
    private readonly textOptions: TextIndexerOptions = {},
  ) {
    this.texts = new TextIndexer(store, blobs, textOptions);
  }

  maxBytes(): number {
    return readSetting(this.store, 'attachments.maxBytes', DEFAULT_MAX_ATTACHMENT_BYTES);
  }

  /** A file as a stream (browser upload, or a path the main process opened). */
  async add(
    ctx: WriteContext,
    input: { documentId: string; name: string; source: Readable; declaredSize?: number | undefined },
  ): Promise<AttachmentRecord> {
    // A file belongs to a document, or to a dossier (a free item of its item list).
    const owner = this.ownerOf(input.documentId);
    const received = await this.receive(input);
    return this.record(ctx, owner, received);
  }

  /** Bytes into the file store, checked by content: what they are, their pages, what is wrong with them. */
  private async receive(input: { name: string; source: Readable; declaredSize?: number | undefined }): Promise<Received> {
    // Cut on a character, not inside one: half an emoji would block this PC's sync (PostgreSQL refuses it).
    const name = cutText(cleanLine(input.name), 255) || 'tep-dinh-kem';
    const max = this.maxBytes();
    // Refused before a byte is copied; what happens to the rest of the stream is the caller's.
    if (input.declaredSize !== undefined && input.declaredSize > max) throw tooLarge(max);
    this.copying++;
    let blob;
    try {
      blob = await this.blobs.put(input.source, max);
    } finally {
      this.copying--;
    }
    const type = detectFileType(blob.head, blob.tail);
    if (!type) {
      await this.forgetUnused(blob.sha256);
      throw new AppError(
        'FILE_TYPE',
        `Tệp “${name}” không phải PDF, ảnh, Word, Excel hay ODT (xét theo nội dung tệp, không theo đuôi tên) nên không đính kèm.`,
      );
    }
    let pages: number | null = type.kind === 'image' ? 1 : null;
    let signed = false;
    let notice: string | undefined;
    let signatures: SignatureNote[] | undefined;
    if (type.kind === 'pdf' && blob.size <= COUNT_PAGES_UP_TO) {
      const bytes = await this.blobs.readAll(blob.sha256);
      try {
        const facts = await pdfFacts(bytes);
        pages = facts.pages;
        signed = facts.signed;
      } catch (err) {
        // Kept as it came; the clerk hears now, not when she stamps, what she can do.
        pages = null;
        notice = attachNotice(name, err);
      }
      if (signed) signatures = await this.signatureNotes(blob.sha256, bytes);
    }
    return { name, type, size: blob.size, sha256: blob.sha256, pages, signed, signatures, notice };
  }

  /** A file that came inside an edXML package: checked as any attachment and kept, recorded later. */
  prepare(name: string, bytes: Uint8Array): Promise<Received> {
    return this.receive({ name, source: Readable.from([bytes]), declaredSize: bytes.length });
  }

  /** The record of a prepared file, for the caller's own transaction (insertAttachment). */
  preparedRecord(documentId: string, r: Received): NewAttachment {
    return {
      documentId,
      name: r.name,
      mime: r.type.mime,
      kind: r.type.kind,
      size: r.size,
      pages: r.pages,
      sha256: r.sha256,
      role: 'original',
      parentId: null,
      signed: r.signed,
      signatures: r.signatures,
    };
  }

  /** Bytes kept for a file that was never recorded (a package refused half-way). */
  async forget(sha256: string): Promise<void> {
    await this.forgetUnused(sha256);
  }

  private record(ctx: WriteContext, owner: string, r: Received): AttachmentRecord {
    const record = addAttachment(this.store, ctx, this.preparedRecord(owner, r));
    if (record.textLayer === 'pending') this.texts.kick();
    return r.notice ? { ...record, notice: r.notice } : record;
  }

  /**
   * A dispatch picked in the registration form, before it is registered: kept in the file store,
   * page 1 read (its text layer, else OCR), and what a clerk would type from it suggested. The
   * file waits for the clerk's save under a token only she can use, for an hour.
   */
  async readForRegistration(
    userId: string,
    input: { name: string; source: Readable; declaredSize?: number | undefined },
  ): Promise<ReadForRegistration> {
    await this.sweepReadings();
    const received = await this.receive(input);
    if (received.type.kind !== 'pdf' && received.type.kind !== 'image') {
      await this.forgetUnused(received.sha256);
      throw new AppError('FILE_TYPE', `Chỉ đọc được văn bản từ tệp PDF hoặc ảnh quét; “${received.name}” là ${received.type.label}.`);
    }
    const bytes = await this.blobs.readAll(received.sha256);
    const page = received.notice ? null : await readFirstPageIsolated(bytes, received.type.kind, this.textOptions.workerFile);
    const fields = page ? readDispatch(page.lines, page.page) : {};
    if (fields.agency)
      fields.agency =
        searchAgencies(this.store, fields.agency, 5).find((a) => agencyKey(a.name) === agencyKey(fields.agency!))?.name ?? fields.agency;
    const token = randomBytes(16).toString('hex');
    this.readings.set(token, { userId, received, at: Date.now() });
    return {
      token,
      name: received.name,
      size: received.size,
      pages: received.pages,
      source: page ? page.source : 'none',
      fields,
      ...(received.notice ? { notice: received.notice } : {}),
    };
  }

  /** Electron: a dispatch the user picked or dropped on the registration form. */
  async readPathForRegistration(userId: string, path: string): Promise<ReadForRegistration> {
    const size = await pickedFileSize(path);
    if (size > this.maxBytes()) throw tooLarge(this.maxBytes());
    const source = createReadStream(path);
    try {
      return await this.readForRegistration(userId, { name: basename(path), source, declaredSize: size });
    } finally {
      source.destroy();
    }
  }

  /** The file read in the form, attached to the document just registered from it. */
  attachRead(ctx: WriteContext & { userId: string }, documentId: string, token: string): AttachmentRecord {
    const reading = this.readings.get(token);
    if (!reading || reading.userId !== ctx.userId) {
      throw new AppError('NOT_FOUND', 'Tệp đã đọc không còn chờ (quá một giờ, hoặc chương trình đã khởi động lại); hãy đính kèm lại tệp.');
    }
    const owner = this.ownerOf(documentId);
    this.readings.delete(token);
    return this.record(ctx, owner, reading.received);
  }

  private async sweepReadings(): Promise<void> {
    const now = Date.now();
    for (const [token, r] of this.readings) {
      if (now - r.at < READING_KEPT_MS) continue;
      this.readings.delete(token);
      await this.forgetUnused(r.received.sha256);
    }
  }

  private ownerOf(id: string): string {
    try {
      const doc = getDocument(this.store, id);
      if (doc.cancelled) throw new AppError('CONFLICT', `Văn bản số ${doc.number} đã hủy, không đính kèm được.`);
      if (doc.kind === 'outgoing') refuseIfWithdrawn(doc, 'đính kèm tệp');
      return doc.id;
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'NOT_FOUND') throw err;
      const dossier = getDossier(this.store, id); // NOT_FOUND again if it is neither
      if (dossier.status !== 'mo') throw new AppError('CONFLICT', `Hồ sơ ${dossier.notation} không còn mở; không thêm tệp được.`);
      return dossier.id;
    }
  }

  /** Electron: the main process reads a file the user picked or dropped. */
  async addPath(ctx: WriteContext, documentId: string, path: string): Promise<AttachmentRecord> {
    const size = await pickedFileSize(path);
    if (size > this.maxBytes()) throw tooLarge(this.maxBytes());
    const source = createReadStream(path);
    try {
      return await this.add(ctx, { documentId, name: basename(path), source, declaredSize: size });
    } finally {
      source.destroy();
    }
  }

  /** The record and its bytes, after checking they still match their hash. */
  async open(id: string): Promise<{ attachment: AttachmentRecord; stream: Readable; size: number }> {
    const attachment = getAttachment(this.store, id);
    await this.ensureLocal(attachment);
    if (!(await this.blobs.verify(attachment.sha256))) {
      throw new AppError(
        'FILE_DAMAGED',
        `Tệp “${attachment.name}” trên máy đã bị thay đổi hoặc hỏng (không khớp mã kiểm tra) nên không mở. Hãy khôi phục từ bản sao lưu.`,
      );
    }
    return { attachment, stream: this.blobs.read(attachment.sha256), size: attachment.size };
  }

  /**
   * What the stored bytes are, whatever the record says: a record may come from another device
   * (sync), and its mime is only that device's word.
   */
  async detectedType(attachment: AttachmentRecord): Promise<FileType | null> {
    const { head, tail } = await this.blobs.ends(attachment.sha256);
    return detectFileType(head, tail);
  }

  /** Bytes synced from another PC arrive when first opened. */
  private async ensureLocal(attachment: AttachmentRecord): Promise<void> {
    if (this.blobs.has(attachment.sha256)) return;
    if (this.remote && (await this.remote.fetchFile(attachment.sha256))) return;
    throw new AppError(
      'NOT_FOUND',
      `Tệp “${attachment.name}” được đính kèm trên máy khác và chưa tải về được từ máy chủ đồng bộ (máy kia chưa gửi tệp lên, hoặc máy này chưa kết nối đồng bộ). Hãy thử lại sau khi hai máy đã đồng bộ.`,
    );
  }

  async check(id: string): Promise<AttachmentRecord & { intact: boolean }> {
    const attachment = getAttachment(this.store, id);
    if (!this.blobs.has(attachment.sha256) && this.remote) await this.remote.fetchFile(attachment.sha256).catch(() => false);
    return { ...attachment, intact: await this.blobs.verify(attachment.sha256) };
  }

  /** Each digital signature of a stored PDF, checked in a worker of its own against the roots this PC trusts. */
  async signatures(id: string): Promise<SignaturesResult> {
    const { attachment } = await this.open(id);
    if (attachment.kind !== 'pdf') return { checks: [], more: 0 };
    return this.checkStored(attachment.sha256);
  }

  /** `bytes`: the file's, when the caller has them already (read once). */
  private async checkStored(sha256: string, bytes?: Uint8Array): Promise<SignaturesResult> {
    const roots = this.roots();
    const key = `${sha256}:${createHash('sha256')
      .update(Buffer.concat(roots.map((r) => createHash('sha256').update(r).digest())))
      .digest('hex')}`;
    const kept = this.checked.get(key);
    if (kept && Date.now() - kept.at < CHECK_KEPT_MS) return kept.result;
    const data = bytes ?? (await this.blobs.readAll(sha256));
    // The CA is asked about revocation only where this PC may use the network (an air-gapped PC never does).
    const online = !isAirGapped(this.store);
    const result = (await checkSignaturesIsolated(data, roots, this.textOptions.workerFile, online)) ?? { checks: null, more: 0 };
    // A check that ran out of time is not kept: the next look tries again.
    if (result.checks) {
      this.checked.delete(key);
      if (this.checked.size >= CHECKS_KEPT) this.checked.delete(this.checked.keys().next().value!);
      this.checked.set(key, { result, at: Date.now() });
    }
    return result;
  }

  /** Who signed and what the check found, as the history keeps it. */
  private async signatureNotes(sha256: string, bytes?: Uint8Array): Promise<SignatureNote[]> {
    const { checks } = await this.checkStored(sha256, bytes);
    return (checks ?? []).map((c) => ({ signer: c.signer?.name ?? c.signer?.organisation ?? null, verdict: signatureVerdict(c).label }));
  }

  async content(id: string): Promise<{ name: string; mime: string; bytes: Uint8Array }> {
    const { attachment } = await this.open(id);
    return { name: attachment.name, mime: attachment.mime, bytes: await this.blobs.readAll(attachment.sha256) };
  }

  /** The original a stamp is asked for, checked: an incoming document's PDF, not stamped yet. */
  private stampable(input: { documentId: string; attachmentId: string }) {
    const doc = getDocument(this.store, input.documentId, 'incoming');
    const original = getAttachment(this.store, input.attachmentId);
    if (original.documentId !== doc.id) throw new AppError('VALIDATION', 'Tệp này không thuộc văn bản đã chọn.', { field: 'attachmentId' });
    if (original.kind !== 'pdf') throw new AppError('FILE_TYPE', 'Chỉ đóng dấu ĐẾN được lên tệp PDF.');
    if (original.role === 'stamped') throw new AppError('CONFLICT', 'Tệp này đã là bản có dấu ĐẾN.');
    // One stamped copy per original: a second click (or a second clerk) does not make another.
    const stamped = listAttachments(this.store, doc.id).find((a) => a.parentId === original.id && a.role === 'stamped');
    if (stamped) {
      throw new AppError(
        'CONFLICT',
        `Tệp này đã được đóng dấu ĐẾN: “${stamped.name}”. Muốn đóng dấu lại ở chỗ khác, hãy gỡ bản có dấu cũ trước.`,
      );
    }
    return { doc, original };
  }

  private stampSettings(): StampSettings {
    const saved = readSetting<Partial<StampSettings>>(this.store, 'stamp', {});
    return { rule: saved.rule ?? DEFAULT_STAMP.rule, corner: saved.corner ?? DEFAULT_STAMP.corner };
  }

  /** Page 1's map; a scan (no text layer) gets its lines — the số, the trích yếu, the date line — from OCR. */
  private async pageForStamp(bytes: Uint8Array, image: boolean) {
    const reading = await readPageIsolated(bytes, { image, workerFile: this.textOptions.workerFile });
    if (reading && !hasTextLayer(reading.map.lines)) {
      const read = await readFirstPageIsolated(bytes, 'pdf', this.textOptions.workerFile);
      if (read?.source === 'ocr') reading.map.lines = read.lines;
    }
    return reading;
  }

  /** Page 1 drawn, with the place the office's rule gives the stamp, for the clerk to move it. */
  async stampPreview(input: { documentId: string; attachmentId: string }): Promise<StampPreview> {
    const { original } = this.stampable(input);
    const { attachment } = await this.open(original.id);
    const bytes = await this.blobs.readAll(attachment.sha256);
    const reading = await this.pageForStamp(bytes, true);
    const settings = this.stampSettings();
    // The plan is the stamp's own (pdf-lib's view of the page decides, as when stamping).
    const placement = await planArrival(bytes, { ...settings, map: reading?.map ?? null });
    return {
      page: reading ? { width: reading.map.width, height: reading.map.height } : null,
      image: reading?.image ?? null,
      ink: reading
        ? { cell: reading.map.cell, cols: reading.map.cols, rows: reading.map.rows, cells: Buffer.from(reading.map.ink).toString('base64') }
        : null,
      placement: { ...placement, words: PLACEMENT_WORDS[placement.how] },
      rule: settings.rule,
    };
  }

  /** dấu ĐẾN on page 1 of a PDF attachment, as a new attachment linked to the original. */
  async stamp(
    ctx: WriteContext,
    input: {
      documentId: string;
      attachmentId: string;
      position?: Corner | undefined;
      place?: { x: number; y: number; scale: number } | undefined;
    },
  ): Promise<AttachmentRecord> {
    const { doc, original } = this.stampable(input);
    const { attachment } = await this.open(original.id);
    const bytes = await this.blobs.readAll(attachment.sha256);
    const settings = { ...this.stampSettings(), ...(input.position ? { corner: input.position } : {}) };
    const reading = input.place ? null : await this.pageForStamp(bytes, false);
    const result = await stampArrival(
      bytes,
      {
        unitName: currentUnit(this.store).name,
        number: doc.number,
        date: formatDate(officeDate(doc.receivedAt)),
        forwardTo: forwardedTo(this.store, doc.id),
        dossier: dossierOf(this.store, doc.id)?.notation ?? null,
      },
      { ...settings, map: reading?.map ?? null, place: input.place },
    );
    const blob = await this.blobs.put(bufferSource(result.bytes), Number.MAX_SAFE_INTEGER);
    const stem = attachment.name.replace(/\.pdf$/i, '');
    return addAttachment(this.store, ctx, {
      documentId: doc.id,
      name: `${stem} (dấu ĐẾN số ${doc.number}).pdf`,
      mime: 'application/pdf',
      kind: 'pdf',
      size: blob.size,
      pages: result.pages,
      sha256: blob.sha256,
      role: 'stamped',
      parentId: attachment.id,
      signed: result.signed,
      placement: PLACEMENT_WORDS[result.placement.how],
      // The sender's signatures, checked again on the stamped copy: the history says they still hold.
      signatures: result.signed ? await this.signatureNotes(blob.sha256, result.bytes) : undefined,
    });
  }

  private async forgetUnused(sha256: string): Promise<void> {
    if (shaInUse(this.store, sha256) === 0) {
      await rm(this.blobs.path(sha256), { force: true });
    }
  }
}

function attachNotice(name: string, err: unknown): string {
  if (err instanceof AppError && err.code === 'PDF_ENCRYPTED') {
    return `Đã đính kèm “${name}”, nhưng tệp PDF này có mật khẩu: không đóng được dấu ĐẾN lên bản điện tử và không tìm được theo chữ trong tệp. Hãy xin cơ quan gửi bản không đặt mật khẩu, hoặc in ra, đóng dấu trên bản giấy rồi quét lại.`;
  }
  return `Đã đính kèm “${name}”, nhưng tệp PDF này bị hỏng hoặc không đúng chuẩn: có thể không xem, không đóng dấu ĐẾN được. Hãy xin cơ quan gửi lại tệp.`;
}

function* bufferSource(bytes: Uint8Array): Iterable<Uint8Array> {
  yield bytes;
}
