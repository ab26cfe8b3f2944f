// A PAdES signature added to a PDF as an appended revision (every earlier signature stays valid):
// a signature field with its widget — visible with an appearance (the leader's signature image,
// the office's seal, a line of text) or not — a placeholder for the CMS, then the CMS made by
// the signer over the byte range (@signpdf finds the placeholder and fills it). The result is
// checked before it is returned: a half-made signature never leaves here.
import {
  AnnotationFlags,
  PDFArray,
  PDFDict,
  PDFHexString,
  PDFInvalidObject,
  PDFName,
  PDFNumber,
  PDFString,
  type PDFDocument,
  type PDFOperator,
  type PDFPage,
  type PDFRef,
} from '@cantoo/pdf-lib';
import { SignPdf } from '@signpdf/signpdf';
import { DEFAULT_BYTE_RANGE_PLACEHOLDER, Signer, SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import { AppError } from '../../../shared/api/errors.js';
import { appendAnnotation } from '../incremental.js';
import { loadPdf } from '../pdfFacts.js';
import { signaturesIn } from '../signatures/pdfSignatures.js';
import { buildCms, type KeySigner, type TimestampOutcome } from './cms.js';
import { pageSpace } from '../arrivalStamp.js';
import { toUserSpace } from '../stampGeometry.js';

/** Room for the CMS: the certificate and a chain of three, and later a timestamp token. */
const CMS_BYTES = 16_384;

/** What the signature shows on the page: operators in a box of `rect`'s size, with their resources. */
export interface SignatureAppearance {
  /** 0-based. */
  page: number;
  /** In display points from the top-left of what the reader sees (rotation and crop applied), as the page's text is read. */
  rect: { x: number; y: number; width: number; height: number };
  draw(doc: PDFDocument, page: PDFPage): Promise<{ operators: PDFOperator[]; resources: PDFDict }>;
}

export interface SignOptions {
  /** The field's name, unique in the document ("VanThu-LanhDao", "VanThu-CoQuan"). */
  field: string;
  /** The signer's name, for viewers that list the signatures. */
  name: string;
  reason: string;
  location?: string | undefined;
  at: Date;
  appearance?: SignatureAppearance | undefined;
  /** The office's RFC 3161 time-stamp authority (PAdES B-T); none: B-B. */
  tsaUrl?: string | null | undefined;
}

export interface SignedPdf {
  bytes: Uint8Array;
  /** Asked for a timestamp and did not get one: why (the signature is B-B). */
  timestampProblem: string | null;
}

class CmsSigner extends Signer {
  readonly outcome: { value: TimestampOutcome } = { value: { asked: false } };
  constructor(
    private readonly key: KeySigner,
    private readonly tsaUrl: string | null,
  ) {
    super();
  }
  override async sign(bytes: Buffer): Promise<Buffer> {
    return Buffer.from(await buildCms(new Uint8Array(bytes), this.key, this.tsaUrl, this.outcome));
  }
}

export async function signPdf(original: Uint8Array, key: KeySigner, options: SignOptions): Promise<Uint8Array> {
  return (await signPdfWithOutcome(original, key, options)).bytes;
}

export async function signPdfWithOutcome(original: Uint8Array, key: KeySigner, options: SignOptions): Promise<SignedPdf> {
  const doc = await loadPdf(original, { incremental: true, purpose: 'sign' });
  const fields = await existingFields(original);
  if (fields.has(options.field)) throw new AppError('CONFLICT', `Văn bản đã có chữ ký “${options.field}”; không ký lại vào cùng một ô.`);
  const withPlaceholder = await addPlaceholder(doc, options);
  let signed: Uint8Array;
  const cms = new CmsSigner(key, options.tsaUrl ?? null);
  try {
    signed = new Uint8Array(await new SignPdf().sign(Buffer.from(withPlaceholder), cms));
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('SIGN_FAILED', `Không ký được văn bản: ${(err as Error).message}. Tệp chưa thay đổi.`);
  }
  // Every byte that was there is still there (earlier signatures hold), and the new signature reads back.
  if (!Buffer.from(signed.buffer, signed.byteOffset, original.length).equals(Buffer.from(original))) {
    throw new AppError('SIGN_FAILED', 'Ký số làm thay đổi nội dung đã có của tệp nên không lưu. Tệp chưa thay đổi.');
  }
  const after = await signaturesIn(signed);
  const mine = after.find((s) => s.field === options.field);
  if (!mine || mine.rangeProblem) throw new AppError('SIGN_FAILED', 'Chữ ký vừa tạo không đọc lại được nên không lưu. Tệp chưa thay đổi.');
  const outcome = cms.outcome.value;
  return { bytes: signed, timestampProblem: outcome.asked ? outcome.problem : null };
}

async function existingFields(bytes: Uint8Array): Promise<Set<string>> {
  try {
    return new Set((await signaturesIn(bytes)).map((s) => s.field).filter((f): f is string => !!f));
  } catch {
    return new Set();
  }
}

async function addPlaceholder(doc: PDFDocument, o: SignOptions): Promise<Uint8Array> {
  const context = doc.context;
  const pageIndex = o.appearance?.page ?? 0;
  if (pageIndex < 0 || pageIndex >= doc.getPageCount()) throw new AppError('VALIDATION', 'Trang đặt chữ ký không có trong văn bản.');
  const page = doc.getPage(pageIndex);
  const placeholderName = PDFName.of(DEFAULT_BYTE_RANGE_PLACEHOLDER);
  const sig = context.obj({
    Type: 'Sig',
    Filter: 'Adobe.PPKLite',
    SubFilter: SUBFILTER_ETSI_CADES_DETACHED,
    ByteRange: [PDFNumber.of(0), placeholderName, placeholderName, placeholderName],
    Contents: PDFHexString.of('0'.repeat(CMS_BYTES * 2)),
    M: PDFString.fromDate(o.at),
    Name: PDFHexString.fromText(o.name.normalize('NFC')),
    Reason: PDFHexString.fromText(o.reason.normalize('NFC')),
    ...(o.location ? { Location: PDFHexString.fromText(o.location.normalize('NFC')) } : {}),
    Prop_Build: { App: { Name: 'VanThu' } },
  });
  // Written as it is, never into an object stream: the byte range and the CMS are patched in place.
  const raw = new Uint8Array(sig.sizeInBytes());
  sig.copyBytesInto(raw, 0);
  const sigRef = context.register(PDFInvalidObject.of(raw));

  const box = o.appearance?.rect ?? { x: 0, y: 0, width: 0, height: 0 };
  const space = pageSpace(page);
  // Display points from the top → the page's user space; the appearance turns with the page.
  const rect = o.appearance ? toUserSpace(space.matrix, { ...box, y: space.height - box.y - box.height }) : box;
  const drawn = o.appearance ? await o.appearance.draw(doc, page) : { operators: [], resources: context.obj({}) };
  const [a, b, c, d] = space.matrix;
  const appearance = context.register(
    context.formXObject(drawn.operators, { BBox: [0, 0, box.width, box.height], Matrix: [a, b, c, d, 0, 0], Resources: drawn.resources }),
  );
  const widget = context.register(
    context.obj({
      Type: 'Annot',
      Subtype: 'Widget',
      FT: 'Sig',
      Rect: [rect.x, rect.y, rect.x + rect.width, rect.y + rect.height],
      V: sigRef,
      T: PDFHexString.fromText(o.field),
      F: AnnotationFlags.Print | AnnotationFlags.Locked,
      P: page.ref,
      AP: { N: appearance },
    }),
  );
  appendAnnotation(page, widget);
  addField(doc, widget);
  return doc.save();
}

/** The field into the document's form (made if it has none); SigFlags 3: signatures exist, append only. */
function addField(doc: PDFDocument, widget: PDFRef): void {
  const key = PDFName.of('AcroForm');
  const form = doc.catalog.lookupMaybe(key, PDFDict);
  if (!form) {
    doc.catalog.set(key, doc.context.obj({ Fields: [widget], SigFlags: 3 }));
    return;
  }
  const fields = form.lookupMaybe(PDFName.of('Fields'), PDFArray);
  if (fields) fields.push(widget);
  else form.set(PDFName.of('Fields'), doc.context.obj([widget]));
  form.set(PDFName.of('SigFlags'), PDFNumber.of(3));
}
