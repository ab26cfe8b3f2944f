// Gửi liên thông on an issued outgoing document: pick the recipient organs that have a mã định
// danh, send; then per recipient the package's state and the latest status it sent back.
// Thu hồi (the document's own action, outgoing.recall) sends the revoke to every organ it went to;
// a văn bản đính chính is offered to the organs that had what it corrects. A secret document never goes.
import { Alert, App, Button, Modal, Select, Space, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { Me } from '../../../shared/api/admin.js';
import { mayCall } from '../../../shared/api/access.js';
import type { MethodOutput } from '../../../shared/api/contract.js';
import type { DocumentRecord } from '../../../shared/api/documents.js';
import { STATUS_LABELS } from '../../../shared/domain/exchange.js';
import { isSecret } from '../../../shared/domain/secrecy.js';
import { formatInstant } from '../../../shared/text/dates.js';
import { api } from '../../api/client';
import { isWithdrawn } from '../../../shared/domain/withdrawn.js';
import { StateTag } from './StateTag';

type Recipient = MethodOutput<'exchange.recipients'>[number];

export function SendPanel({
  doc,
  me,
  onChanged,
  corrects,
}: {
  doc: DocumentRecord;
  me: Me;
  onChanged: () => void;
  /** The document this one corrects: its recipients are picked first. */
  corrects?: string | undefined;
}) {
  const { message } = App.useApp();
  const [recipients, setRecipients] = useState<Recipient[]>([]);
  const [organs, setOrgans] = useState<{ value: string; label: string }[]>([]);
  const [picking, setPicking] = useState(false);
  const [picked, setPicked] = useState<string[]>([]);
  const [sending, setSending] = useState(false);
  const canSend = mayCall(me, 'exchange.send');
  const load = useCallback(async () => setRecipients(await api.call('exchange.recipients', { documentId: doc.id })), [doc.id]);
  useEffect(() => void load().catch(() => undefined), [load]);

  const openPicker = async () => {
    try {
      const list = await api.call('agencies.list');
      setOrgans(list.filter((a) => a.organId).map((a) => ({ value: a.organId!, label: `${a.name} (${a.organId})` })));
      const had = corrects ? await api.call('exchange.recipients', { documentId: corrects }) : [];
      setPicked(had.map((r) => r.organId));
      setPicking(true);
    } catch (err) {
      message.error((err as Error).message);
    }
  };
  const send = async () => {
    setSending(true);
    try {
      const sent = await api.call('exchange.send', { documentId: doc.id, organIds: picked });
      setPicking(false);
      // Straight out when a way is there; else it waits in the queue and says why.
      const r = await api.call('exchange.pump').catch(() => null);
      message.success(
        `Đã đóng gói cho ${sent.length} nơi nhận${r && r.sent ? '; đã gửi đi' : '; gói tin chờ gửi khi có đường liên thông'}.`,
      );
      await load();
      onChanged();
    } catch (err) {
      message.error((err as Error).message);
    } finally {
      setSending(false);
    }
  };
  if (isSecret(doc.confidentiality))
    return (
      <Alert
        type="info"
        showIcon
        style={{ marginTop: 16 }}
        title="Văn bản mật: không gửi liên thông điện tử (Luật Bảo vệ bí mật nhà nước 2018, Điều 5) — gửi bản giấy theo chế độ mật."
      />
    );
  const issued = !!doc.forwardedAt && !isWithdrawn(doc);
  return (
    <section style={{ marginTop: 16 }} aria-label="Gửi liên thông">
      <Space align="center">
        <Typography.Title level={5} style={{ margin: 0 }}>
          Liên thông điện tử
        </Typography.Title>
        {canSend && issued && (
          <Button onClick={() => void openPicker()} data-testid="exchange-send">
            Gửi liên thông…
          </Button>
        )}
      </Space>
      {recipients.length > 0 ? (
        <Table<Recipient>
          size="small"
          rowKey="organId"
          pagination={false}
          dataSource={recipients}
          style={{ marginTop: 8 }}
          data-testid="exchange-recipients"
          columns={[
            { title: 'Nơi nhận', key: 'name', render: (_, r) => `${r.name ?? ''} (${r.organId})` },
            { title: 'Gửi lúc', key: 'sent', width: 130, render: (_, r) => (r.sentAt ? formatInstant(r.sentAt) : '—') },
            {
              title: 'Gói tin',
              key: 'state',
              width: 200,
              render: (_, r) => (
                <>
                  <StateTag m={r} />
                  {r.error && <Typography.Text type="danger">{r.error}</Typography.Text>}
                </>
              ),
            },
            {
              title: 'Nơi nhận báo',
              key: 'status',
              width: 260,
              render: (_, r) =>
                r.statusCode ? (
                  <>
                    <strong>
                      {r.statusCode} {STATUS_LABELS[r.statusCode]}
                    </strong>
                    {r.statusAt && ` · ${formatInstant(r.statusAt)}`}
                    {r.description && <Typography.Text type="secondary"> — {r.description}</Typography.Text>}
                  </>
                ) : (
                  '—'
                ),
            },
          ]}
        />
      ) : (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {issued
            ? 'Chưa gửi liên thông điện tử cho nơi nào.'
            : isWithdrawn(doc)
              ? 'Văn bản đã hủy hoặc thu hồi: không gửi liên thông.'
              : 'Phát hành rồi mới gửi liên thông được.'}
        </Typography.Paragraph>
      )}
      <Modal
        open={picking}
        title={`Gửi liên thông văn bản ${doc.code}`}
        okText="Gửi"
        cancelText="Đóng"
        okButtonProps={{ disabled: picked.length === 0, loading: sending }}
        onOk={() => void send()}
        onCancel={() => setPicking(false)}
      >
        <Typography.Paragraph>Gửi bản đã ký số và tệp kèm theo tới các cơ quan có mã định danh trong Danh mục:</Typography.Paragraph>
        <Select
          mode="multiple"
          autoFocus
          style={{ width: '100%' }}
          options={organs}
          value={picked}
          onChange={setPicked}
          optionFilterProp="label"
          placeholder="Gõ tên cơ quan để chọn"
          aria-label="Nơi nhận liên thông"
          notFoundContent="Chưa có cơ quan nào có mã định danh (Danh mục → Mã định danh cơ quan)."
        />
      </Modal>
    </section>
  );
}
