// PDF pages drawn by pdf.js in its worker. A hostile or huge file cannot freeze the window:
// opening and each page have a time limit, after which the work is cancelled.
import { Alert, Button, Spin } from 'antd';
import * as pdfjs from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { useEffect, useRef, useState } from 'react';
import { usePageHits, type FindOnPage, type PageHits } from './pageHits';
import { HitBoxes, HitSummary } from './HitBoxes';

pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;

const OPEN_TIMEOUT_MS = 15_000;
const PAGE_TIMEOUT_MS = 10_000;
const FIRST_PAGES = 3;

function withTimeout<T>(p: Promise<T>, ms: number, onTimeout: () => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => {
      onTimeout();
      reject(new Error('timeout'));
    }, ms);
    p.then(
      (v) => (clearTimeout(t), resolve(v)),
      (e) => (clearTimeout(t), reject(e)),
    );
  });
}

export function PdfPreview({ url, width = 640, find }: { url: string; width?: number; find?: FindOnPage | undefined }) {
  const [doc, setDoc] = useState<pdfjs.PDFDocumentProxy | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useState(FIRST_PAGES);
  const hits = usePageHits(find, doc, doc !== null);
  // The first page with a hit is drawn, however far in.
  const firstHit = hits?.[0]?.page;
  useEffect(() => {
    if (firstHit) setShown((n) => Math.max(n, firstHit));
  }, [firstHit]);

  useEffect(() => {
    setDoc(null);
    setError(null);
    setShown(FIRST_PAGES);
    const task = pdfjs.getDocument({ url, isEvalSupported: false, withCredentials: true });
    task.onPassword = () => {
      setError('Tệp PDF có mật khẩu nên không xem trước được.');
      void task.destroy();
    };
    withTimeout(task.promise, OPEN_TIMEOUT_MS, () => void task.destroy()).then(setDoc, (err: Error) => {
      console.warn('pdf preview:', err);
      setError(
        (prev) =>
          prev ??
          (err.message === 'timeout'
            ? 'Tệp PDF mở quá lâu nên đã dừng xem trước (chương trình không bị treo). Hãy tải tệp về để xem.'
            : 'Tệp PDF bị hỏng, không xem trước được.'),
      );
    });
    return () => void task.destroy();
  }, [url]);

  if (error) return <Alert type="warning" showIcon title={error} />;
  if (!doc)
    return (
      <Spin tip="Đang mở tệp PDF…">
        <div style={{ height: 120 }} />
      </Spin>
    );
  return (
    <div data-testid="pdf-preview">
      {find && hits && <HitSummary q={find.q} hits={hits} />}
      {Array.from({ length: Math.min(shown, doc.numPages) }, (_, i) => (
        <PdfPage
          key={i}
          doc={doc}
          pageNumber={i + 1}
          width={width}
          boxes={hits?.find((h) => h.page === i + 1)?.boxes}
          first={hits?.[0]?.page === i + 1}
        />
      ))}
      <div style={{ color: '#666', fontSize: 12 }}>
        Trang 1–{Math.min(shown, doc.numPages)} / {doc.numPages}{' '}
        {shown < doc.numPages && (
          <Button size="small" type="link" onClick={() => setShown((n) => n + 5)}>
            Xem thêm trang
          </Button>
        )}
      </div>
    </div>
  );
}

function PdfPage(props: {
  doc: pdfjs.PDFDocumentProxy;
  pageNumber: number;
  width: number;
  boxes?: PageHits['boxes'] | undefined;
  /** The first page with a hit: brought into view. */
  first?: boolean;
}) {
  const { doc, pageNumber, width, first } = props;
  const canvas = useRef<HTMLCanvasElement>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let cancelled = false;
    let render: pdfjs.RenderTask | null = null;
    void (async () => {
      try {
        const page = await doc.getPage(pageNumber);
        const base = page.getViewport({ scale: 1 });
        const viewport = page.getViewport({ scale: width / base.width });
        const c = canvas.current;
        if (!c || cancelled) return;
        const ratio = window.devicePixelRatio || 1;
        c.width = Math.floor(viewport.width * ratio);
        c.height = Math.floor(viewport.height * ratio);
        c.style.width = `${Math.floor(viewport.width)}px`;
        c.style.height = `${Math.floor(viewport.height)}px`;
        render = page.render({ canvas: c, viewport, transform: ratio !== 1 ? [ratio, 0, 0, ratio, 0, 0] : undefined });
        await withTimeout(render.promise, PAGE_TIMEOUT_MS, () => render?.cancel());
        if (!cancelled && first) c.scrollIntoView({ block: 'center' });
      } catch {
        if (!cancelled) setFailed(true);
      }
    })();
    return () => {
      cancelled = true;
      render?.cancel();
    };
  }, [doc, pageNumber, width, first]);
  if (failed) return <Alert type="warning" showIcon title={`Không vẽ được trang ${pageNumber}.`} style={{ marginBottom: 8 }} />;
  return (
    <div style={{ position: 'relative', width: 'fit-content', marginBottom: 8 }}>
      <canvas ref={canvas} style={{ display: 'block', boxShadow: '0 1px 4px rgba(0,0,0,.25)', background: '#fff' }} />
      {props.boxes && <HitBoxes boxes={props.boxes} />}
    </div>
  );
}
