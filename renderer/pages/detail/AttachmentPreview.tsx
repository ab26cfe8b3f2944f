// The file being looked at: its bytes behind a short-lived URL, shown as a PDF, an image, or not at all.
import { App, Spin, Typography } from 'antd';
import { lazy, Suspense, useEffect, useState } from 'react';
import type { AttachmentRecord } from '../../../shared/api/attachments.js';
import { attachmentUrl } from '../../api/client';
import { HitBoxes, HitSummary } from '../../components/HitBoxes';
import { usePageHits, type FindOnPage } from '../../components/pageHits';

// pdf.js (1 MB, and its worker) loads when the first PDF is shown, not with the program.
const PdfPreview = lazy(() => import('../../components/PdfPreview').then((m) => ({ default: m.PdfPreview })));

/** A URL for the attachment's bytes while it is shown, revoked when another is shown. */
export function useAttachmentUrl(viewing: AttachmentRecord | null): string | null {
  const { message } = App.useApp();
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!viewing) return setUrl(null);
    let revoke = () => {};
    let live = true;
    attachmentUrl(viewing.id).then(
      (u) => {
        if (!live) return u.revoke();
        revoke = u.revoke;
        setUrl(u.url);
      },
      (err: Error) => message.error(err.message),
    );
    return () => {
      live = false;
      revoke();
      setUrl(null);
    };
  }, [viewing, message]);

  return url;
}

export function AttachmentPreview({
  attachment: viewing,
  url,
  find,
}: {
  attachment: AttachmentRecord;
  url: string;
  find?: FindOnPage | undefined;
}) {
  return (
    <div
      // A scrolling region takes focus so its pages scroll from the keyboard (axe: scrollable-region-focusable).
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
      tabIndex={0}
      role="region"
      aria-label={`Xem trước tệp ${viewing.name}`}
      style={{ marginTop: 12, maxHeight: 720, overflow: 'auto', background: '#eef0f3', padding: 12 }}
    >
      {viewing.kind === 'pdf' ? (
        <Suspense fallback={<Spin />}>
          <PdfPreview url={url} width={560} find={find} />
        </Suspense>
      ) : viewing.kind === 'image' ? (
        <ImagePreview url={url} name={viewing.name} find={find} />
      ) : (
        <Typography.Text type="secondary">Không xem trước được loại tệp này; hãy tải về để mở.</Typography.Text>
      )}
    </div>
  );
}

/** A picture (a photographed or scanned page), with a search's words marked where OCR read them. */
function ImagePreview({ url, name, find }: { url: string; name: string; find?: FindOnPage | undefined }) {
  const hits = usePageHits(find, null, true);
  return (
    <>
      {find && hits && <HitSummary q={find.q} hits={hits} />}
      <div style={{ position: 'relative', width: 'fit-content', maxWidth: '100%' }}>
        <img src={url} alt={name} style={{ maxWidth: '100%', display: 'block' }} />
        {hits?.[0] && <HitBoxes boxes={hits[0].boxes} />}
      </div>
    </>
  );
}
