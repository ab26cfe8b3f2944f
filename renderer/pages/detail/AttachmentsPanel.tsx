// The document's files: drop or pick to attach (with progress), stamp dấu ĐẾN on a PDF,
// (placed on a preview of page 1), preview PDFs and images, download anything.
import { InboxOutlined } from '../../components/icons';
import { App, Progress, Upload } from 'antd';
import { useEffect, useState } from 'react';
import type { AttachmentRecord } from '../../../shared/api/attachments.js';
import { api, openFile, uploadFile } from '../../api/client';
import { AttachmentPreview, useAttachmentUrl } from './AttachmentPreview';
import { AttachmentList } from './AttachmentList';
import { StampDialog } from './StampDialog';
import { SignaturePanel } from './SignaturePanel';
import type { FindOnPage } from '../../components/pageHits';

export function AttachmentsPanel(props: {
  documentId: string;
  files: AttachmentRecord[];
  canEdit: boolean;
  onChanged: () => void;
  focus?: FindOnPage | null;
}) {
  const { message } = App.useApp();
  const [uploading, setUploading] = useState<{ name: string; percent: number } | null>(null);
  const [viewing, setViewing] = useState<AttachmentRecord | null>(null);
  const [stamping, setStamping] = useState<AttachmentRecord | null>(null);

  // Text is read in the background (a text layer, then scans by OCR): look again until every file has its mark.
  const reading = props.files.some((f) => f.textLayer === 'pending' || f.textLayer === 'no_text' || f.ocr);
  const { onChanged } = props;
  useEffect(() => {
    if (!reading) return;
    const t = setTimeout(onChanged, 2000);
    return () => clearTimeout(t);
  }, [reading, props.files, onChanged]);

  // Show the file a search found words in, else the newest stamped copy, else the first file.
  const focusId = props.focus?.attachmentId;
  useEffect(() => {
    const found = props.files.find((f) => f.id === focusId);
    const pick = found ?? [...props.files].reverse().find((f) => f.role === 'stamped') ?? props.files[0] ?? null;
    setViewing((v) => (v && props.files.some((f) => f.id === v.id) ? v : pick));
  }, [props.files, focusId]);

  const url = useAttachmentUrl(viewing);

  const upload = async (file: File) => {
    setUploading({ name: file.name, percent: 0 });
    try {
      const a = await uploadFile(props.documentId, file, (f) => setUploading({ name: file.name, percent: Math.round(f * 100) }));
      if (a.notice) message.warning({ content: a.notice, duration: 12 });
      else message.success(`Đã đính kèm “${a.name}”.`);
      props.onChanged();
    } catch (err) {
      message.error((err as Error).message);
    } finally {
      setUploading(null);
    }
  };

  const remove = async (a: AttachmentRecord) => {
    try {
      await api.call('attachments.remove', { id: a.id });
      props.onChanged();
    } catch (err) {
      message.error((err as Error).message);
    }
  };

  // Recorded in Lịch sử truy cập; a PDF copy carries "Bản in/tải từ VănThư — họ tên — thời gian".
  const takeCopy = async (a: AttachmentRecord, purpose: 'download' | 'print') => {
    const key = `copy-${a.id}`;
    message.loading({
      key,
      content: purpose === 'print' ? `Đang chuẩn bị bản in ${a.name}…` : `Đang chuẩn bị tải ${a.name}…`,
      duration: 0,
    });
    try {
      await openFile('attachments.copy', { id: a.id, purpose }, purpose === 'download');
      message.destroy(key);
    } catch (err) {
      message.error({ key, content: (err as Error).message });
    }
  };

  return (
    <div>
      {props.canEdit && (
        <Upload.Dragger
          multiple
          showUploadList={false}
          disabled={uploading !== null}
          customRequest={() => undefined}
          beforeUpload={(file) => {
            void upload(file);
            return false;
          }}
          style={{ marginBottom: 12 }}
        >
          <p className="ant-upload-drag-icon" style={{ marginBottom: 4 }}>
            <InboxOutlined />
          </p>
          <p style={{ margin: 0 }}>Kéo thả tệp vào đây, hoặc bấm (Enter) để chọn tệp đính kèm (PDF, ảnh scan, Word, Excel, ODT)</p>
        </Upload.Dragger>
      )}
      {uploading && <Progress percent={uploading.percent} size="small" format={(p) => `${uploading.name} ${p}%`} />}
      <AttachmentList
        files={props.files}
        viewing={viewing}
        canEdit={props.canEdit}
        stamping={stamping?.id ?? null}
        onView={setViewing}
        onCopy={(a, purpose) => void takeCopy(a, purpose)}
        onStamp={setStamping}
        onRemove={(a) => void remove(a)}
        onChanged={props.onChanged}
      />
      {viewing?.signed && viewing.kind === 'pdf' && <SignaturePanel attachment={viewing} />}
      {viewing && url && (
        <AttachmentPreview attachment={viewing} url={url} find={props.focus?.attachmentId === viewing.id ? props.focus : undefined} />
      )}
      <StampDialog
        documentId={props.documentId}
        attachment={stamping}
        onClose={() => setStamping(null)}
        onStamped={(copy) => {
          setStamping(null);
          props.onChanged();
          setViewing(copy);
        }}
      />
    </div>
  );
}
