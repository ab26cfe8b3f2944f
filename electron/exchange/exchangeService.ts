// Exchange between offices (#18): packages received into the inbox and registered from it, the
// statuses sent back as the document is handled, packages sent for an issued document, and the
// pump that moves the queue through whichever transports this PC has.
import type { Readable } from 'node:stream';
import { and, eq, isNull } from 'drizzle-orm';
import { AppError } from '../../shared/api/errors.js';
import type { ExchangeHeader, ExchangeMessage } from '../../shared/api/exchange.js';
import type { DocumentRecord } from '../../shared/api/documents.js';
import {
  documentIdOf,
  priorityOfUrgency,
  statusesFor,
  STATUS_LABELS,
  type BusinessKind,
  type StatusCode,
} from '../../shared/domain/exchange.js';
import { isSecret } from '../../shared/domain/secrecy.js';
import { formatInstant } from '../../shared/text/dates.js';
import { insertAttachment, listAttachments } from '../../db/attachments/attachments.js';
import { agencies, documents, exchangeMessages, users } from '../../db/core/schema.js';
import { currentUnit } from '../../db/admin/users.js';
import { stmt } from '../../db/core/statements.js';
import { namedId } from '../../db/core/ids.js';
import type { Store } from '../../db/core/store.js';
import { mutate, type WriteContext, type Writer } from '../../db/core/write.js';
import { getDocument } from '../../db/documents/documentRows.js';
import { recordEvent } from '../../db/documents/history.js';
import {
  receiptsFor,
  insertMessage,
  listMessages,
  messageRow,
  organIdOf,
  queued,
  receivedBefore,
  sentPackages,
  toMessage,
} from '../../db/exchange/messages.js';
import { recallIncoming } from '../../db/handling/steps.js';
import { correctionOf, linkReplacement, refuseIfWithdrawn, replacedBy } from '../../db/outgoing/versions.js';
import { registerIncoming, type RegisterIncoming } from '../../db/incoming/incoming.js';
import type { AttachmentsService, Received } from '../files/attachmentsService.js';
import { detectFileType, kindOfMime } from '../files/fileType.js';
import { decodeAttachment, readEdxml, type EdxmlMessage } from './edxml/readPackage.js';
import { buildPackage, buildStatus } from './edxml/writePackage.js';
import { readLimited, type ExchangeTransport, type TransportKind } from './transports.js';

/**
 * A package is held whole while it is read, and reading one peaks at about 7 times its size
 * (bench: 934 MB for a 133 MB package with a 100 MB PDF): above 150 MB it is refused with a
 * reason rather than risk an office PC's memory.
 */
const EDXML_READ_MAX = 150 * 1024 * 1024;
// base64 is 4/3 of the bytes, plus the header and the line breaks.
const packageLimit = (maxAttachment: number) => Math.min(EDXML_READ_MAX, Math.ceil(maxAttachment * 1.4) + 4 * 1024 * 1024);

type Ctx = WriteContext & { userId: string | null };

export interface ExchangeTransports {
  /** What sends: the first that is set up (the sync server, the axis, the folder). */
  senders(): ExchangeTransport[];
  /** What is asked for messages waiting for this office. */
  receivers(): ExchangeTransport[];
}

interface Prepared extends Received {
  mime: string;
}

export class ExchangeService {
  private pumping: Promise<PumpResult> | null = null;

  constructor(
    private readonly store: Store,
    private readonly files: AttachmentsService,
    private readonly transports: ExchangeTransports,
  ) {}

  maxPackageBytes(): number {
    return packageLimit(this.files.maxBytes());
  }

  private directoryName(organId: string): string | null {
    return (
      this.store.db
        .select({ name: agencies.name })
        .from(agencies)
        .where(and(eq(agencies.organId, organId), isNull(agencies.deletedAt)))
        .get()?.name ?? null
    );
  }

  private staffName(userId: string | null): string | null {
    return userId ? (this.store.db.select({ name: users.fullName }).from(users).where(eq(users.id, userId)).get()?.name ?? null) : null;
  }

  /** The name an organ goes by here: this office's directory's, else the one its package gives. */
  private peerNameOf(organ: { organId: string; name: string }): string {
    return this.directoryName(organ.organId) ?? organ.name;
  }

  private office(): { organId: string; name: string } {
    const organId = organIdOf(this.store);
    if (!organId)
      throw new AppError(
        'VALIDATION',
        'Cơ quan chưa khai báo mã định danh (Quản trị → Liên thông văn bản), nên chưa gửi, nhận liên thông được.',
      );
    return { organId, name: currentUnit(this.store).name };
  }

  // ——— Receive ———

  /** A package or status as it came: kept, read, checked; the inbox says what became of it. */
  async receive(
    ctx: Ctx,
    input: {
      name: string;
      source: Readable | Uint8Array;
      declaredSize?: number | undefined;
      transport: TransportKind;
      from?: string | null;
      id?: string;
    },
  ): Promise<ExchangeMessage> {
    const max = this.maxPackageBytes();
    if (input.declaredSize !== undefined && input.declaredSize > max) return this.failed(ctx, input, null, tooBig(max));
    let bytes: Uint8Array;
    try {
      bytes = input.source instanceof Uint8Array ? input.source : await readLimited(input.source, max, () => tooBig(max));
    } catch (err) {
      return this.failed(ctx, input, null, err);
    }
    if (bytes.length > max) return this.failed(ctx, input, null, tooBig(max));
    let message: EdxmlMessage;
    try {
      message = readEdxml(bytes);
    } catch (err) {
      return this.failed(ctx, input, bytes, err);
    }
    if (message.kind === 'status') return this.receiveStatus(ctx, input, bytes, message.status);
    return this.receivePackage(ctx, input, bytes, message.header, message.attachments);
  }

  /** Kept as received, with why it could not be taken. */
  private async failed(
    ctx: Ctx,
    input: { name: string; transport: TransportKind; from?: string | null; id?: string },
    bytes: Uint8Array | null,
    err: unknown,
    header: ExchangeHeader | null = null,
  ): Promise<ExchangeMessage> {
    if (!(err instanceof AppError)) throw err;
    const blob = bytes ? await this.files.blobs.put([bytes], bytes.length + 1) : null;
    const id = mutate(this.store, ctx, (w) =>
      insertMessage(w, {
        ...(input.id ? { id: input.id } : {}),
        direction: 'in',
        kind: 'package',
        state: 'loi',
        transport: input.transport,
        edxmlId: header?.documentId ?? null,
        peerOrganId: header?.from.organId ?? input.from ?? null,
        peerName: header ? this.peerNameOf(header.from) : null,
        business: header?.business ?? null,
        error: err.message,
        sha256: blob?.sha256 ?? null,
        fileName: input.name,
        size: bytes?.length ?? null,
        at: w.at,
        header,
        createdBy: ctx.userId,
      }),
    );
    return toMessage(messageRow(this.store, id));
  }

  private async receivePackage(
    ctx: Ctx,
    input: { name: string; transport: TransportKind; from?: string | null; id?: string },
    bytes: Uint8Array,
    header: ExchangeHeader,
    encoded: Parameters<typeof decodeAttachment>[0][],
  ): Promise<ExchangeMessage> {
    let office: { organId: string };
    try {
      office = this.office();
      if (!header.to.some((t) => t.organId === office.organId))
        throw new AppError(
          'VALIDATION',
          `Gói tin gửi cho ${header.to.map((t) => `${t.name || '(không tên)'} (${t.organId})`).join(', ')}, không phải cơ quan này (${office.organId}). Nếu đúng là gửi nhầm, bấm “Từ chối” để báo lại nơi gửi.`,
        );
      if (input.from && input.from !== header.from.organId)
        throw new AppError(
          'VALIDATION',
          `Gói tin ghi nơi gửi ${header.from.organId} nhưng do đơn vị ${input.from} chuyển đến — không nhận.`,
        );
      // An update keeps the DocumentId it updates; a new document and a replacement have their own.
      if (header.business === 'new' || header.business === 'replace') {
        const before = receivedBefore(this.store, header.documentId);
        if (before)
          throw new AppError(
            'DUPLICATE',
            `Văn bản ${header.documentId} đã nhận lúc ${formatInstant(before.at)}${before.documentId ? ` (${numberOf(this.store, before.documentId)})` : ''}; gói tin này trùng.`,
          );
      }
    } catch (err) {
      return this.failed(ctx, input, bytes, err, header);
    }
    if (header.business === 'revoke') return this.receiveRevoke(ctx, input, bytes, header);

    // A document that claims a secret level: its content never lands on this networked PC.
    const metadataOnly = isSecret(header.confidentiality);
    const prepared: Prepared[] = [];
    if (!metadataOnly) {
      try {
        for (const a of encoded) prepared.push(await this.prepareAttachment(a));
      } catch (err) {
        for (const p of prepared) await this.files.forget(p.sha256);
        return this.failed(ctx, input, bytes, err, header);
      }
    }
    const updated = header.business === 'update' ? receivedBefore(this.store, header.businessDocumentId ?? header.documentId) : undefined;
    if (updated?.documentId && !metadataOnly) return this.receiveUpdate(ctx, input, bytes, header, updated, prepared);
    const kept = metadataOnly ? { ...header, summary: '', content: null, appendixes: [] } : header;
    const blob = metadataOnly ? null : await this.files.blobs.put([bytes], bytes.length + 1);
    const id = mutate(this.store, ctx, (w) => {
      const id = insertMessage(w, {
        ...(input.id ? { id: input.id } : {}),
        direction: 'in',
        kind: 'package',
        state: 'moi',
        transport: input.transport,
        edxmlId: header.documentId,
        peerOrganId: header.from.organId,
        // The name this office's directory knows the organ by, else the one the package gives.
        peerName: this.peerNameOf(header.from),
        business: header.business,
        sha256: blob?.sha256 ?? null,
        fileName: input.name,
        size: bytes.length,
        at: w.at,
        metadataOnly,
        header: kept,
        attachments: prepared.map((p) => ({
          name: p.name,
          mime: p.mime,
          size: p.size,
          sha256: p.sha256,
          signed: p.signed,
          kind: p.type.kind,
          pages: p.pages,
          signatures: p.signatures,
        })),
        createdBy: ctx.userId,
      });
      // An update of a package still waiting stands in for it: one to register, not two.
      if (updated)
        w.update(exchangeMessages, updated.id, { state: 'tu_choi', description: 'Nơi gửi đã gửi bản cập nhật thay cho gói tin này.' });
      this.queueStatus(
        w,
        { to: header.from, documentId: header.documentId, code: header.code, organId: header.from.organId },
        '01',
        null,
        input.transport,
        null,
      );
      return id;
    });
    return toMessage(messageRow(this.store, id));
  }

  /** An update of a document registered already: its new files join it, and the sender hears 15. */
  private receiveUpdate(
    ctx: Ctx,
    input: { name: string; transport: TransportKind; id?: string },
    bytes: Uint8Array,
    header: ExchangeHeader,
    original: { id: string; documentId: string | null },
    prepared: Prepared[],
  ): Promise<ExchangeMessage> {
    const docId = original.documentId!;
    const have = new Set(listAttachments(this.store, docId).map((a) => a.sha256));
    const fresh = prepared.filter((p) => !have.has(p.sha256));
    return this.files.blobs.put([bytes], bytes.length + 1).then((blob) => {
      const id = mutate(this.store, ctx, (w) => {
        const id = insertMessage(w, {
          ...(input.id ? { id: input.id } : {}),
          direction: 'in',
          kind: 'package',
          state: 'da_vao_so',
          transport: input.transport,
          edxmlId: header.documentId,
          documentId: docId,
          peerOrganId: header.from.organId,
          peerName: this.peerNameOf(header.from),
          business: 'update',
          description: header.businessReason,
          sha256: blob.sha256,
          fileName: input.name,
          size: bytes.length,
          at: w.at,
          header,
          createdBy: ctx.userId,
        });
        for (const p of fresh) insertAttachment(w, this.files.preparedRecord(docId, p));
        recordEvent(w, docId, 'exchange.updated', {
          organ: this.peerNameOf(header.from),
          files: fresh.map((p) => p.name).join(', '),
        });
        this.queueStatus(
          w,
          { to: header.from, documentId: header.documentId, code: header.code, organId: header.from.organId },
          '15',
          fresh.length ? `Đã nhận bản cập nhật: ${fresh.map((p) => p.name).join(', ')}` : 'Đã nhận bản cập nhật (không có tệp mới).',
          input.transport,
          docId,
        );
        return id;
      });
      if (fresh.length) this.files.texts.kick();
      return toMessage(messageRow(this.store, id));
    });
  }

  /** Each attachment checked as a picked file is, and its declared type against its bytes. */
  private async prepareAttachment(a: Parameters<typeof decodeAttachment>[0]): Promise<Prepared> {
    const bytes = decodeAttachment(a);
    const max = this.files.maxBytes();
    if (bytes.length > max)
      throw new AppError(
        'TOO_LARGE',
        `Tệp “${a.name}” lớn hơn giới hạn ${Math.round(max / 1024 / 1024)} MB của cơ quan (Quản trị → Cài đặt chung); không nhận.`,
      );
    const type = detectFileType(bytes.subarray(0, 65536), bytes.subarray(Math.max(0, bytes.length - 65536)));
    const declared = (a.contentType ?? '').toLowerCase().split(';')[0]!.trim();
    if (type && kindOfMime(declared) && kindOfMime(declared) !== type.kind)
      throw new AppError(
        'FILE_TYPE',
        `Tệp “${a.name}” khai báo là ${declared} nhưng nội dung là ${type.label} — gói tin không nhận, vì tệp có thể đã bị tráo.`,
      );
    const received = await this.files.prepare(a.name, bytes);
    return { ...received, mime: received.type.mime };
  }

  private receiveRevoke(
    ctx: Ctx,
    input: { name: string; transport: TransportKind; id?: string },
    bytes: Uint8Array,
    header: ExchangeHeader,
  ): Promise<ExchangeMessage> {
    const target = header.businessDocumentId ?? header.documentId;
    const original = receivedBefore(this.store, target);
    if (!original)
      return this.failed(
        ctx,
        input,
        bytes,
        new AppError('NOT_FOUND', `Nơi gửi thu hồi văn bản ${target}, nhưng cơ quan chưa nhận văn bản này qua liên thông.`),
        header,
      );
    const doc = original.documentId ? getDocument(this.store, original.documentId, 'incoming') : null;
    if (doc && doc.status === 'hoan_thanh') {
      const why = `Văn bản đã xử lý xong (số đến ${doc.number}); không thu hồi được — đã báo “Từ chối thu hồi” cho nơi gửi.`;
      mutate(this.store, ctx, (w) =>
        this.queueStatus(
          w,
          { to: header.from, documentId: target, code: header.code, organId: header.from.organId },
          '16',
          why,
          input.transport,
          doc.id,
        ),
      );
      return this.failed(ctx, input, bytes, new AppError('CONFLICT', why), header);
    }
    if (doc && doc.status !== 'thu_hoi')
      recallIncoming(this.store, ctx, { id: doc.id, reason: `Nơi gửi thu hồi qua liên thông: ${header.businessReason ?? header.summary}` });
    const id = mutate(this.store, ctx, (w) => {
      if (!doc) w.update(exchangeMessages, original.id, { state: 'tu_choi', description: 'Nơi gửi đã thu hồi văn bản trước khi vào sổ.' });
      const id = insertMessage(w, {
        ...(input.id ? { id: input.id } : {}),
        direction: 'in',
        kind: 'package',
        state: 'da_nhan',
        transport: input.transport,
        edxmlId: target,
        documentId: doc?.id ?? null,
        peerOrganId: header.from.organId,
        peerName: this.peerNameOf(header.from),
        business: 'revoke',
        description: header.businessReason,
        fileName: input.name,
        size: bytes.length,
        at: w.at,
        header,
        createdBy: ctx.userId,
      });
      this.queueStatus(
        w,
        { to: header.from, documentId: target, code: header.code, organId: header.from.organId },
        '15',
        null,
        input.transport,
        doc?.id ?? null,
      );
      return id;
    });
    return Promise.resolve(toMessage(messageRow(this.store, id)));
  }

  private async receiveStatus(
    ctx: Ctx,
    input: { name: string; transport: TransportKind; from?: string | null; id?: string },
    bytes: Uint8Array,
    status: import('../../shared/api/exchange.js').ExchangeStatus,
  ): Promise<ExchangeMessage> {
    const sent = sentPackages(this.store, status.responseFor.documentId).find((p) => p.peerOrganId === status.from.organId);
    if (!sent)
      return this.failed(
        ctx,
        { ...input },
        bytes,
        new AppError(
          'NOT_FOUND',
          `Trạng thái “${STATUS_LABELS[status.statusCode]}” từ ${status.from.name || status.from.organId} cho văn bản ${status.responseFor.documentId}, nhưng cơ quan không gửi văn bản này cho nơi đó.`,
        ),
      );
    if (input.from && input.from !== status.from.organId)
      return this.failed(
        ctx,
        input,
        bytes,
        new AppError('VALIDATION', `Trạng thái ghi nơi gửi ${status.from.organId} nhưng do đơn vị ${input.from} chuyển đến — không nhận.`),
      );
    const id = mutate(this.store, ctx, (w) => {
      const id = insertMessage(w, {
        ...(input.id ? { id: input.id } : {}),
        direction: 'in',
        kind: 'status',
        state: 'da_nhan',
        transport: input.transport,
        edxmlId: status.responseFor.documentId,
        documentId: sent.documentId,
        peerOrganId: status.from.organId,
        // The name this office knows the organ by (its directory), as on the package it sent.
        peerName: sent.peerName || status.from.name,
        statusCode: status.statusCode,
        description: status.description,
        fileName: input.name,
        size: bytes.length,
        at: status.at,
        createdBy: ctx.userId,
      });
      if (sent.documentId)
        recordEvent(w, sent.documentId, 'exchange.status', {
          organ: sent.peerName || status.from.name || status.from.organId,
          code: status.statusCode,
          label: STATUS_LABELS[status.statusCode],
          description: status.description ?? '',
        });
      return id;
    });
    return toMessage(messageRow(this.store, id));
  }

  // ——— Register or refuse what came ———

  /** The clerk registers the package: the document, its attachments and the link, in one transaction. */
  register(ctx: Ctx, messageId: string, input: RegisterIncoming): DocumentRecord {
    const row = messageRow(this.store, messageId);
    if (row.direction !== 'in' || row.kind !== 'package') throw new AppError('NOT_FOUND', 'Không phải gói tin văn bản đến.');
    if (row.state !== 'moi')
      throw new AppError('CONFLICT', row.state === 'da_vao_so' ? 'Gói tin này đã vào sổ.' : 'Gói tin này không còn chờ vào sổ.');
    const m = toMessage(row);
    // Metadata only: a secret document's content is never on this PC, so it must be registered as secret.
    if (m.metadataOnly && !isSecret(input.confidentiality))
      throw new AppError(
        'VALIDATION',
        'Gói tin khai báo văn bản mật: vào sổ với độ mật đã khai báo, nội dung xử lý trên giấy hoặc máy không nối mạng.',
        { field: 'confidentiality' },
      );
    const prepared = JSON.parse(row.attachments ?? '[]') as (ExchangeMessage['attachments'][number] & {
      kind: string;
      pages: number | null;
      signatures?: unknown;
    })[];
    for (const p of prepared)
      if (!this.files.blobs.has(p.sha256))
        throw new AppError('NOT_FOUND', `Tệp “${p.name}” của gói tin chưa có trên máy này (máy khác đã nhận); hãy đồng bộ rồi thử lại.`);
    // A replacement of a document registered from an earlier package: linked as văn bản thay thế.
    const replaced =
      m.business === 'replace' && m.header?.businessDocumentId ? receivedBefore(this.store, m.header.businessDocumentId)?.documentId : null;
    const doc = registerIncoming(this.store, ctx, input, (w, docId) => {
      w.update(exchangeMessages, row.id, { state: 'da_vao_so', documentId: docId });
      if (replaced) linkReplacement(w, docId, input.code, replaced, 'incoming');
      recordEvent(w, docId, 'exchange.received', {
        organ: m.peerName ?? m.peerOrganId ?? '',
        documentId: m.edxmlId ?? '',
        metadataOnly: m.metadataOnly,
      });
      for (const p of prepared)
        insertAttachment(w, {
          documentId: docId,
          name: p.name,
          mime: p.mime,
          kind: p.kind,
          size: p.size,
          pages: p.pages,
          sha256: p.sha256,
          role: 'original',
          parentId: null,
          signed: p.signed,
          signatures: p.signatures as never,
        });
    });
    this.files.texts.kick();
    mutate(this.store, ctx, (w) => this.queueDue(w, doc.id));
    return doc;
  }

  /** Status 02 with the clerk's reason; the package stays in the inbox, refused. */
  refuse(ctx: Ctx, input: { id: string; reason: string }): ExchangeMessage {
    const row = messageRow(this.store, input.id);
    if (row.direction !== 'in' || row.kind !== 'package') throw new AppError('NOT_FOUND', 'Không phải gói tin văn bản đến.');
    if (row.state === 'da_vao_so') throw new AppError('CONFLICT', 'Gói tin đã vào sổ; muốn trả lại, dùng “Trả lại” trên văn bản.');
    if (row.state === 'tu_choi') throw new AppError('CONFLICT', 'Gói tin này đã từ chối.');
    const m = toMessage(row);
    if (!m.edxmlId || !m.peerOrganId)
      throw new AppError('CONFLICT', 'Gói tin không đọc được nơi gửi, nên không báo từ chối được; hãy liên hệ nơi gửi.');
    mutate(this.store, ctx, (w) => {
      w.update(exchangeMessages, row.id, { state: 'tu_choi', description: input.reason });
      this.queueStatus(
        w,
        {
          to: m.header?.from ?? { organId: m.peerOrganId!, name: m.peerName ?? '', address: null, email: null, phone: null },
          documentId: m.edxmlId!,
          code: m.header?.code ?? null,
          organId: m.peerOrganId!,
        },
        '02',
        input.reason,
        m.transport,
        null,
      );
    });
    return toMessage(messageRow(this.store, row.id));
  }

  // ——— Statuses back to the sender ———

  private queueStatus(
    w: Writer,
    about: { to: ExchangeHeader['from']; documentId: string; code: string | null; organId: string },
    code: StatusCode,
    description: string | null,
    transport: TransportKind,
    documentId: string | null,
    at?: string,
  ): void {
    const office = this.office();
    const staff = this.staffName(w.ctx.userId);
    const when = at ?? w.at;
    const bytes = buildStatus({
      from: { organId: office.organId, name: office.name, address: null, email: null, phone: null },
      responseFor: { organId: about.organId, code: about.code, documentId: about.documentId },
      statusCode: code,
      description,
      at: new Date(when),
      staff: { department: null, name: staff, email: null },
    });
    const sha = this.files.blobs.putSync(bytes);
    insertMessage(w, {
      direction: 'out',
      kind: 'status',
      state: 'cho_gui',
      transport,
      edxmlId: about.documentId,
      documentId,
      peerOrganId: about.to.organId,
      peerName: about.to.name,
      statusCode: code,
      description,
      sha256: sha,
      fileName: `trangthai-${code}.edxml`,
      size: bytes.length,
      at: when,
      createdBy: w.ctx.userId,
    });
  }

  /** The statuses a registered document's handling calls for that were not sent yet (03 → 06). */
  private queueDue(w: Writer, documentId: string): void {
    const pkg = this.store.db
      .select()
      .from(exchangeMessages)
      .where(
        and(
          eq(exchangeMessages.documentId, documentId),
          eq(exchangeMessages.direction, 'in'),
          eq(exchangeMessages.kind, 'package'),
          eq(exchangeMessages.state, 'da_vao_so'),
        ),
      )
      .get();
    if (!pkg?.edxmlId || !pkg.peerOrganId) return;
    const doc = getDocument(this.store, documentId, 'incoming');
    if (doc.cancelled) return;
    const wanted = statusesFor({
      registered: true,
      assigned: ['phan_cong', 'dang_xu_ly', 'hoan_thanh'].includes(doc.status),
      handling: ['dang_xu_ly', 'hoan_thanh'].includes(doc.status),
      done: doc.status === 'hoan_thanh',
    });
    const sent = new Set(
      (
        stmt(
          this.store.sqlite,
          `SELECT status_code AS code FROM exchange_messages WHERE direction = 'out' AND kind = 'status' AND document_id = ? AND deleted_at IS NULL`,
        ).all(documentId) as { code: string }[]
      ).map((r) => r.code),
    );
    const times = eventTimes(this.store, documentId);
    const header = toMessage(pkg).header;
    for (const code of wanted) {
      if (sent.has(code)) continue;
      const to = header?.from ?? { organId: pkg.peerOrganId, name: pkg.peerName ?? '', address: null, email: null, phone: null };
      this.queueStatus(
        w,
        { to, documentId: pkg.edxmlId, code: header?.code ?? doc.code, organId: pkg.peerOrganId },
        code,
        code === '03' ? `Đã vào sổ văn bản đến, số đến ${doc.number}` : null,
        pkg.transport,
        documentId,
        times[code],
      );
    }
  }

  /** Every registered package whose document moved on since its last status. */
  queueAllDue(ctx: Ctx): void {
    const docs = stmt(
      this.store.sqlite,
      // Not those whose sender heard 06 already: the list stays as long as the open work, not the years of it.
      `SELECT DISTINCT m.document_id AS id FROM exchange_messages m
        WHERE m.direction = 'in' AND m.kind = 'package' AND m.state = 'da_vao_so' AND m.document_id IS NOT NULL AND m.deleted_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM exchange_messages s WHERE s.direction = 'out' AND s.kind = 'status' AND s.status_code = '06'
                          AND s.document_id = m.document_id AND s.deleted_at IS NULL)`,
    ).all() as { id: string }[];
    if (docs.length === 0 || !organIdOf(this.store)) return;
    mutate(this.store, ctx, (w) => {
      for (const d of docs) this.queueDue(w, d.id);
    });
  }

  // ——— Send ———

  /** An issued outgoing document packaged for each recipient organ and queued. */
  send(
    ctx: Ctx,
    input: { documentId: string; organIds: string[]; business?: BusinessKind; reason?: string | null; about?: string },
  ): ExchangeMessage[] {
    const doc = getDocument(this.store, input.documentId, 'outgoing');
    if (input.business !== 'revoke') refuseIfWithdrawn(doc, 'gửi liên thông');
    if (isSecret(doc.confidentiality))
      throw new AppError(
        'FORBIDDEN',
        `Văn bản ${doc.code} là văn bản ${doc.confidentiality === 'mat' ? 'Mật' : doc.confidentiality === 'toi_mat' ? 'Tối mật' : 'Tuyệt mật'}: không được gửi qua mạng (Luật Bảo vệ bí mật nhà nước 2018, Điều 5) — gửi bản giấy theo chế độ mật.`,
      );
    if (!doc.forwardedAt) throw new AppError('CONFLICT', `Văn bản ${doc.code} chưa phát hành; phát hành rồi mới gửi liên thông.`);
    const office = this.office();
    const files = input.business === 'revoke' ? [] : this.filesToSend(doc);
    if (input.business !== 'revoke' && files.length === 0)
      throw new AppError('VALIDATION', `Văn bản ${doc.code} chưa có tệp (bản đã ký số) để gửi.`);
    const documentId = documentIdOf(office.organId, doc.issuedDate, doc.code);
    const slash = doc.code.indexOf('/');
    const organs = [...new Set(input.organIds)];
    // A văn bản thay thế goes to the organs that had the one it replaces as a replace message.
    const oldId = input.business ? null : replacedBy(this.store, doc.id);
    const oldSent = new Map(
      oldId
        ? listMessages(this.store, { direction: 'out', kind: 'package', documentId: oldId, limit: 1000 })
            .filter((m) => m.business !== 'revoke' && m.peerOrganId && m.edxmlId)
            .map((m) => [m.peerOrganId!, m.edxmlId!] as const)
        : [],
    );
    const oldCode = oldId ? getDocument(this.store, oldId, 'outgoing').code : null;
    // A văn bản đính chính is a document of its own (new), saying what it corrects.
    const correctedId = input.business ? null : correctionOf(this.store, doc.id);
    const correcting = correctedId ? `Đính chính văn bản ${getDocument(this.store, correctedId, 'outgoing').code}` : null;
    const alreadySent = new Set(
      input.business
        ? []
        : listMessages(this.store, { direction: 'out', kind: 'package', documentId: doc.id, limit: 1000 })
            .filter((m) => m.business !== 'revoke')
            .map((m) => m.peerOrganId),
    );
    const ids = mutate(this.store, ctx, (w) => {
      const out: string[] = [];
      for (const organId of organs) {
        if (organId === office.organId) throw new AppError('VALIDATION', 'Không gửi liên thông cho chính cơ quan mình.');
        const to = { organId, name: this.directoryName(organId) ?? organId, address: null, email: null, phone: null };
        const replacing = oldSent.get(organId);
        // Sent to this organ before: this one updates it (a file added, a signed copy), same DocumentId.
        const again = !input.business && alreadySent.has(organId);
        const business: BusinessKind = input.business ?? (again ? 'update' : replacing ? 'replace' : 'new');
        const reason = input.reason ?? (again ? 'Gửi lại bản cập nhật' : replacing ? `Thay thế văn bản ${oldCode}` : correcting);
        const bytes = buildPackage({
          from: { organId: office.organId, name: office.name, address: null, email: null, phone: null },
          to,
          documentId,
          codeNumber: slash > 0 ? doc.code.slice(0, slash) : doc.code,
          codeNotation: slash > 0 ? doc.code.slice(slash + 1) : '',
          place: null,
          issuedDate: doc.issuedDate,
          typeCode: doc.typeCode,
          typeName: doc.typeName,
          summary: doc.summary,
          signer: {
            competence: doc.signerPrefix ? `${doc.signerPrefix} ${doc.signerPosition ?? ''}`.trim() : null,
            position: doc.signerPosition,
            fullName: doc.signerName,
          },
          dueDate: null,
          priority: priorityOfUrgency(doc.urgency),
          copies: doc.copies,
          pages: doc.pages,
          toPlaces: doc.recipientsText
            ? doc.recipientsText
                .split(/\n|;/)
                .map((s) => s.trim())
                .filter(Boolean)
            : [],
          business,
          businessDocumentId: input.about ?? replacing ?? documentId,
          businessReason: reason,
          staff: {
            department: null,
            name: this.staffName(ctx.userId),
            email: null,
          },
          sentAt: new Date(w.at),
          attachments: files,
        });
        const sha = this.files.blobs.putSync(bytes);
        out.push(
          insertMessage(w, {
            direction: 'out',
            kind: 'package',
            state: 'cho_gui',
            transport: this.sendingKind(),
            edxmlId: input.business === 'revoke' ? (input.about ?? documentId) : documentId,
            documentId: doc.id,
            peerOrganId: organId,
            peerName: to.name,
            business,
            description: reason,
            sha256: sha,
            fileName: `vanban-${organId}.edxml`,
            size: bytes.length,
            at: w.at,
            createdBy: ctx.userId,
          }),
        );
        recordEvent(w, doc.id, 'exchange.sent', { organ: to.name, organId, business });
      }
      return out;
    });
    return ids.map((id) => toMessage(messageRow(this.store, id)));
  }

  /** The packages of this document that went out (not the revokes). */
  sentTo(documentId: string): ExchangeMessage[] {
    return listMessages(this.store, { direction: 'out', kind: 'package', documentId, limit: 1000 }).filter((m) => m.business !== 'revoke');
  }

  /** Thu hồi: a revoke message to every organ the document was sent to. */
  revoke(ctx: Ctx, input: { documentId: string; reason: string }): ExchangeMessage[] {
    const doc = getDocument(this.store, input.documentId, 'outgoing');
    const sentTo = this.sentTo(doc.id);
    if (sentTo.length === 0) throw new AppError('CONFLICT', `Văn bản ${doc.code} chưa gửi liên thông cho nơi nào.`);
    return this.send(ctx, {
      documentId: doc.id,
      organIds: [...new Set(sentTo.map((m) => m.peerOrganId!))],
      business: 'revoke',
      reason: input.reason,
      about: sentTo[0]!.edxmlId!,
    });
  }

  /** The issued file: each original's newest signed copy when it has one. */
  private filesToSend(doc: DocumentRecord): { name: string; mime: string; bytes: Uint8Array }[] {
    const all = listAttachments(this.store, doc.id);
    const superseded = new Set(all.map((a) => a.parentId).filter(Boolean));
    return all
      .filter((a) => !superseded.has(a.id) && (a.role === 'original' || a.role === 'signed'))
      .map((a) => {
        if (!this.files.blobs.has(a.sha256))
          throw new AppError('NOT_FOUND', `Tệp “${a.name}” chưa có trên máy này; hãy đồng bộ rồi gửi lại.`);
        return { name: a.name, mime: a.mime, bytes: this.files.blobs.readSync(a.sha256) };
      });
  }

  private sendingKind(): TransportKind {
    return this.transports.senders()[0]?.kind ?? 'file';
  }

  /** Per recipient of an outgoing document: sent when, and the latest status that came back. */
  recipients(documentId: string) {
    return receiptsFor(this.store, [documentId]).map(({ documentId: _doc, ...r }) => r);
  }

  // ——— The pump ———

  /** Send what waits, then take what waits for this office, from every transport set up. */
  pump(ctx: Ctx): Promise<PumpResult> {
    if (!this.pumping)
      this.pumping = this.runPump(ctx)
        .then((r) => (this.lastPump = r))
        .finally(() => (this.pumping = null));
    return this.pumping;
  }

  /** What the latest finished turn of the pump did (a sync round's, for "Nhận, gửi ngay" to tell). */
  lastPump: PumpResult | null = null;

  private async runPump(ctx: Ctx): Promise<PumpResult> {
    const result: PumpResult = { sent: 0, received: 0, problems: [] };
    if (!organIdOf(this.store)) return result;
    // What came first (its 01 goes back in this same turn), then what is due, then the queue.
    for (const t of this.transports.receivers()) {
      let waiting;
      try {
        waiting = await t.waiting();
      } catch (err) {
        result.problems.push(err instanceof Error ? err.message : String(err));
        continue;
      }
      const taken: string[] = [];
      for (const m of waiting) {
        // Seen before (another PC of the office took it, and sync brought the record): just say so.
        const id = t.kind === 'file' ? undefined : namedId(`exchange:${t.kind}:${organIdOf(this.store)}:${m.id}`);
        if (id && this.store.db.select({ id: exchangeMessages.id }).from(exchangeMessages).where(eq(exchangeMessages.id, id)).get()) {
          taken.push(m.id);
          continue;
        }
        try {
          // Too big to take: not fetched; receive() records it with its reason, and it is taken off the way.
          const bytes = m.size > this.maxPackageBytes() ? new Uint8Array(0) : await m.fetch();
          await this.receive(ctx, {
            name: m.name,
            source: bytes,
            declaredSize: m.size,
            transport: t.kind,
            from: m.from,
            ...(id ? { id } : {}),
          });
          taken.push(m.id);
          result.received++;
        } catch (err) {
          result.problems.push(err instanceof Error ? err.message : String(err));
        }
      }
      if (taken.length)
        await t.taken(taken).catch((err: unknown) => result.problems.push(err instanceof Error ? err.message : String(err)));
    }
    this.queueAllDue(ctx);
    const senders = this.transports.senders();
    for (const row of queued(this.store)) {
      const bytes = row.sha256 && this.files.blobs.has(row.sha256) ? this.files.blobs.readSync(row.sha256) : null;
      if (!bytes) continue;
      // The way it came is the way back; else the first this PC has.
      const order = [...senders.filter((s) => s.kind === row.transport), ...senders.filter((s) => s.kind !== row.transport)];
      let error: string | null = order.length ? null : 'Máy này chưa có đường gửi liên thông (máy chủ đồng bộ, trục hoặc thư mục gửi).';
      let via: TransportKind | null = null;
      for (const t of order) {
        try {
          await t.send({ id: row.id, kind: row.kind, to: row.peerOrganId!, bytes });
          via = t.kind;
          break;
        } catch (err) {
          error = err instanceof Error ? err.message : String(err);
        }
      }
      mutate(this.store, ctx, (w) =>
        w.update(exchangeMessages, row.id, via ? { state: 'da_gui', sentAt: w.at, transport: via, error: null } : { error }),
      );
      if (via) result.sent++;
      else if (error) result.problems.push(error);
    }
    return result;
  }

  get(id: string): ExchangeMessage {
    return toMessage(messageRow(this.store, id));
  }

  inbox(q: Parameters<typeof listMessages>[1]): ExchangeMessage[] {
    return listMessages(this.store, q);
  }
}

export interface PumpResult {
  sent: number;
  received: number;
  problems: string[];
}

function tooBig(max: number): AppError {
  return new AppError(
    'TOO_LARGE',
    `Gói tin lớn hơn giới hạn ${Math.round(max / 1024 / 1024)} MB mà máy này nhận (theo giới hạn tệp đính kèm ở Quản trị → Cài đặt chung, tối đa 150 MB một gói); không nhận — đề nghị nơi gửi tách tệp hoặc gửi bằng đường khác.`,
  );
}

function numberOf(store: Store, documentId: string): string {
  const row = store.db.select({ number: documents.number }).from(documents).where(eq(documents.id, documentId)).get();
  return row ? `số đến ${row.number}` : 'đã vào sổ';
}

/** When each status's step happened, from the document's history. */
function eventTimes(store: Store, documentId: string): Partial<Record<StatusCode, string>> {
  const rows = stmt(
    store.sqlite,
    `SELECT action, min(at) AS at FROM document_events WHERE document_id = ? AND deleted_at IS NULL GROUP BY action`,
  ).all(documentId) as { action: string; at: string }[];
  const at = (a: string) => rows.find((r) => r.action === a)?.at;
  const out: Partial<Record<StatusCode, string>> = {};
  const set = (code: StatusCode, v: string | undefined) => v && (out[code] = v);
  set('03', at('register'));
  set('04', at('assign'));
  set('05', at('progress') ?? at('complete') ?? at('assign'));
  set('06', at('complete'));
  return out;
}
