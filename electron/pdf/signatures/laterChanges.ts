// What the revisions appended after a signature changed. The signed revision (the file up to the
// signature's end) and the whole file are read, and each object that differs is classed: another
// signature, annotations (a stamp, a comment — the page itself untouched), form fields filled, or
// the content of the document (a page's drawing, its resources, the page tree, anything else).
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, PDFStream, type PDFObject } from 'pdf-lib';

export type LaterChanges = 'none' | 'signatures' | 'annotations' | 'form' | 'content' | 'unknown';

/** Above this the two revisions are not both read (memory): said as unknown. */
export const LATER_CHANGES_UP_TO = 40 * 1024 * 1024;

const KINDS = ['none', 'signatures', 'annotations', 'form', 'content'] as const;
const RANK = Object.fromEntries(KINDS.map((k, i) => [k, i])) as Record<(typeof KINDS)[number], number>;

/** Keys of a page that only hold its annotations; any other key changing changes what the page shows. */
const PAGE_ANNOTATION_KEYS = new Set(['/Annots']);
/** Keys of the catalogue that signing and validation data add (DSS: PAdES long-term data). */
const CATALOG_SIGNING_KEYS = new Set(['/AcroForm', '/DSS', '/Metadata', '/Perms']);

const tailIsBlank = (bytes: Uint8Array, end: number) =>
  end >= bytes.length || /^\s*$/.test(Buffer.from(bytes.subarray(end)).toString('latin1'));

/**
 * What came after each of these revision ends, each revision read once: revision i is compared
 * with revision i+1 (and the last with the whole file), and what came after an end is the worst
 * of the steps after it — fifty signatures cost fifty reads, not fifty times two.
 */
export async function laterChangesOf(bytes: Uint8Array, signedEnds: number[]): Promise<Map<number, LaterChanges>> {
  const out = new Map<number, LaterChanges>();
  const ends = [...new Set(signedEnds)].sort((a, b) => a - b);
  for (const e of ends) if (tailIsBlank(bytes, e)) out.set(e, 'none');
  const open = ends.filter((e) => !out.has(e));
  if (open.length === 0) return out;
  if (bytes.length > LATER_CHANGES_UP_TO) {
    for (const e of open) out.set(e, 'unknown');
    return out;
  }
  const opts = { updateMetadata: false, throwOnInvalidObject: false, ignoreEncryption: true };
  const load = (end: number) => PDFDocument.load(end >= bytes.length ? bytes : bytes.subarray(0, end), opts).catch(() => null);
  const bounds = [...open, bytes.length];
  const steps: number[] = [];
  let before = await load(bounds[0]!);
  for (let i = 1; i < bounds.length; i++) {
    const after = await load(bounds[i]!);
    steps.push(before && after ? RANK[step(before, after)] : -1);
    before = after;
  }
  // From the last signature back: the worst step after each end (an unreadable revision makes it unknown).
  let worst = 0;
  let unknown = false;
  for (let i = open.length - 1; i >= 0; i--) {
    if (steps[i]! < 0) unknown = true;
    else worst = Math.max(worst, steps[i]!);
    out.set(open[i]!, unknown && worst < RANK.content ? 'unknown' : KINDS[worst]!);
  }
  return out;
}

/** What one appended revision changed, from `before` to `after`. */
function step(before: PDFDocument, after: PDFDocument): (typeof KINDS)[number] {
  const catalog = after.context.trailerInfo.Root;
  const pages = new Set(after.getPages().map((p) => p.ref.toString()));
  // An /Annots array of its own: appending to it adds annotations; appending to another array (a page's /Contents) is content.
  const annots = new Set(
    after.getPages().flatMap((p) => [p.node.get(PDFName.of('Annots'))].filter((a) => a instanceof PDFRef).map(String)),
  );
  let worst = 0;
  for (const [ref, now] of after.context.enumerateIndirectObjects()) {
    const was = before.context.lookup(ref);
    const key = ref.toString();
    const change =
      was === undefined
        ? newObject(now)
        : same(was, now)
          ? 'none'
          : changedObject(was, now, { catalog: catalog === ref, page: pages.has(key), annots: annots.has(key), doc: after });
    worst = Math.max(worst, RANK[change]);
    if (worst === RANK.content) break;
  }
  return KINDS[worst]!;
}

function dictOf(o: PDFObject): PDFDict | null {
  if (o instanceof PDFStream) return o.dict;
  return o instanceof PDFDict ? o : null;
}

const nameIn = (d: PDFDict, key: string) => d.get(PDFName.of(key))?.toString() ?? null;

function isAnnotation(d: PDFDict): boolean {
  return nameIn(d, 'Type') === '/Annot' || (d.has(PDFName.of('Subtype')) && d.has(PDFName.of('Rect')));
}

function isSignature(d: PDFDict): boolean {
  return nameIn(d, 'Type') === '/Sig' || nameIn(d, 'FT') === '/Sig' || nameIn(d, 'Type') === '/DocTimeStamp';
}

/** A new object matters only through what refers to it; alone it is classed by what it is. */
function newObject(o: PDFObject): (typeof KINDS)[number] {
  const d = dictOf(o);
  if (!d) return 'none';
  if (isSignature(d)) return 'signatures';
  if (isAnnotation(d)) return nameIn(d, 'Subtype') === '/Widget' ? 'form' : 'annotations';
  return 'none';
}

function changedObject(
  was: PDFObject,
  now: PDFObject,
  where: { catalog: boolean; page: boolean; annots: boolean; doc: PDFDocument },
): (typeof KINDS)[number] {
  const a = dictOf(was);
  const b = dictOf(now);
  // Cross-reference and object streams are the file's bookkeeping, not its content.
  if (b && ['/XRef', '/ObjStm'].includes(nameIn(b, 'Type') ?? '')) return 'none';
  if (where.annots && was instanceof PDFArray && now instanceof PDFArray) return gained(was, now, where.doc);
  if (!a || !b) return 'content';
  if (where.page) {
    if (!changedKeys(a, b).every((k) => PAGE_ANNOTATION_KEYS.has(k))) return 'content';
    const annots = (d: PDFDict) => d.context.lookup(d.get(PDFName.of('Annots')));
    const [x, y] = [annots(a), annots(b)];
    return gained(x instanceof PDFArray ? x : null, y instanceof PDFArray ? y : null, where.doc);
  }
  if (where.catalog) {
    const keys = changedKeys(a, b);
    return keys.every((k) => CATALOG_SIGNING_KEYS.has(k)) ? 'signatures' : 'content';
  }
  if (isSignature(b)) return 'signatures';
  if (isAnnotation(b)) return nameIn(b, 'Subtype') === '/Widget' || b.has(PDFName.of('FT')) ? 'form' : 'annotations';
  if (b.has(PDFName.of('Fields'))) return addedFields(a, b, where.doc); // the AcroForm dictionary
  if (b.has(PDFName.of('Producer')) || b.has(PDFName.of('ModDate'))) return 'none'; // the Info dictionary
  return 'content';
}

/** An /Annots that only gained entries is classed by what it gained (a signature's widget is a signature). */
function gained(was: PDFArray | null, now: PDFArray | null, doc: PDFDocument): (typeof KINDS)[number] {
  if (!now) return 'annotations'; // all of them removed
  if (was && !onlyAdded(was, now)) return 'annotations';
  const had = new Set((was?.asArray() ?? []).map(String));
  let worst = RANK.none;
  for (const ref of now.asArray().filter((x) => !had.has(String(x)))) {
    const kind = newObject(doc.context.lookup(ref) ?? ref);
    worst = Math.max(worst, RANK[kind === 'none' ? 'annotations' : kind]);
  }
  return KINDS[worst]!;
}

/** The form gained fields: only signature fields is another signature; any other is the form changed. */
function addedFields(a: PDFDict, b: PDFDict, doc: PDFDocument): (typeof KINDS)[number] {
  const fields = (d: PDFDict) => {
    const f = d.context.lookup(d.get(PDFName.of('Fields')));
    return f instanceof PDFArray ? f.asArray().map(String) : [];
  };
  const had = new Set(fields(a));
  const f = doc.context.lookup(b.get(PDFName.of('Fields')));
  const added = f instanceof PDFArray ? f.asArray().filter((x) => !had.has(String(x))) : [];
  return added.every((x) => {
    const d = doc.context.lookup(x);
    return d instanceof PDFDict && isSignature(d);
  })
    ? 'signatures'
    : 'form';
}

function changedKeys(a: PDFDict, b: PDFDict): string[] {
  const keys = new Set([...a.keys(), ...b.keys()].map((k) => k.toString()));
  return [...keys].filter((k) => {
    const x = a.get(PDFName.of(k.slice(1)));
    const y = b.get(PDFName.of(k.slice(1)));
    return (x === undefined) !== (y === undefined) || (x !== undefined && y !== undefined && !same(x, y));
  });
}

/** An array that kept every element it had (annotations appended to an indirect /Annots). */
function onlyAdded(was: PDFArray, now: PDFArray): boolean {
  const before = was.asArray().map(String);
  const after = new Set(now.asArray().map(String));
  return before.every((x) => after.has(x));
}

function same(a: PDFObject, b: PDFObject): boolean {
  if (a instanceof PDFRawStream && b instanceof PDFRawStream) {
    return a.dict.toString() === b.dict.toString() && Buffer.from(a.contents).equals(Buffer.from(b.contents));
  }
  return a.toString() === b.toString();
}
