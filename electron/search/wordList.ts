// A table as a Word document (.docx, WordprocessingML), written row by row into the zip through
// a stream: 100,000 rows never sit in memory as a document tree. The `docx` library builds the
// whole document as objects and then one XML string — fine for a letter, not for a result list
// of a year's registers; what a list needs of the format (a title, lines, a table with a
// repeated header row, Times New Roman, landscape A4) is a few elements, written here.
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';
import { xmlText } from '../../shared/text/xmlText.js';

const esc = xmlText;

const run = (text: string, bold = false, size = 22) =>
  `<w:r><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/>${bold ? '<w:b/>' : ''}<w:sz w:val="${size}"/></w:rPr><w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;
const para = (text: string, o: { bold?: boolean; size?: number; center?: boolean } = {}) =>
  `<w:p><w:pPr>${o.center ? '<w:jc w:val="center"/>' : ''}<w:spacing w:after="60"/></w:pPr>${run(text, o.bold, o.size)}</w:p>`;
const cell = (text: string, width: number, bold = false) =>
  `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/></w:tcPr>${text
    .split('\n')
    .map((l) => `<w:p><w:pPr><w:spacing w:after="0"/></w:pPr>${run(l, bold, 20)}</w:p>`)
    .join('')}</w:tc>`;

export interface WordList {
  title: string;
  lines: string[];
  columns: { title: string; width: number }[];
  rows: Iterable<string[]>;
  /** Lines after the table, once the rows are counted. */
  closing?: (rows: number) => string[];
}

/** Writes the list to `path` as a .docx; answers its size in rows. */
export async function writeWordList(path: string, list: WordList): Promise<number> {
  const total = list.columns.reduce((s, c) => s + c.width, 0);
  // Landscape A4 between 1.5 cm margins: 15,398 twentieths of a point of width.
  const widths = list.columns.map((c) => Math.round((c.width / total) * 15398));
  let count = 0;
  function* body(): Generator<string> {
    yield '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>';
    yield para(list.title, { bold: true, size: 28, center: true });
    for (const l of list.lines) yield para(l, { center: true });
    yield '<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblBorders>';
    for (const side of ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'])
      yield `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`;
    yield `</w:tblBorders></w:tblPr><w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`;
    yield `<w:tr><w:trPr><w:tblHeader/></w:trPr>${list.columns.map((c, i) => cell(c.title, widths[i]!, true)).join('')}</w:tr>`;
    let chunk: string[] = [];
    for (const row of list.rows) {
      chunk.push(`<w:tr><w:trPr><w:cantSplit/></w:trPr>${row.map((t, i) => cell(t, widths[i]!)).join('')}</w:tr>`);
      count++;
      if (chunk.length === 500) {
        yield chunk.join('');
        chunk = [];
      }
    }
    if (chunk.length) yield chunk.join('');
    yield '</w:tbl>';
    for (const l of list.closing?.(count) ?? []) yield para(l);
    yield '<w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/><w:pgMar w:top="851" w:right="720" w:bottom="851" w:left="720" w:header="0" w:footer="0" w:gutter="0"/></w:sectPr></w:body></w:document>';
  }
  const zip = new ZipFile();
  const written = pipeline(zip.outputStream, createWriteStream(path, { flags: 'wx' }));
  const mtime = new Date();
  zip.addBuffer(
    Buffer.from(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '[Content_Types].xml',
    { mtime },
  );
  zip.addBuffer(
    Buffer.from(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    '_rels/.rels',
    { mtime },
  );
  zip.addReadStream(Readable.from(body(), { objectMode: false }), 'word/document.xml', { mtime, compress: true });
  zip.end();
  await written;
  return count;
}
