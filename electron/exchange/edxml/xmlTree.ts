// An edXML file's bytes → a tree of elements with their namespaces resolved. Everything hostile
// about the bytes is refused here: anything before `<?xml`, bytes that are not UTF-8, another
// declared encoding, a DOCTYPE (external entities, "billion laughs" — saxes never expands an
// entity of its own, and we stop at the declaration), too deep a nesting.
import { SaxesParser } from 'saxes';
import { AppError } from '../../../shared/api/errors.js';

export interface XNode {
  ns: string | null;
  name: string;
  attrs: Record<string, string>;
  children: XNode[];
  /** The element's own text (its text and CDATA children joined), references decoded. */
  text: string;
}

const MAX_DEPTH = 64;

export function unreadable(message: string): AppError {
  return new AppError('FILE_UNREADABLE', message);
}

/**
 * The tree of a package's bytes: UTF-8 from its first byte (a BOM allowed), streamed through
 * saxes in slices so a package of tens of MB never lives as one string beside its parse (the
 * namespaces resolved by saxes, the predefined entities and character references decoded by it).
 */
export function readTree(bytes: Uint8Array): XNode {
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  if (bytes[start] !== 0x3c /* < */) {
    const lt = bytes.indexOf(0x3c, start);
    if (lt < 0) throw unreadable('Tệp không phải gói tin edXML: không có thẻ XML nào.');
    throw unreadable(
      `Gói tin có ${lt - start} byte lạ trước <?xml — tệp bị ghép thêm hoặc hỏng khi truyền; hãy đề nghị nơi gửi gửi lại. Tệp vẫn được giữ nguyên như khi nhận.`,
    );
  }
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: { node: XNode; texts: string[] }[] = [];
  let root: XNode | null = null;
  // Thrown from a handler, an AppError comes out of write() as it is.
  const refuse = (e: AppError) => {
    throw e;
  };
  parser.on('xmldecl', (d) => {
    if (d.encoding && d.encoding.toLowerCase().replace('_', '-') !== 'utf-8')
      refuse(unreadable(`Gói tin khai báo mã ${d.encoding}; QCVN 102 quy định UTF-8.`));
  });
  // A DOCTYPE can only bring entities (external ones read files or the network; nested ones
  // expand to gigabytes): an edXML package never needs one.
  parser.on('doctype', () =>
    refuse(
      unreadable('Gói tin có khai báo DOCTYPE/ENTITY — không được phép trong edXML (chống tấn công thực thể XML); gói tin bị từ chối.'),
    ),
  );
  parser.on('opentag', (tag) => {
    if (stack.length >= MAX_DEPTH) refuse(unreadable('Gói tin lồng quá sâu.'));
    const attrs: Record<string, string> = {};
    for (const a of Object.values(tag.attributes)) attrs[a.name] = a.value;
    const node: XNode = { ns: tag.uri || null, name: tag.local, attrs, children: [], text: '' };
    if (stack.length) stack[stack.length - 1]!.node.children.push(node);
    else if (root) refuse(unreadable('Gói tin không có đúng một phần tử gốc.'));
    else root = node;
    stack.push({ node, texts: [] });
  });
  parser.on('text', (t) => stack.length && stack[stack.length - 1]!.texts.push(t));
  parser.on('cdata', (t) => stack.length && stack[stack.length - 1]!.texts.push(t));
  parser.on('closetag', () => {
    const open = stack.pop()!;
    open.node.text = open.texts.length === 1 ? open.texts[0]! : open.texts.join('');
  });
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const SLICE = 1024 * 1024;
  try {
    for (let at = start; at < bytes.length; at += SLICE) {
      let chunk: string;
      try {
        chunk = decoder.decode(bytes.subarray(at, Math.min(bytes.length, at + SLICE)), { stream: true });
      } catch {
        throw unreadable('Gói tin không phải văn bản UTF-8 (QCVN 102 quy định mã UTF-8); có thể tệp đã hỏng.');
      }
      parser.write(chunk);
    }
    parser.write(decoder.decode()).close();
  } catch (err) {
    if (err instanceof AppError) throw err;
    const line = /^[^:]*:(\d+):/.exec(err instanceof Error ? err.message : '')?.[1];
    const undeclared = err instanceof Error && /unbound namespace prefix: "([^"]+)"/.exec(err.message)?.[1];
    if (undeclared) throw unreadable(`Gói tin dùng tiền tố “${undeclared}:” chưa khai báo không gian tên.`);
    throw unreadable(`Gói tin không phải XML hợp lệ${line ? ` (lỗi ở dòng ${line})` : ''}; có thể tệp bị cắt giữa chừng.`);
  }
  if (!root) throw unreadable('Gói tin không có phần tử gốc.');
  return root;
}

export function child(node: XNode | undefined, ns: string | null, name: string): XNode | undefined {
  return node?.children.find((c) => c.name === name && c.ns === ns);
}

export function childrenNamed(node: XNode | undefined, ns: string | null, name: string): XNode[] {
  return node ? node.children.filter((c) => c.name === name && c.ns === ns) : [];
}
