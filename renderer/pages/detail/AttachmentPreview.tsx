// The file being looked at: its bytes behind a short-lived URL, shown as a PDF, an image, or not at all.
import { App, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { AttachmentRecord } from '../../../shared/api/attachments.js';
import { attachmentUrl } from '../../api/client';
import { PdfPreview } from '../../components/PdfPreview';

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

export function AttachmentPreview({ attachment: viewing, url }: { attachment: AttachmentRecord; url: string }) {
  return (
    <div style={{ marginTop: 12, maxHeight: 720, overflow: 'auto', background: '#eef0f3', padding: 12 }}>
      {viewing.kind === 'pdf' ? (
        <PdfPreview url={url} width={560} />
      ) : viewing.kind === 'image' ? (
        <img src={url} alt={viewing.name} style={{ maxWidth: '100%' }} />
      ) : (
        <Typography.Text type="secondary">Không xem trước được loại tệp này; hãy tải về để mở.</Typography.Text>
      )}
    </div>
  );
}
