// Drawing into an annotation's or a signature's appearance stream with the same calls as on a
// page (drawRectangle, drawLine, drawText): the operators gathered, the fonts named F1, F2… for
// the stream's resources. Used for dấu ĐẾN on a signed original, the số written into a signed
// document's blanks, and §II.8.b's line on an attachment.
import { degrees, drawLine, drawRectangle, drawText, type Color, type PDFFont, type PDFOperator, type PDFRef } from '@cantoo/pdf-lib';

export interface RectangleInk {
  x: number;
  y: number;
  width: number;
  height: number;
  color: Color;
  borderColor: Color;
  borderWidth: number;
}
export interface LineInk {
  start: { x: number; y: number };
  end: { x: number; y: number };
  thickness: number;
  color: Color;
}
export interface TextInk {
  x: number;
  y: number;
  size: number;
  font: PDFFont;
  color: Color;
}

/** What the stamp is drawn with: a page, or an appearance stream. */
export interface Surface {
  drawRectangle(o: RectangleInk): void;
  drawLine(o: LineInk): void;
  drawText(text: string, o: TextInk): void;
}

/** The page's drawing calls, gathered into the operators of an appearance stream. */
export class AppearanceInk implements Surface {
  readonly operators: PDFOperator[] = [];
  private readonly fonts = new Map<PDFFont, string>();
  private static readonly upright = { rotate: degrees(0), xSkew: degrees(0), ySkew: degrees(0) };

  drawRectangle(o: RectangleInk): void {
    this.operators.push(...drawRectangle({ ...o, ...AppearanceInk.upright }));
  }

  drawLine(o: LineInk): void {
    this.operators.push(...drawLine(o));
  }

  drawText(text: string, o: TextInk): void {
    let key = this.fonts.get(o.font);
    if (!key) this.fonts.set(o.font, (key = `F${this.fonts.size + 1}`));
    this.operators.push(...drawText(o.font.encodeText(text), { ...o, font: key, ...AppearanceInk.upright }));
  }

  fontResources(): Record<string, PDFRef> {
    return Object.fromEntries([...this.fonts].map(([font, key]) => [key, font.ref]));
  }
}
