// One incoming document, everything about it: its register entry, files and preview, the
// handling slip, and its history.
import { AccessHistory } from '../access/AccessHistory';
import { EditOutlined } from '../../components/icons';
import { Alert, App, Button, Col, Descriptions, Drawer, Row, Space, Spin, Tag, Typography } from 'antd';
import { useFocusReturn } from '../../hooks/useFocusReturn';
import { useCallback, useEffect, useState } from 'react';
import type { Me } from '../../../shared/api/admin.js';
import type { DocumentRecord } from '../../../shared/api/documents.js';
import type { AttachmentRecord } from '../../../shared/api/attachments.js';
import type { Handling, HistoryEntry } from '../../../shared/api/handling.js';
import { CONFIDENTIALITY_LABELS, URGENCY_LABELS } from '../../../shared/domain/enums.js';
import { formatDate, formatInstant } from '../../../shared/text/dates.js';
import { api } from '../../api/client';
import { FileToDossier } from '../dossiers/FileToDossier';
import type { FindOnPage } from '../../components/pageHits';
import { AttachmentsPanel } from './AttachmentsPanel';
import { SignDialog, capacitiesOf, signable } from './SignDialog';
import { HandlingSlip } from './HandlingSlip';
import { HistoryTimeline } from './HistoryTimeline';
import { mayCall } from '../../../shared/api/access.js';
import { isSecret, SECRET_MASKED_NOTICE } from '../../../shared/domain/secrecy.js';

interface Loaded {
  doc: DocumentRecord;
  files: AttachmentRecord[];
  /** Null for a secret document shown masked: its handling is its content. */
  handling: Handling | null;
  history: HistoryEntry[];
}

export function DocumentDetail(props: {
  documentId: string | null;
  me: Me;
  onClose: () => void;
  onEdit?: (doc: DocumentRecord) => void;
  onChanged?: () => void;
  /** A search hit inside one of its files: that file is shown at the words found. */
  focus?: FindOnPage | null;
}) {
  const { message } = App.useApp();
  const [data, setData] = useState<Loaded | null>(null);
  const [signing, setSigning] = useState(false);
  const id = props.documentId;
  const canEdit = mayCall(props.me, 'incoming.update');
  const canAttach = mayCall(props.me, 'attachments.remove');

  const load = useCallback(async () => {
    if (!id) return;
    try {
      const doc = await api.call('incoming.get', { id });
      if (doc.masked) {
        setData({ doc, files: [], handling: null, history: [] });
        return;
      }
      const [files, handling, history] = await Promise.all([
        api.call('attachments.list', { documentId: id }),
        api.call('incoming.handling', { id }),
        api.call('incoming.history', { id }),
      ]);
      setData({ doc, files, handling, history });
    } catch (err) {
      message.error((err as Error).message);
    }
  }, [id, message]);

  useEffect(() => {
    setData(null);
    void load();
  }, [load]);

  const changed = () => {
    void load();
    props.onChanged?.();
  };

  const doc = data?.doc;
  const focusReturn = useFocusReturn(id !== null, props.onClose);
  return (
    <Drawer
      {...focusReturn}
      open={id !== null}
      onClose={props.onClose}
      size={1180}
      title={doc ? `Văn bản đến số ${doc.number}/${doc.year} — ${doc.code}` : 'Văn bản đến'}
      extra={
        doc && (
          <Space>
            {data.handling?.overdue && <Tag color="red">Quá hạn</Tag>}
            {isSecret(doc.confidentiality) && <Tag color="volcano">{CONFIDENTIALITY_LABELS[doc.confidentiality]}</Tag>}
            {doc.cancelled && <Tag>Đã hủy</Tag>}
            {canEdit && props.onEdit && !doc.cancelled && !doc.masked && (
              <Button icon={<EditOutlined />} onClick={() => props.onEdit!(doc)}>
                Sửa
              </Button>
            )}
          </Space>
        )
      }
    >
      {!data || !doc ? (
        <Spin />
      ) : (
        <Row gutter={16}>
          <Col span={13}>
            <Descriptions size="small" column={2} bordered style={{ marginBottom: 16 }}>
              <Descriptions.Item label="Ngày đến">{formatInstant(doc.receivedAt)}</Descriptions.Item>
              <Descriptions.Item label="Số đến">
                <strong>{doc.number}</strong> ({doc.bookName})
              </Descriptions.Item>
              <Descriptions.Item label="Tác giả" span={2}>
                {doc.agencyName}
              </Descriptions.Item>
              <Descriptions.Item label="Số, ký hiệu">{doc.code}</Descriptions.Item>
              <Descriptions.Item label="Ngày văn bản">{formatDate(doc.issuedDate)}</Descriptions.Item>
              <Descriptions.Item label="Trích yếu" span={2}>
                <Typography.Text strong>{doc.typeName}</Typography.Text> {doc.summary}
              </Descriptions.Item>
              <Descriptions.Item label="Độ khẩn">{URGENCY_LABELS[doc.urgency]}</Descriptions.Item>
              <Descriptions.Item label="Độ mật">{CONFIDENTIALITY_LABELS[doc.confidentiality]}</Descriptions.Item>
              <Descriptions.Item label="Hạn giải quyết">{formatDate(doc.deadline) || '—'}</Descriptions.Item>
              <Descriptions.Item label="Số trang">{doc.pages ?? '—'}</Descriptions.Item>
              {doc.notes && (
                <Descriptions.Item label="Ghi chú" span={2}>
                  {doc.notes}
                </Descriptions.Item>
              )}
            </Descriptions>
            {doc.masked && <Alert type="info" showIcon title={SECRET_MASKED_NOTICE} style={{ marginBottom: 12 }} />}
            {doc.cancelled && (
              <Alert
                type="warning"
                showIcon
                title={`Văn bản đã hủy${doc.cancelReason ? `: ${doc.cancelReason}` : ''}. Số đến ${doc.number} không được dùng lại.`}
                style={{ marginBottom: 12 }}
              />
            )}
            {!doc.masked && (
              <>
                <Space align="center" style={{ marginBottom: 8 }}>
                  <Typography.Title level={5} style={{ margin: 0 }}>
                    Tệp đính kèm
                  </Typography.Title>
                  {!doc.cancelled && capacitiesOf(props.me, doc).length > 0 && signable(data.files, doc).length > 0 && (
                    <Button size="small" onClick={() => setSigning(true)}>
                      Ký số dấu đến…
                    </Button>
                  )}
                </Space>
                <AttachmentsPanel
                  documentId={doc.id}
                  files={data.files}
                  canEdit={canAttach && !doc.cancelled}
                  onChanged={changed}
                  focus={props.focus ?? null}
                />
                <SignDialog
                  open={signing}
                  me={props.me}
                  doc={doc}
                  files={data.files}
                  onClose={() => setSigning(false)}
                  onSigned={() => {
                    setSigning(false);
                    changed();
                  }}
                />
              </>
            )}
          </Col>
          <Col span={11}>
            {!doc.cancelled && data.handling && (
              <HandlingSlip documentId={doc.id} deadline={doc.deadline} handling={data.handling} me={props.me} onChanged={changed} />
            )}
            {!doc.cancelled && !doc.masked && (
              <div style={{ marginTop: 16 }}>
                <FileToDossier documentId={doc.id} onFiled={changed} />
              </div>
            )}
            {!doc.masked && (
              <>
                <Typography.Title level={5} style={{ marginTop: 16 }}>
                  Quá trình xử lý
                </Typography.Title>
                <HistoryTimeline entries={data.history} />
              </>
            )}
            <AccessHistory me={props.me} target={{ documentId: doc.id }} />
          </Col>
        </Row>
      )}
    </Drawer>
  );
}
