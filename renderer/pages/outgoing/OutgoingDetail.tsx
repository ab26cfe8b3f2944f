// An issued outgoing document: its register entry, the incoming documents it answers, its
// files (the signed copy), and Hủy, which keeps the number.
import { App, Button, Descriptions, Drawer, Input, List, Modal, Space, Tag, Typography } from 'antd';
import { useFocusReturn } from '../../hooks/useFocusReturn';
import { useCallback, useEffect, useState } from 'react';
import type { Me } from '../../../shared/api/admin.js';
import type { DocumentRecord } from '../../../shared/api/documents.js';
import type { AttachmentRecord } from '../../../shared/api/attachments.js';
import { formatDate } from '../../../shared/text/dates.js';
import { api } from '../../api/client';
import { AttachmentsPanel } from '../detail/AttachmentsPanel';
import { FileToDossier } from '../dossiers/FileToDossier';
import { mayCall } from '../../../shared/api/access.js';
import { SignDialog, capacitiesOf, signable } from '../detail/SignDialog';
import { HistoryTimeline } from '../detail/HistoryTimeline';
import { SendPanel } from '../exchange/SendPanel';
import type { HistoryEntry } from '../../../shared/api/handling.js';
import type { MethodOutput } from '../../../shared/api/contract.js';

export function OutgoingDetail(props: { doc: DocumentRecord | null; me: Me; onClose: () => void; onChanged: () => void }) {
  const { message } = App.useApp();
  const [doc, setDoc] = useState<DocumentRecord | null>(null);
  const [files, setFiles] = useState<AttachmentRecord[]>([]);
  const [signing, setSigning] = useState(false);
  const [history, setHistory] = useState<HistoryEntry[]>([]);
  const [versions, setVersions] = useState<MethodOutput<'outgoing.versions'> | null>(null);
  const [replies, setReplies] = useState<{ id: string; number: number; year: number; code: string; summary: string }[]>([]);
  const canEdit = mayCall(props.me, 'outgoing.cancel');
  const canAttach = mayCall(props.me, 'attachments.remove');
  const id = props.doc?.id ?? null;

  const load = useCallback(async () => {
    if (!id) return;
    const [d, f, r, h, v] = await Promise.all([
      api.call('outgoing.get', { id }),
      api.call('attachments.list', { documentId: id }),
      api.call('outgoing.replies', { id }),
      api.call('incoming.history', { id }),
      api.call('outgoing.versions', { id }),
    ]);
    setVersions(v);
    setDoc(d);
    setFiles(f);
    setReplies(r);
    setHistory(h);
  }, [id]);
  useEffect(() => {
    setDoc(props.doc);
    void load().catch((err: Error) => message.error(err.message));
  }, [props.doc, load, message]);

  const cancel = () => {
    let reason = '';
    Modal.confirm({
      title: `Hủy văn bản ${doc?.code}? Số này vẫn giữ, không cấp lại.`,
      content: <Input.TextArea autoFocus rows={3} placeholder="Lý do hủy" onChange={(e) => (reason = e.target.value)} />,
      okText: 'Hủy văn bản',
      okButtonProps: { danger: true },
      cancelText: 'Không',
      onOk: async () => {
        try {
          await api.call('outgoing.cancel', { id: doc!.id, reason });
          message.success('Đã hủy; số được giữ và đánh dấu hủy trong sổ.');
          props.onChanged();
          void load();
        } catch (err) {
          message.error((err as Error).message);
          throw err;
        }
      },
    });
  };

  const focusReturn = useFocusReturn(props.doc !== null, props.onClose);
  return (
    <Drawer
      {...focusReturn}
      open={props.doc !== null}
      onClose={props.onClose}
      size={900}
      title={doc ? `Văn bản đi ${doc.code}` : ''}
      extra={
        doc?.cancelled ? (
          <Tag>Đã hủy</Tag>
        ) : (
          canEdit &&
          doc && (
            <Button danger onClick={cancel}>
              Hủy văn bản
            </Button>
          )
        )
      }
    >
      {doc && (
        <>
          <Descriptions size="small" bordered column={2}>
            <Descriptions.Item label="Số, ký hiệu">{doc.code}</Descriptions.Item>
            <Descriptions.Item label="Ngày văn bản">{formatDate(doc.issuedDate)}</Descriptions.Item>
            <Descriptions.Item label="Trích yếu" span={2}>
              <Typography.Text strong>{doc.typeName}</Typography.Text> {doc.summary}
            </Descriptions.Item>
            <Descriptions.Item label="Người ký">
              {[doc.signerPrefix, doc.signerPosition, doc.signerName].filter(Boolean).join(' ')}
            </Descriptions.Item>
            <Descriptions.Item label="Số lượng bản">{doc.copies ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="Nơi nhận" span={2}>
              <span style={{ whiteSpace: 'pre-line' }}>{doc.recipientsText}</span>
            </Descriptions.Item>
            <Descriptions.Item label="Bản lưu" span={2}>
              {doc.keptCopies ?? '—'}
            </Descriptions.Item>
            {versions?.replaces && (
              <Descriptions.Item label="Thay thế văn bản" span={2}>
                {versions.replaces.code}
              </Descriptions.Item>
            )}
            {versions?.replacedBy && (
              <Descriptions.Item label="Đã được thay thế bởi" span={2}>
                <Tag color="orange">{versions.replacedBy.code}</Tag>
              </Descriptions.Item>
            )}
            {doc.cancelled && (
              <Descriptions.Item label="Đã hủy" span={2}>
                {doc.cancelReason}
              </Descriptions.Item>
            )}
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            Trả lời văn bản đến
          </Typography.Title>
          <List
            size="small"
            dataSource={replies}
            locale={{ emptyText: 'Không trả lời văn bản đến nào.' }}
            renderItem={(r) => (
              <List.Item>
                <Space>
                  <Tag>
                    Số đến {r.number}/{r.year}
                  </Tag>
                  {r.code} — {r.summary}
                </Space>
              </List.Item>
            )}
          />
          {!doc.cancelled && (
            <div style={{ marginTop: 16 }}>
              <FileToDossier documentId={doc.id} onFiled={() => void load()} />
            </div>
          )}
          <Space style={{ marginTop: 16 }} align="center">
            <Typography.Title level={5} style={{ margin: 0 }}>
              Tệp văn bản
            </Typography.Title>
            {!doc.cancelled && capacitiesOf(props.me, doc).length > 0 && signable(files, doc).length > 0 && (
              <Button onClick={() => setSigning(true)}>Ký số…</Button>
            )}
          </Space>
          <AttachmentsPanel documentId={doc.id} files={files} canEdit={canAttach && !doc.cancelled} onChanged={() => void load()} />
          <SignDialog
            open={signing}
            me={props.me}
            doc={doc}
            files={files}
            onClose={() => setSigning(false)}
            onSigned={() => {
              setSigning(false);
              void load();
            }}
          />
          <SendPanel doc={doc} me={props.me} onChanged={() => void load()} />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            Lịch sử
          </Typography.Title>
          <HistoryTimeline entries={history} />
        </>
      )}
    </Drawer>
  );
}
