// Signing an issued document's PDF (Decree 30/2020 Appendix I): the leader with his own
// certificate, his handwritten signature between his title and his name; then the văn thư with
// the office's certificate, the seal over the left third of the leader's signature — or, on an
// attachment in a separate file (no leader's signature), at the top right of page 1 with the số,
// ký hiệu and the signing time. Each signature is a new file (an appended revision of the one
// before, which stays as it was); the key is a USB token whose PIN is used once and forgotten.
import { refuseIfWithdrawn } from '../../db/outgoing/versions.js';
import { rgb, type PDFDocument as CantooDocument } from '@cantoo/pdf-lib';
import { AppError } from '../../shared/api/errors.js';
import type { AttachmentRecord } from '../../shared/api/attachments.js';
import { SIGN_AS_LABELS } from '../../shared/api/signing.js';
import { attachmentMarkRect, findSignatureBlock, leaderImageRect, sealRect, vietnamIsoTime } from '../../shared/domain/signaturePlace.js';
import { addAttachment, listAttachments, requireFileReader } from '../../db/attachments/attachments.js';
import { getDocument } from '../../db/documents/documentRows.js';
import { getUserRow } from '../../db/admin/users.js';
import { localValue } from '../../db/core/store.js';
import type { Store } from '../../db/core/store.js';
import type { WriteContext } from '../../db/core/write.js';
import { readImage, refuseImage } from '../../db/signing/signingImages.js';
import type { Role } from '../../shared/domain/enums.js';
import { signingCapacities, type SignCapacity } from '../../shared/domain/signingRules.js';
import { embedTinos, tinosWidth } from '../pdf/fonts.js';
import { AppearanceInk } from '../pdf/appearanceInk.js';
import { readPageText } from '../pdf/pageText.js';
import { signaturesIn, type SignatureField } from '../pdf/signatures/pdfSignatures.js';
import { imageAppearance } from '../pdf/signing/appearance.js';
import { openToken, type TokenSigner } from '../pdf/signing/pkcs11Signer.js';
import { openP12 } from '../pdf/signing/p12Signer.js';
import type { KeySigner } from '../pdf/signing/cms.js';
import { signPdfWithOutcome, type SignatureAppearance } from '../pdf/signing/signPdf.js';
import { fillIssueBlanks } from '../pdf/signing/fillBlanks.js';
import { decreeDayMonth } from '../../shared/domain/issueBlanks.js';
import { readSetting } from '../../db/core/settings.js';
import type { AttachmentsService } from './attachmentsService.js';

export const LEADER_FIELD = 'VanThu-LanhDao';
export const OFFICE_FIELD = 'VanThu-CoQuan';
export const ARRIVAL_FIELD = 'VanThu-DauDen';

const WORDS: Record<SignFileRequest['as'], { suffix: string; reason(doc: { code: string; number: number }): string }> = {
  leader: { suffix: 'ký số lãnh đạo', reason: (d) => `Ký ban hành văn bản ${d.code}` },
  office: { suffix: 'ký số cơ quan', reason: (d) => `Ký số của cơ quan, văn bản ${d.code}` },
  arrival: { suffix: 'ký số dấu đến', reason: (d) => `Ký số dấu đến, văn bản đến số ${d.number}` },
};
/** Why this person may not sign in this capacity (shared/domain/signingRules decides). */
const REFUSED: Record<SignCapacity, (doc: { signerName: string | null }) => AppError> = {
  leader: (d) =>
    new AppError('FORBIDDEN', `Chỉ người ký văn bản (${d.signerName ?? 'chưa ghi'}) mới ký số với tư cách người có thẩm quyền.`),
  office: () => refuseImage('seal'),
  arrival: () => new AppError('FORBIDDEN', 'Chỉ văn thư ký số dấu đến của cơ quan.'),
};
export const PKCS11_MODULE_KEY = 'signing.pkcs11Module';
/** The office's RFC 3161 time-stamp authority (an office setting: every PC stamps with it). */
export const TSA_KEY = 'signing.tsaUrl';

export interface SignFileRequest {
  documentId: string;
  attachmentId: string;
  /** The leader's signature, the office's on an issued document, or the office's on an incoming dấu ĐẾN copy. */
  as: SignCapacity;
  /** The token's PIN, or the .p12 file's password. */
  pin: string;
  /** A .p12/.pfx file (base64) instead of a token. */
  p12?: string | undefined;
}

export async function signOutgoingFile(
  store: Store,
  files: AttachmentsService,
  ctx: WriteContext,
  actor: { id: string; roles: Role[] },
  input: SignFileRequest,
): Promise<AttachmentRecord> {
  const doc = getDocument(store, input.documentId, input.as === 'arrival' ? 'incoming' : 'outgoing');
  if (doc.cancelled) throw new AppError('CONFLICT', `Văn bản ${doc.code} đã hủy; không ký số được.`);
  if (doc.kind === 'outgoing') refuseIfWithdrawn(doc, 'ký số');
  const source = requireFileReader(store, actor, input.attachmentId, input.as === 'arrival' ? 'incoming.signStamp' : 'outgoing.signFile');
  if (source.documentId !== doc.id) throw new AppError('VALIDATION', 'Tệp này không thuộc văn bản đã chọn.', { field: 'attachmentId' });
  if (source.kind !== 'pdf') throw new AppError('FILE_TYPE', 'Chỉ ký số được tệp PDF.');
  const newer = listAttachments(store, doc.id).find((a) => a.parentId === source.id && a.role === 'signed');
  if (newer) throw new AppError('CONFLICT', `Tệp này đã có bản ký số tiếp theo: “${newer.name}”. Hãy ký trên bản đó.`);
  const user = getUserRow(store, actor.id);
  if (!signingCapacities({ roles: actor.roles, fullName: user.fullName }, doc).includes(input.as)) throw REFUSED[input.as](doc);
  let { bytes } = await files.content(source.id);
  let existing: SignatureField[];
  try {
    existing = await signaturesIn(bytes);
  } catch {
    throw new AppError('PDF_BROKEN', 'Tệp PDF bị hỏng nên không ký số được. Tệp vẫn giữ nguyên.');
  }
  const fields = new Set(existing.map((s) => s.field));

  let appearance: SignatureAppearance | undefined;
  let field: string;
  /** Which of the office's images this signature shows (its use is on the record). */
  let usedImage = '';
  if (input.as === 'arrival') {
    // The receiving office's signature on its dấu ĐẾN (the stamp annotation is what shows): văn thư only, on a stamped copy.
    if (source.role !== 'stamped') throw new AppError('VALIDATION', 'Ký số dấu đến trên bản đã đóng dấu ĐẾN; hãy đóng dấu trước.');
    if (fields.has(ARRIVAL_FIELD)) throw new AppError('CONFLICT', 'Bản này đã có chữ ký số dấu đến.');
    field = ARRIVAL_FIELD;
  } else if (input.as === 'leader') {
    if (fields.has(LEADER_FIELD)) throw new AppError('CONFLICT', 'Văn bản đã có chữ ký số của người có thẩm quyền.');
    const image = readImage(store, 'signature', actor.id);
    if (!image) throw new AppError('VALIDATION', 'Chưa có ảnh chữ ký của ông/bà: hãy tải lên trong Quản trị → Ký số (PNG nền trong suốt).');
    const last = await readPageText(bytes, 'last');
    const block = findSignatureBlock(last.lines, doc.signerName ?? '');
    if (!block)
      throw new AppError(
        'VALIDATION',
        `Không tìm thấy tên người ký “${doc.signerName}” ở trang cuối của tệp, nên không biết đặt chữ ký vào đâu. Hãy kiểm tra tệp hoặc tên người ký trong sổ.`,
      );
    appearance = imageAppearance(Buffer.from(image.png, 'base64'), last.page, leaderImageRect(block, image));
    field = LEADER_FIELD;
    usedImage = 'ảnh chữ ký';
  } else {
    if (fields.has(OFFICE_FIELD)) throw new AppError('CONFLICT', 'Tệp đã có chữ ký số của cơ quan.');
    field = OFFICE_FIELD;
    const leader = existing.find((s) => s.field === LEADER_FIELD)?.widget ?? null;
    if (leader) {
      // The số and the date the leader signed blank are written in first (annotations after his signature).
      bytes = await fillIssueBlanks(bytes, { number: doc.code.split('/')[0] ?? '', ...decreeDayMonth(doc.issuedDate ?? '') });
      const seal = readImage(store, 'seal');
      if (!seal?.diameterMm) throw new AppError('VALIDATION', 'Chưa có ảnh con dấu của cơ quan: quản trị tải lên trong Quản trị → Ký số.');
      appearance = imageAppearance(Buffer.from(seal.png, 'base64'), leader.page, sealRect(leader.rect, seal.diameterMm));
      usedImage = 'ảnh con dấu';
    } else {
      // §II.8.b: an attachment in a separate file — the số, ký hiệu and the time, top right of page 1, no image.
      appearance = await markAppearance(bytes, `${doc.code}; ${vietnamIsoTime(new Date())}`);
    }
  }

  const key: KeySigner & { close?: () => void } = input.p12
    ? await openP12(new Uint8Array(Buffer.from(input.p12, 'base64')), input.pin)
    : tokenFor(store, input.pin);
  let signed: Uint8Array;
  let timestampProblem: string | null;
  try {
    ({ bytes: signed, timestampProblem } = await signPdfWithOutcome(bytes, key, {
      tsaUrl: readSetting<string | null>(store, TSA_KEY, null),
      field,
      name: user.fullName,
      reason: WORDS[input.as].reason(doc),
      at: new Date(),
      appearance,
    }));
  } finally {
    key.close?.();
  }
  const blob = await files.blobs.put(
    (function* () {
      yield signed;
    })(),
    Number.MAX_SAFE_INTEGER,
  );
  const stem = source.name.replace(/\.pdf$/i, '').replace(/ \((ký số [^)]*)\)$/, '');
  const record = addAttachment(store, ctx, {
    documentId: doc.id,
    name: `${stem} (${WORDS[input.as].suffix}).pdf`,
    mime: 'application/pdf',
    kind: 'pdf',
    size: blob.size,
    pages: source.pages,
    sha256: blob.sha256,
    role: 'signed',
    parentId: source.id,
    signed: true,
    signing: { as: SIGN_AS_LABELS[input.as], image: usedImage },
  });
  return timestampProblem
    ? {
        ...record,
        notice: `Đã ký số, nhưng chưa gắn được dấu thời gian (${timestampProblem}): chữ ký ở mức PAdES B-B, thời điểm ký là giờ của máy này.`,
      }
    : record;
}

function tokenFor(store: Store, pin: string): TokenSigner {
  const module = localValue(store.sqlite, PKCS11_MODULE_KEY);
  if (!module)
    throw new AppError(
      'VALIDATION',
      'Máy này chưa khai báo thư viện của thiết bị ký số: Quản trị → Ký số văn bản đi → Thư viện PKCS#11 (hoặc ký bằng tệp .p12/.pfx).',
    );
  return openToken({ module, pin });
}

/** §II.8.b's text in Times New Roman (Tinos, its metric twin) 10 pt, black, at the top right of page 1. */
async function markAppearance(bytes: Uint8Array, text: string): Promise<SignatureAppearance> {
  const first = await readPageText(bytes, 0);
  const SIZE = 10;
  return {
    page: 0,
    rect: attachmentMarkRect(first, { width: tinosWidth(text, SIZE) + 4, height: SIZE * 1.4 }),
    async draw(doc: CantooDocument) {
      const { regular } = await embedTinos(doc);
      const ink = new AppearanceInk();
      ink.drawText(text, { x: 2, y: SIZE * 0.35, size: SIZE, font: regular, color: rgb(0, 0, 0) });
      return { operators: ink.operators, resources: doc.context.obj({ Font: ink.fontResources() }) };
    },
  };
}
