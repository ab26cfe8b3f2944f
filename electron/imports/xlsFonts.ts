// The font of each text cell of an .xls (BIFF5/BIFF8), which SheetJS parses and then drops: an old
// register typed in TCVN3 (.VnTime, .VnTimeH) or VNI (VNI-Times) says so only by its font. Read
// from the Workbook stream's records: FONT (0x0031) → XF (0x00E0, its font) → each cell's XF.
// See ../shared/TOOLCHAIN.md (§ @e965/xlsx) for the offsets.
import * as XLSX from '@e965/xlsx';

const BOF = 0x0809;
const BOUNDSHEET = 0x0085;
const FONT = 0x0031;
const XF = 0x00e0;
/** LABELSST, LABEL, RSTRING, FORMULA (a string result follows it), RK, NUMBER: row, col, XF at 0, 2, 4. */
const CELLS = new Set([0x00fd, 0x0204, 0x00d6, 0x0006, 0x027e, 0x0203]);
const MULRK = 0x00bd;

/** Per sheet (in the workbook's order), the font name of each cell that has one: key row * 65536 + col. */
export type SheetFonts = Map<number, string>[];

export const cellKey = (row: number, col: number) => row * 65536 + col;

/** The part of SheetJS's bundled CFB reader used here (its types declare it `any`). */
interface CfbReader {
  read(data: Uint8Array, options: { type: 'array' }): unknown;
  find(container: unknown, path: string): { content?: ArrayLike<number> } | null;
}
const CFB = XLSX.CFB as CfbReader;

export function readXlsFonts(bytes: Uint8Array): SheetFonts {
  const cfb = CFB.read(bytes, { type: 'array' });
  const entry = CFB.find(cfb, 'Workbook') ?? CFB.find(cfb, 'Book');
  const content = entry?.content;
  if (!content || content.length < 8) return [];
  const data = content instanceof Uint8Array ? content : Uint8Array.from(content);
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const fonts: string[] = [];
  const xfFont: number[] = [];
  const sheetAt = new Map<number, number>();
  const sheets: SheetFonts = [];
  let biff8 = true;
  let current: Map<number, string> | null = null;
  const fontOfXf = (ixfe: number): string | null => {
    const ifnt = xfFont[ixfe];
    if (ifnt === undefined) return null;
    // Font index 4 does not exist in BIFF: indexes above it are one off.
    return fonts[ifnt >= 4 ? ifnt - 1 : ifnt] ?? null;
  };
  for (let at = 0; at + 4 <= data.length;) {
    const type = view.getUint16(at, true);
    const length = view.getUint16(at + 2, true);
    const body = at + 4;
    if (body + length > data.length) break;
    if (type === BOF && length >= 4) {
      if (at === 0) biff8 = view.getUint16(body, true) === 0x0600;
      else {
        const index = sheetAt.get(at);
        current = index === undefined ? null : (sheets[index] = new Map());
      }
    } else if (type === BOUNDSHEET && length >= 4) {
      sheetAt.set(view.getUint32(body, true), sheetAt.size);
    } else if (type === FONT && length >= 15) {
      const cch = data[body + 14]!;
      if (biff8) {
        const wide = (data[body + 15]! & 1) === 1;
        const start = body + 16;
        fonts.push(wide ? utf16(data, start, cch) : latin1(data, start, cch));
      } else fonts.push(latin1(data, body + 15, cch));
    } else if (type === XF && length >= 2) {
      xfFont.push(view.getUint16(body, true));
    } else if (current && CELLS.has(type) && length >= 6) {
      const font = fontOfXf(view.getUint16(body + 4, true));
      if (font) current.set(cellKey(view.getUint16(body, true), view.getUint16(body + 2, true)), font);
    } else if (current && type === MULRK && length >= 6) {
      const row = view.getUint16(body, true);
      const first = view.getUint16(body + 2, true);
      for (let i = 0, p = body + 4; p + 6 <= body + length - 2; i++, p += 6) {
        const font = fontOfXf(view.getUint16(p, true));
        if (font) current.set(cellKey(row, first + i), font);
      }
    }
    at = body + length;
  }
  for (let i = 0; i < sheetAt.size; i++) sheets[i] ??= new Map();
  return sheets;
}

function latin1(data: Uint8Array, start: number, count: number): string {
  return String.fromCharCode(...data.subarray(start, Math.min(data.length, start + count)));
}

function utf16(data: Uint8Array, start: number, count: number): string {
  let s = '';
  for (let i = 0; i < count && start + 2 * i + 1 < data.length; i++)
    s += String.fromCharCode(data[start + 2 * i]! | (data[start + 2 * i + 1]! << 8));
  return s;
}
