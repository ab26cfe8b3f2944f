// The document's files: drop or pick to attach (with progress), stamp dấu ĐẾN on a PDF,
// preview PDFs and images, download anything.
import { DeleteOutlined, DownloadOutlined, EyeOutlined, InboxOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, App, Button, List, Popconfirm, Progress, Space, Tag, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import type { AttachmentRecord } from '../../../shared/api/attachments.js';
import { api, attachmentUrl, uploadFile } from '../../api/client';
import { PdfPreview } from '../../components/PdfPreview';

function size(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1).replace('.', ',')} MB` : `${Math.max(1, Math.round(n / 1024))} KB`;
}

const TEXT_LAYER: Record<Exclude<AttachmentRecord['textLayer'], null | 'text'>, { label: string; color?: string; title: string }> = {
  pending: { label: 'Đang đọc chữ…', title: 'Chữ trong tệp đang được đọc để tìm kiếm theo nội dung.' },
  no_text: {
    label: 'Bản quét — không có lớp chữ',
    color: 'orange',
    title: 'Tệp chỉ có hình ảnh: không tìm được theo nội dung tệp, chỉ theo thông tin trong sổ.',
  },
  failed: { label: 'Không đọc được chữ', title: 'Tệp có mật khẩu hoặc bị hỏng: không tìm được theo nội dung tệp.' },
  too_large: { label: 'Tệp quá lớn — không đọc chữ', title: 'Tệp trên 64 MB: không tìm được theo nội dung tệp.' },
};

function TextLayerTag({ mark }: { mark: AttachmentRecord['textLayer'] }) {
  if (!mark || mark === 'text') return null;
  const t = TEXT_LAYER[mark];
  return (
    <Tag color={t.color} title={t.title} data-testid="text-layer">
      {t.label}
    </Tag>
  );
}

export function AttachmentsPanel(props: { documentId: string; files: AttachmentRecord[]; canEdit: boolean; onChanged: () => void }) {
  const { message } = App.useApp();
  const [uploading, setUploading] = useState<{ name: string; percent: number } | null>(null);
  const [viewing, setViewing] = useState<AttachmentRecord | null>(null);
  const [url, setUrl] = useState<string | null>(null);
  const [stamping, setStamping] = useState<string | null>(null);

  // The text layer is read in the background: look again until every file has its mark.
  const reading = props.files.some((f) => f.textLayer === 'pending');
  const { onChanged } = props;
  useEffect(() => {
    if (!reading) return;
    const t = setTimeout(onChanged, 2000);
    return () => clearTimeout(t);
  }, [reading, props.files, onChanged]);

  // Show the newest stamped copy, else the first file, when the list changes.
  useEffect(() => {
    const pick = [...props.files].reverse().find((f) => f.role === 'stamped') ?? props.files[0] ?? null;
    setViewing((v) => (v && props.files.some((f) => f.id === v.id) ? v : pick));
  }, [props.files]);

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

  const upload = async (file: File) => {
    setUploading({ name: file.name, percent: 0 });
    try {
      const a = await uploadFile(props.documentId, file, (f) => setUploading({ name: file.name, percent: Math.round(f * 100) }));
      message.success(`Đã đính kèm “${a.name}”.`);
      props.onChanged();
    } catch (err) {
      message.error((err as Error).message);
    } finally {
      setUploading(null);
    }
  };

  const stamp = async (a: AttachmentRecord) => {
    setStamping(a.id);
    try {
      const s = await api.call('incoming.stamp', { documentId: props.documentId, attachmentId: a.id });
      message.success('Đã đóng dấu ĐẾN vào bản sao; bản gốc giữ nguyên.');
      props.onChanged();
      setViewing(s);
    } catch (err) {
      message.error((err as Error).message);
    } finally {
      setStamping(null);
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

  const download = async (a: AttachmentRecord) => {
    const u = await attachmentUrl(a.id);
    const link = document.createElement('a');
    link.href = u.url;
    link.download = a.name;
    link.click();
    setTimeout(u.revoke, 60_000);
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
          <p style={{ margin: 0 }}>Kéo thả tệp vào đây hoặc bấm để chọn (PDF, ảnh scan, Word, Excel, ODT)</p>
        </Upload.Dragger>
      )}
      {uploading && <Progress percent={uploading.percent} size="small" format={(p) => `${uploading.name} ${p}%`} />}
      <List
        size="small"
        dataSource={props.files}
        locale={{ emptyText: 'Chưa có tệp đính kèm.' }}
        renderItem={(a) => (
          <List.Item
            data-testid="attachment-row"
            style={{ background: viewing?.id === a.id ? '#f0f5ff' : undefined, paddingInline: 8 }}
            actions={[
              <Button key="v" size="small" icon={<EyeOutlined />} onClick={() => setViewing(a)} aria-label={`Xem ${a.name}`} />,
              <Button key="d" size="small" icon={<DownloadOutlined />} onClick={() => void download(a)} aria-label={`Tải về ${a.name}`} />,
              ...(props.canEdit && a.kind === 'pdf' && a.role === 'original'
                ? [
                    <Button
                      key="s"
                      size="small"
                      type="primary"
                      ghost
                      icon={<SafetyCertificateOutlined />}
                      loading={stamping === a.id}
                      onClick={() => void stamp(a)}
                    >
                      Đóng dấu ĐẾN
                    </Button>,
                  ]
                : []),
              ...(props.canEdit
                ? [
                    <Popconfirm key="r" title="Gỡ tệp này khỏi văn bản?" okText="Gỡ" cancelText="Không" onConfirm={() => void remove(a)}>
                      <Button size="small" danger icon={<DeleteOutlined />} aria-label={`Gỡ ${a.name}`} />
                    </Popconfirm>,
                  ]
                : []),
            ]}
          >
            <List.Item.Meta
              title={
                <Space size={4} wrap>
                  <Typography.Text>{a.name}</Typography.Text>
                  {a.role === 'stamped' && <Tag color="red">Bản có dấu ĐẾN</Tag>}
                  {a.signed && a.role === 'original' && <Tag color="green">Có chữ ký số</Tag>}
                  <TextLayerTag mark={a.textLayer} />
                </Space>
              }
              description={`${a.kind.toUpperCase()} · ${size(a.size)}${a.pages ? ` · ${a.pages} trang` : ''}`}
            />
          </List.Item>
        )}
      />
      {viewing?.role === 'stamped' && viewing.signed && (
        <Alert type="warning" showIcon style={{ margin: '8px 0' }} title="Bản có dấu đến — chữ ký số chỉ còn hiệu lực trên bản gốc." />
      )}
      {viewing && url && (
        <div style={{ marginTop: 12, maxHeight: 720, overflow: 'auto', background: '#eef0f3', padding: 12 }}>
          {viewing.kind === 'pdf' ? (
            <PdfPreview url={url} width={560} />
          ) : viewing.kind === 'image' ? (
            <img src={url} alt={viewing.name} style={{ maxWidth: '100%' }} />
          ) : (
            <Typography.Text type="secondary">Không xem trước được loại tệp này; hãy tải về để mở.</Typography.Text>
          )}
        </div>
      )}
    </div>
  );
}
