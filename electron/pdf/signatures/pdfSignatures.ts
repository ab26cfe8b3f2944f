// The signatures a PDF carries, as its objects say (pdf-lib reads them, no hand-made parser): each
// signature dictionary's /ByteRange, its /Contents (the CMS), the field it signs, /M. The byte
// range is checked against the file itself: it starts at 0, stays inside the file, and leaves out
// exactly the /Contents hex string — anything else could make other bytes look signed.
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString, type PDFPage } from 'pdf-lib';

export interface SignatureField {
  /** The form field's name (/T), when a field points at this signature. */
  field: string | null;
  byteRange: [number, number, number, number];
  /** The CMS (PKCS#7) the signer made, zero padding included. */
  contents: Uint8Array;
  subFilter: string | null;
  /** /M, the time the signing tool wrote (not proof: a timestamp token is). */
  claimedTime: string | null;
  reason: string | null;
  location: string | null;
  /** Why the byte range cannot be trusted, when it cannot. */
  rangeProblem: string | null;
  /** Where the field's widget shows on the page (0-based; a box from the page's top-left), when it has one. */
  widget: { page: number; rect: { x: number; y: number; width: number; height: number } } | null;
}

const text = (d: PDFDict, key: string): string | null => {
  const v = d.lookup(PDFName.of(key));
  return v instanceof PDFString || v instanceof PDFHexString ? v.decodeText() : null;
};

/** "D:20260509101500+07'00'" → ISO 8601; null when it is not a date. */
export function pdfDate(raw: string | null): string | null {
  const m = raw ? /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|[+-]\d{2}'?\d{2}'?)?/.exec(raw) : null;
  if (!m) return null;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00', tz = 'Z'] = m;
  const zone = tz === 'Z' ? 'Z' : `${tz.slice(0, 3)}:${tz.replace(/'/g, '').slice(3, 5) || '00'}`;
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}${zone}`);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

function rangeProblem(bytes: Uint8Array, [a, b, c, d]: number[]): string | null {
  if (![a, b, c, d].every((x) => Number.isInteger(x) && x! >= 0)) return 'Vùng ký (/ByteRange) không phải bốn số nguyên không âm.';
  if (a !== 0) return 'Vùng ký không bắt đầu từ đầu tệp.';
  if (b! >= c! || c! + d! > bytes.length) return 'Vùng ký chỉ ra ngoài tệp.';
  // The gap must be exactly the hex string holding the signature: "<…>".
  if (bytes[b!] !== 0x3c || bytes[c! - 1] !== 0x3e) return 'Khoảng trống giữa vùng ký không phải chỗ chứa chữ ký.';
  for (let i = b! + 1; i < c! - 1; i++) {
    const ch = bytes[i]!;
    const hex = (ch >= 0x30 && ch <= 0x39) || (ch >= 0x41 && ch <= 0x46) || (ch >= 0x61 && ch <= 0x66);
    if (!hex) return 'Khoảng trống giữa vùng ký chứa gì đó ngoài chữ ký.';
  }
  return null;
}

/** A field's widget (field and widget merged, as signing tools write them): its page and its box from the page's top. */
function widgetOf(field: PDFDict, pages: PDFPage[]): SignatureField['widget'] {
  const r = field.lookup(PDFName.of('Rect'));
  const numbers = r instanceof PDFArray ? r.asArray().map((n) => (n instanceof PDFNumber ? n.asNumber() : NaN)) : [];
  const p = field.get(PDFName.of('P'));
  const page = pages.findIndex((x) => x.ref === p);
  if (numbers.length !== 4 || !numbers.every(Number.isFinite) || page < 0) return null;
  const [x1, y1, x2, y2] = numbers as [number, number, number, number];
  let height: number;
  try {
    height = pages[page]!.getHeight();
  } catch {
    return null; // a page without a usable size: where the widget is cannot be said, the signature is still checked
  }
  return { page, rect: { x: Math.min(x1, x2), y: height - Math.max(y1, y2), width: Math.abs(x2 - x1), height: Math.abs(y2 - y1) } };
}

export async function signaturesIn(bytes: Uint8Array): Promise<SignatureField[]> {
  const doc = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: false });
  const fieldOf = new Map<PDFRef | PDFDict, { name: string; widget: SignatureField['widget'] }>();
  // A broken page tree costs the widgets' places, never the signatures' check.
  const pages = (() => {
    try {
      return doc.getPages();
    } catch {
      return [];
    }
  })();
  const found: { ref: PDFRef | null; dict: PDFDict }[] = [];
  for (const [ref, obj] of doc.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFDict)) continue;
    const v = obj.get(PDFName.of('V'));
    const t = text(obj, 'T');
    if (v && t) fieldOf.set(v instanceof PDFRef ? v : (v as PDFDict), { name: t, widget: widgetOf(obj, pages) });
    if (obj.has(PDFName.of('ByteRange')) && obj.has(PDFName.of('Contents'))) found.push({ ref, dict: obj });
  }
  const out: SignatureField[] = [];
  for (const { ref, dict } of found) {
    const range = dict.lookup(PDFName.of('ByteRange'));
    const contents = dict.lookup(PDFName.of('Contents'));
    if (!(range instanceof PDFArray) || !(contents instanceof PDFHexString || contents instanceof PDFString)) continue;
    const byteRange = range.asArray().map((n) => (n instanceof PDFNumber ? n.asNumber() : NaN)) as [number, number, number, number];
    if (byteRange.length !== 4) continue;
    const sub = dict.lookup(PDFName.of('SubFilter'));
    const field = (ref && fieldOf.get(ref)) ?? fieldOf.get(dict) ?? null;
    out.push({
      field: field?.name ?? null,
      widget: field?.widget ?? null,
      byteRange,
      contents: contents.asBytes(),
      subFilter: sub instanceof PDFName ? sub.decodeText() : null,
      claimedTime: pdfDate(text(dict, 'M')),
      reason: text(dict, 'Reason'),
      location: text(dict, 'Location'),
      rangeProblem: rangeProblem(bytes, byteRange),
    });
  }
  // In the order they were made: the signature covering the fewest bytes first.
  return out.sort((x, y) => x.byteRange[2] + x.byteRange[3] - (y.byteRange[2] + y.byteRange[3]));
}
