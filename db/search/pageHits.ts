// Where a search's words stand on the pages of a scan read by OCR, for showing the hit on the
// page. A file with a text layer has no stored boxes: the preview finds them in the text itself.
import { hitBoxes, type PageBox } from '../../shared/text/highlight.js';
import { fileWords } from '../attachments/fileTexts.js';
import type { Store } from '../core/store.js';

/** Pages answered at most: the preview shows the first, the count says how many more. */
const MAX_PAGES = 100;

export function scanHits(store: Store, sha256: string, query: string): { read: boolean; pages: { page: number; boxes: PageBox[] }[] } {
  const pages = fileWords(store, sha256);
  const hits = pages
    .map((p) => ({
      page: p.page,
      boxes: hitBoxes(
        p.words.map(([text, ...box]) => ({ text, box })),
        query,
      ),
    }))
    .filter((p) => p.boxes.length > 0)
    .slice(0, MAX_PAGES);
  return { read: pages.length > 0, pages: hits };
}
