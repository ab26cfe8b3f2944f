// Fonts for drawing Vietnamese into PDFs: Tinos (metric-compatible with Times New Roman, the
// decree's print font), shipped by an npm package — never fetched at run time.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { create as createFont } from 'fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';
import type { PDFDocument as CantooDocument, PDFFont as CantooFont } from '@cantoo/pdf-lib';

const require = createRequire(import.meta.url);
const cache = new Map<string, Uint8Array>();

function fontBytes(weight: 'Regular' | 'Bold'): Uint8Array {
  const file = weight === 'Regular' ? '400Regular/Tinos_400Regular.ttf' : '700Bold/Tinos_700Bold.ttf';
  let bytes = cache.get(file);
  if (!bytes) cache.set(file, (bytes = readFileSync(require.resolve(`@expo-google-fonts/tinos/${file}`))));
  return bytes;
}

interface FontkitSubset {
  encode(): Uint8Array;
}
interface FontkitFont {
  createSubset(): FontkitSubset & Record<string, unknown>;
}

/**
 * pdf-lib was written for @pdf-lib/fontkit, whose subsets have encodeStream(); upstream
 * fontkit 2 has encode(). @pdf-lib/fontkit 1.1.1 corrupts TrueType subsets (TOOLCHAIN.md),
 * so upstream fontkit is used through this adapter.
 */
const fontkitForPdfLib = {
  create(buffer: Uint8Array, postscriptName?: string) {
    const font = createFont(Buffer.from(buffer), postscriptName) as FontkitFont;
    return new Proxy(font, {
      get(target, prop, receiver) {
        if (prop !== 'createSubset') return Reflect.get(target, prop, receiver) as unknown;
        return () => {
          const subset = target.createSubset();
          return new Proxy(subset, {
            get(s, p, r) {
              if (p !== 'encodeStream') return Reflect.get(s, p, r) as unknown;
              return () => encodeAsStream(() => s.encode());
            },
          });
        };
      },
    });
  },
};

function encodeAsStream(encode: () => Uint8Array) {
  const handlers: Record<string, ((arg?: unknown) => void)[]> = {};
  const stream = {
    on(event: string, fn: (arg?: unknown) => void) {
      (handlers[event] ??= []).push(fn);
      return stream;
    },
  };
  queueMicrotask(() => {
    try {
      const bytes = encode();
      handlers.data?.forEach((fn) => fn(bytes));
      handlers.end?.forEach((fn) => fn());
    } catch (err) {
      handlers.error?.forEach((fn) => fn(err));
    }
  });
  return stream;
}

let measuring: { layout(t: string): { advanceWidth: number }; unitsPerEm: number } | null = null;

/** The width of `text` in Tinos Regular at `size` points, without a document (to size a box before drawing in it). */
export function tinosWidth(text: string, size: number): number {
  measuring ??= createFont(Buffer.from(fontBytes('Regular'))) as typeof measuring;
  return (measuring!.layout(text.normalize('NFC')).advanceWidth * size) / measuring!.unitsPerEm;
}

export interface StampFonts<F = PDFFont> {
  regular: F;
  bold: F;
}

/** Tinos into a document of pdf-lib or of its fork @cantoo/pdf-lib (incremental updates): same calls. */
export async function embedTinos(doc: PDFDocument): Promise<StampFonts>;
export async function embedTinos(doc: CantooDocument): Promise<StampFonts<CantooFont>>;
export async function embedTinos(doc: PDFDocument | CantooDocument): Promise<StampFonts<PDFFont | CantooFont>> {
  doc.registerFontkit(fontkitForPdfLib as never);
  const [regular, bold] = await Promise.all([
    doc.embedFont(fontBytes('Regular'), { subset: true }),
    doc.embedFont(fontBytes('Bold'), { subset: true }),
  ]);
  return { regular, bold };
}
