// The files of a document, each with what may be done to it: view, download, print (a PDF), stamp
// (a PDF original), detach.
import { DeleteOutlined, DownloadOutlined, EyeOutlined, PrinterOutlined, SafetyCertificateOutlined } from '../../components/icons';
import { Button, List, Popconfirm, Space, Tag, Typography } from 'antd';
import type { AttachmentRecord } from '../../../shared/api/attachments.js';
import { TextLayerTag } from './TextLayerTag';
import { SignatureBadge } from './SignaturePanel';

/** A file size as a clerk reads it. */
function size(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1).replace('.', ',')} MB` : `${Math.max(1, Math.round(n / 1024))} KB`;
}

export function AttachmentList(props: {
  files: AttachmentRecord[];
  viewing: AttachmentRecord | null;
  canEdit: boolean;
  /** The original being stamped now, if any. */
  stamping: string | null;
  onView: (a: AttachmentRecord) => void;
  /** A copy taken out: saved, or opened to print (a PDF carries the office's mark). */
  onCopy: (a: AttachmentRecord, purpose: 'download' | 'print') => void;
  onStamp: (a: AttachmentRecord) => void;
  onRemove: (a: AttachmentRecord) => void;
  /** OCR stopped or started again. */
  onChanged?: () => void;
}) {
  return (
    <List
      size="small"
      dataSource={props.files}
      locale={{ emptyText: 'Chưa có tệp đính kèm.' }}
      renderItem={(a) => (
        <List.Item
          data-testid="attachment-row"
          style={{ background: props.viewing?.id === a.id ? '#f0f5ff' : undefined, paddingInline: 8 }}
          actions={[
            <Button key="v" size="small" icon={<EyeOutlined />} onClick={() => props.onView(a)} aria-label={`Xem ${a.name}`} />,
            <Button
              key="d"
              size="small"
              icon={<DownloadOutlined />}
              onClick={() => props.onCopy(a, 'download')}
              aria-label={`Tải về ${a.name}`}
            />,
            ...(a.kind === 'pdf'
              ? [
                  <Button
                    key="p"
                    size="small"
                    icon={<PrinterOutlined />}
                    onClick={() => props.onCopy(a, 'print')}
                    aria-label={`In ${a.name}`}
                  />,
                ]
              : []),
            // An original stamped already keeps its one stamped copy (the backend refuses a second).
            // A password-protected one cannot be stamped: its tag says what to do instead.
            ...(props.canEdit &&
            a.kind === 'pdf' &&
            a.role === 'original' &&
            a.textLayer !== 'encrypted' &&
            !props.files.some((f) => f.parentId === a.id)
              ? [
                  <Button
                    key="s"
                    size="small"
                    type="primary"
                    ghost
                    icon={<SafetyCertificateOutlined />}
                    loading={props.stamping === a.id}
                    onClick={() => props.onStamp(a)}
                  >
                    Đóng dấu ĐẾN
                  </Button>,
                ]
              : []),
            // A signed copy is the record of what was issued: never taken off (the backend refuses too).
            ...(props.canEdit && a.role !== 'signed'
              ? [
                  <Popconfirm key="r" title="Gỡ tệp này khỏi văn bản?" okText="Gỡ" cancelText="Không" onConfirm={() => props.onRemove(a)}>
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
                {a.role === 'signed' && <Tag color="blue">Bản ký số</Tag>}
                {a.signed && a.kind === 'pdf' && <SignatureBadge attachment={a} />}
                <TextLayerTag file={a} {...(props.onChanged ? { onChanged: props.onChanged } : {})} />
              </Space>
            }
            description={`${a.kind.toUpperCase()} · ${size(a.size)}${a.pages ? ` · ${a.pages} trang` : ''}`}
          />
        </List.Item>
      )}
    />
  );
}
