// Where a search's words stand on a file's pages: a scan's from the boxes its OCR kept (asked of
// the backend), a text layer's from pdf.js's text items — looked for page by page, bounded, so a
// 2,000-page annex cannot hold the window.
import type * as pdfjs from 'pdfjs-dist';
import { useEffect, useState } from 'react';
import { hitBoxes, type PageBox } from '../../shared/text/highlight.js';
import { api } from '../api/client';

/** A search to show on the pages: its words, and the attachment they were found in. */
export interface FindOnPage {
  attachmentId: string;
  q: string;
}

export interface PageHits {
  page: number;
  boxes: PageBox[];
}

const MAX_PAGES = 300;
const MAX_MS = 8000;
const ENOUGH_PAGES = 20;

export async function findHits(doc: pdfjs.PDFDocumentProxy | null, attachmentId: string, q: string): Promise<PageHits[]> {
  const stored = await api.call('attachments.hits', { id: attachmentId, q });
  if (stored.read || !doc) return stored.pages;
  return textLayerHits(doc, q);
}

async function textLayerHits(doc: pdfjs.PDFDocumentProxy, q: string): Promise<PageHits[]> {
  // pdf.js is in the page already once a PDF is shown; imported here, it stays out of the first load.
  const { Util } = await import('pdfjs-dist');
  const out: PageHits[] = [];
  const started = performance.now();
  for (let p = 1; p <= Math.min(doc.numPages, MAX_PAGES) && out.length < ENOUGH_PAGES; p++) {
    if (performance.now() - started > MAX_MS) break;
    const page = await doc.getPage(p);
    const viewport = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    const words: { text: string; box: PageBox }[] = [];
    for (const item of content.items) {
      if (!('str' in item) || !item.str.trim()) continue;
      // The run's corners on the page as shown: its start, along its width, up its height.
      const tx = Util.transform(viewport.transform, item.transform) as number[];
      const length = Math.hypot(tx[0]!, tx[1]!) || 1;
      const [ux, uy] = [(tx[0]! / length) * item.width, (tx[1]! / length) * item.width];
      const xs = [tx[4]!, tx[4]! + ux, tx[4]! + tx[2]!, tx[4]! + ux + tx[2]!];
      const ys = [tx[5]!, tx[5]! + uy, tx[5]! + tx[3]!, tx[5]! + uy + tx[3]!];
      words.push({
        text: item.str,
        box: [
          Math.min(...xs) / viewport.width,
          Math.min(...ys) / viewport.height,
          Math.max(...xs) / viewport.width,
          Math.max(...ys) / viewport.height,
        ],
      });
    }
    const boxes = hitBoxes(words, q);
    if (boxes.length) out.push({ page: p, boxes });
  }
  return out;
}

/**
 * The hits of `find` in the file shown, once it can be looked in (`ready`; `doc` is the PDF, null
 * for a picture): null while looking, [] when none could be shown.
 */
export function usePageHits(find: FindOnPage | undefined, doc: pdfjs.PDFDocumentProxy | null, ready: boolean): PageHits[] | null {
  const [hits, setHits] = useState<PageHits[] | null>(null);
  useEffect(() => {
    setHits(null);
    if (!find || !ready) return;
    let live = true;
    findHits(doc, find.attachmentId, find.q).then(
      (found) => live && setHits(found),
      () => live && setHits([]),
    );
    return () => {
      live = false;
    };
  }, [find, doc, ready]);
  return hits;
}
