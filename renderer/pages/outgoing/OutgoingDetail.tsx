// An issued outgoing document: its register entry, the incoming documents it answers, its
// files (the signed copy), its versions (thay thế, đính chính); Hủy, which keeps the number, and
// Thu hồi, which withdraws an issued document (kept, frozen; revoked where it went electronically).
import { AccessHistory } from '../access/AccessHistory';
import { App, Button, Descriptions, Drawer, List, Space, Tag, Typography } from 'antd';
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
import { askReason } from '../../components/askReason';
import { isWithdrawn, withdrawnNote } from '../../../shared/domain/withdrawn.js';
import type { HistoryEntry } from '../../../shared/api/handling.js';
import type { MethodOutput } from '../../../shared/api/contract.js';

export function OutgoingDetail(props: { doc: DocumentRecord | null; me: Me; onClose: () => void; onChanged: () => void }) {
  const { message, modal } = App.useApp();
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

  const withReason = (how: { title: string; label: string; okText: string; done: string; call: (reason: string) => Promise<unknown> }) =>
    askReason(modal, {
      title: how.title,
      label: how.label,
      okText: how.okText,
      danger: true,
      onOk: async (reason) => {
        try {
          await how.call(reason);
          message.success(how.done);
          props.onChanged();
          void load();
        } catch (err) {
          message.error((err as Error).message);
          throw err;
        }
      },
    });
  const cancel = () =>
    withReason({
      title: `Hủy văn bản ${doc?.code}? Số này vẫn giữ, không cấp lại.`,
      label: 'lý do hủy',
      okText: 'Hủy văn bản',
      done: 'Đã hủy; số được giữ và đánh dấu hủy trong sổ.',
      call: (reason) => api.call('outgoing.cancel', { id: doc!.id, reason }),
    });
  const recall = () =>
    withReason({
      title: `Thu hồi văn bản ${doc?.code}? Văn bản vẫn ở trong sổ (gạch ngang, ghi lý do), tệp được giữ; không ký, gửi được nữa.${
        doc?.receipts?.length ? ' Mọi nơi đã nhận qua liên thông được báo thu hồi.' : ''
      }`,
      label: 'lý do thu hồi',
      okText: 'Thu hồi',
      done: 'Đã thu hồi văn bản.',
      call: async (reason) => {
        await api.call('outgoing.recall', { id: doc!.id, reason });
        if (doc?.receipts?.length) await api.call('exchange.pump').catch(() => null);
      },
    });
  const withdrawn = doc ? isWithdrawn(doc) : false;

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
        ) : doc?.recalledAt ? (
          <Tag color="red">Đã thu hồi</Tag>
        ) : (
          canEdit &&
          doc && (
            <Space>
              {doc.status === 'phat_hanh' && mayCall(props.me, 'outgoing.recall') && !versions?.replacedBy && (
                <Button danger onClick={recall}>
                  Thu hồi văn bản
                </Button>
              )}
              <Button danger onClick={cancel}>
                Hủy văn bản
              </Button>
            </Space>
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
            {versions?.corrects && (
              <Descriptions.Item label="Đính chính văn bản" span={2}>
                {versions.corrects.code}
              </Descriptions.Item>
            )}
            {versions && versions.correctedBy.length > 0 && (
              <Descriptions.Item label="Đã được đính chính bởi" span={2}>
                {versions.correctedBy.map((c) => (
                  <Tag key={c.id} color="blue">
                    {c.code}
                  </Tag>
                ))}
              </Descriptions.Item>
            )}
            {doc.cancelled && (
              <Descriptions.Item label="Đã hủy" span={2}>
                {doc.cancelReason}
              </Descriptions.Item>
            )}
            {doc.recalledAt && (
              <Descriptions.Item label="Đã thu hồi" span={2}>
                <span data-testid="recalled">{withdrawnNote(doc)}</span>
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
            {!withdrawn && capacitiesOf(props.me, doc).length > 0 && signable(files, doc).length > 0 && (
              <Button onClick={() => setSigning(true)}>Ký số…</Button>
            )}
          </Space>
          <AttachmentsPanel documentId={doc.id} files={files} canEdit={canAttach && !withdrawn} onChanged={() => void load()} />
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
          <SendPanel doc={doc} me={props.me} onChanged={() => void load()} corrects={versions?.corrects?.id} />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            Lịch sử
          </Typography.Title>
          <HistoryTimeline entries={history} />
          <AccessHistory me={props.me} target={{ documentId: doc.id }} />
        </>
      )}
    </Drawer>
  );
}
