// An edXML file's bytes → a tree of elements with their namespaces resolved. Everything hostile
// about the bytes is refused here, before a parser sees them: anything before `<?xml`, another
// encoding than UTF-8, a DOCTYPE (external entities, "billion laughs"), too deep a nesting.
import { XMLParser } from 'fast-xml-parser';
import { AppError } from '../../../shared/api/errors.js';

export interface XNode {
  ns: string | null;
  name: string;
  attrs: Record<string, string>;
  children: XNode[];
  /** The element's own text (its text children joined), entity references decoded. */
  text: string;
}

const MAX_DEPTH = 64;

export function unreadable(message: string): AppError {
  return new AppError('FILE_UNREADABLE', message);
}

/** The text of a package: UTF-8, from its first byte (a BOM allowed). */
export function packageText(bytes: Uint8Array): string {
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  if (bytes[start] !== 0x3c /* < */) {
    const lt = bytes.indexOf(0x3c, start);
    if (lt < 0) throw unreadable('Tệp không phải gói tin edXML: không có thẻ XML nào.');
    throw unreadable(
      `Gói tin có ${lt - start} byte lạ trước <?xml — tệp bị ghép thêm hoặc hỏng khi truyền; hãy đề nghị nơi gửi gửi lại. Tệp vẫn được giữ nguyên như khi nhận.`,
    );
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start));
  } catch {
    throw unreadable('Gói tin không phải văn bản UTF-8 (QCVN 102 quy định mã UTF-8); có thể tệp đã hỏng.');
  }
  const declaration = /^<\?xml\s[^>]*?encoding\s*=\s*["']([^"']+)["']/.exec(text);
  if (declaration && declaration[1]!.toLowerCase().replace('_', '-') !== 'utf-8')
    throw unreadable(`Gói tin khai báo mã ${declaration[1]}; QCVN 102 quy định UTF-8.`);
  // A DOCTYPE can only bring entities (external ones read files or the network; nested ones
  // expand to gigabytes): an edXML package never needs one.
  if (text.includes('<!DOCTYPE') || text.includes('<!ENTITY'))
    throw unreadable('Gói tin có khai báo DOCTYPE/ENTITY — không được phép trong edXML (chống tấn công thực thể XML); gói tin bị từ chối.');
  return text;
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  processEntities: true,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  maxNestedTags: MAX_DEPTH,
});

type Ordered = Record<string, unknown>;

export function parseTree(text: string): XNode {
  let raw: Ordered[];
  try {
    raw = parser.parse(text, true) as Ordered[];
  } catch (err) {
    const where = err instanceof Error ? /:(\d+):\d+$/.exec(err.message)?.[1] : undefined;
    throw unreadable(`Gói tin không phải XML hợp lệ${where ? ` (lỗi ở dòng ${where})` : ''}; có thể tệp bị cắt giữa chừng.`);
  }
  const roots = raw.filter((n) => elementName(n) !== null);
  if (roots.length !== 1) throw unreadable('Gói tin không có đúng một phần tử gốc.');
  return toNode(roots[0]!, new Map([['xml', 'http://www.w3.org/XML/1998/namespace']]), 0);
}

function elementName(n: Ordered): string | null {
  for (const k of Object.keys(n)) if (k !== ':@' && !k.startsWith('#') && !k.startsWith('?')) return k;
  return null;
}

function toNode(n: Ordered, scope: Map<string, string>, depth: number): XNode {
  if (depth > MAX_DEPTH) throw unreadable('Gói tin lồng quá sâu.');
  const qname = elementName(n)!;
  const attrs = { ...((n[':@'] as Record<string, string> | undefined) ?? {}) };
  let inner = scope;
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'xmlns' || k.startsWith('xmlns:')) {
      if (inner === scope) inner = new Map(scope);
      inner.set(k === 'xmlns' ? '' : k.slice(6), v);
    }
  }
  const colon = qname.indexOf(':');
  const prefix = colon < 0 ? '' : qname.slice(0, colon);
  const name = colon < 0 ? qname : qname.slice(colon + 1);
  if (prefix && !inner.has(prefix)) throw unreadable(`Gói tin dùng tiền tố “${prefix}:” chưa khai báo không gian tên.`);
  const children: XNode[] = [];
  const texts: string[] = [];
  for (const c of (n[qname] as Ordered[] | undefined) ?? []) {
    if ('#text' in c) texts.push(String(c['#text']));
    else if (elementName(c) !== null) children.push(toNode(c, inner, depth + 1));
  }
  return { ns: inner.get(prefix) || null, name, attrs, children, text: texts.length === 1 ? texts[0]! : texts.join('') };
}

/** Character references the parser leaves: &#273; &#x110;. */
export function decodeCharRefs(text: string): string {
  if (!text.includes('&#')) return text;
  return text.replace(/&#(x[0-9a-fA-F]{1,6}|\d{1,7});/g, (whole, ref: string) => {
    const cp = ref.startsWith('x') ? parseInt(ref.slice(1), 16) : Number(ref);
    return cp > 0 && cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff) ? String.fromCodePoint(cp) : whole;
  });
}

export function child(node: XNode | undefined, ns: string | null, name: string): XNode | undefined {
  return node?.children.find((c) => c.name === name && c.ns === ns);
}

export function childrenNamed(node: XNode | undefined, ns: string | null, name: string): XNode[] {
  return node ? node.children.filter((c) => c.name === name && c.ns === ns) : [];
}
