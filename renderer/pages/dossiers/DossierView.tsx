// One dossier: its data (dates and counts follow its items), the item list (mục lục văn bản)
// to reorder by dragging or with the arrows, and the steps: kết thúc, mở lại, nộp lưu, print,
// export the handover package.
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, HolderOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Drawer, Form, Input, InputNumber, Modal, Popconfirm, Space, Table, Tag, Upload } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { Me } from '../../../shared/api/admin.js';
import { DOSSIER_STATUS_LABELS, retentionLabel, type DossierRecord } from '../../../shared/api/dossiers.js';
import { formatDate } from '../../../shared/text/dates.js';
import { api, openFile, uploadFile } from '../../api/client';
import { DateInput, dateRule, toIsoDate } from '../../components/DateInput';
import { mayCall } from '../../../shared/api/access.js';
import { fieldRule, maxLengthOf } from '../../components/contractRules';
import { addItemsInput } from '../../../shared/api/dossiers.js';

/** A document filed by hand (not from the registers), as the contract takes it. */
const freeItem = addItemsInput.shape.free.unwrap();

type Item = DossierRecord['items'][number];

export function DossierView({ id, me, onClose, onChanged }: { id: string | null; me: Me; onClose: () => void; onChanged: () => void }) {
  const { message } = App.useApp();
  const [d, setD] = useState<DossierRecord | null>(null);
  const [dragging, setDragging] = useState<string | null>(null);
  const load = useCallback(async () => {
    if (id) setD(await api.call('dossiers.get', { id }));
  }, [id]);
  useEffect(() => {
    setD(null);
    void load().catch((e: Error) => message.error(e.message));
  }, [load, message]);

  const run = async (fn: () => Promise<DossierRecord | DossierRecord[] | void>, done?: string) => {
    try {
      const r = await fn();
      if (r && !Array.isArray(r)) setD(r);
      else await load();
      if (done) message.success(done);
      onChanged();
    } catch (err) {
      message.error((err as Error).message);
    }
  };

  const move = (items: Item[], from: number, to: number) => {
    if (to < 0 || to >= items.length || from === to) return;
    const order = items.map((i) => i.id);
    const [x] = order.splice(from, 1);
    order.splice(to, 0, x!);
    void run(() => api.call('dossiers.reorder', { dossierId: d!.id, itemIds: order }));
  };

  const open = d?.status === 'mo';
  const reopen = () => {
    let reason = '';
    Modal.confirm({
      title: `Mở lại hồ sơ ${d!.notation}?`,
      content: <Input.TextArea rows={3} placeholder="Lý do mở lại (ghi vào nhật ký)" onChange={(e) => (reason = e.target.value)} />,
      okText: 'Mở lại',
      cancelText: 'Không',
      onOk: () => run(() => api.call('dossiers.reopen', { id: d!.id, reason }), 'Đã mở lại hồ sơ.'),
    });
  };

  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={1100}
      title={d ? `Hồ sơ ${d.notation} — ${d.title}` : 'Hồ sơ'}
      extra={d && <Tag color={open ? 'blue' : d.status === 'nop_luu' ? 'purple' : 'green'}>{DOSSIER_STATUS_LABELS[d.status]}</Tag>}
    >
      {d && (
        <>
          {d.handoverWarning && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title={`Sắp đến hạn nộp lưu (${formatDate(d.handoverDue)}): hãy nộp hồ sơ vào lưu trữ cơ quan.`}
            />
          )}
          <Descriptions size="small" bordered column={3} style={{ marginBottom: 12 }}>
            <Descriptions.Item label="Mã hồ sơ">{d.fullCode}</Descriptions.Item>
            <Descriptions.Item label="Thời hạn bảo quản">{retentionLabel(d.retention)}</Descriptions.Item>
            <Descriptions.Item label="Người lập">{d.keeperName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="Thời gian">
              {d.startDate ? `${formatDate(d.startDate)} – ${formatDate(d.endDate)}` : '—'}
            </Descriptions.Item>
            <Descriptions.Item label="Số văn bản">{d.documentCount}</Descriptions.Item>
            <Descriptions.Item label="Số trang">{d.pageCount}</Descriptions.Item>
          </Descriptions>
          <Space wrap style={{ marginBottom: 12 }}>
            {open && (
              <Popconfirm
                title="Kết thúc hồ sơ? Sau đó mục lục chỉ đọc."
                okText="Kết thúc"
                cancelText="Không"
                onConfirm={() => void run(() => api.call('dossiers.close', { id: d.id }), 'Đã kết thúc hồ sơ.')}
              >
                <Button type="primary">Kết thúc hồ sơ</Button>
              </Popconfirm>
            )}
            {d.status === 'ket_thuc' && mayCall(me, 'dossiers.reopen') && <Button onClick={reopen}>Mở lại (quản trị)</Button>}
            {d.status === 'ket_thuc' && mayCall(me, 'archive.handover') && (
              <Popconfirm
                title="Nộp hồ sơ vào lưu trữ cơ quan?"
                okText="Nộp lưu"
                cancelText="Không"
                onConfirm={() => void run(() => api.call('archive.handover', { dossierIds: [d.id] }), 'Đã nộp lưu.')}
              >
                <Button>Nộp lưu</Button>
              </Popconfirm>
            )}
            <Button onClick={() => void openFile('dossiers.print', { id: d.id }, false).catch((e: Error) => message.error(e.message))}>
              In bìa và mục lục
            </Button>
            {d.status !== 'mo' && (
              <>
                <Button
                  onClick={() =>
                    void openFile('archive.handoverList', { dossierIds: [d.id] }, false).catch((e: Error) => message.error(e.message))
                  }
                >
                  Mục lục nộp lưu, biên bản
                </Button>
                <Button
                  onClick={() =>
                    void openFile('archive.exportPackage', { dossierIds: [d.id] }, true).catch((e: Error) => message.error(e.message))
                  }
                >
                  Xuất gói nộp lưu (.zip)
                </Button>
              </>
            )}
          </Space>
          {open && <FreeItemButton dossierId={d.id} onAdded={(r) => (setD(r), onChanged())} />}
          <Table<Item>
            size="small"
            bordered
            rowKey="id"
            pagination={false}
            dataSource={d.items}
            locale={{ emptyText: 'Hồ sơ chưa có văn bản. Mở một văn bản và bấm “Lưu vào hồ sơ”.' }}
            onRow={(item, index) =>
              open
                ? {
                    draggable: true,
                    onDragStart: () => setDragging(item.id),
                    onDragOver: (e) => e.preventDefault(),
                    onDrop: () => {
                      const from = d.items.findIndex((i) => i.id === dragging);
                      setDragging(null);
                      move(d.items, from, index ?? 0);
                    },
                  }
                : {}
            }
            columns={[
              {
                title: '',
                key: 'h',
                width: 30,
                render: () => (open ? <HolderOutlined style={{ cursor: 'grab', color: '#999' }} /> : null),
              },
              { title: 'STT', dataIndex: 'position', width: 50, align: 'center' },
              { title: 'Số, ký hiệu văn bản', dataIndex: 'code', width: 150 },
              { title: 'Ngày tháng năm văn bản', dataIndex: 'date', width: 110, render: (v: string | null) => formatDate(v) },
              { title: 'Tên loại và trích yếu nội dung', dataIndex: 'summary' },
              { title: 'Tác giả văn bản', dataIndex: 'author', width: 180 },
              { title: 'Số trang', dataIndex: 'pages', width: 70, align: 'center' },
              { title: 'Ghi chú', key: 'n', width: 100, render: (_, i) => (i.primaryFiling ? i.notes : <Tag>Tham chiếu</Tag>) },
              ...(open
                ? [
                    {
                      title: '',
                      key: 'act',
                      width: 110,
                      render: (_: unknown, item: Item, index: number) => (
                        <Space size={2}>
                          <Button
                            size="small"
                            icon={<ArrowUpOutlined />}
                            aria-label="Lên"
                            disabled={index === 0}
                            onClick={() => move(d.items, index, index - 1)}
                          />
                          <Button
                            size="small"
                            icon={<ArrowDownOutlined />}
                            aria-label="Xuống"
                            disabled={index === d.items.length - 1}
                            onClick={() => move(d.items, index, index + 1)}
                          />
                          <Button
                            size="small"
                            danger
                            icon={<DeleteOutlined />}
                            aria-label="Bỏ khỏi hồ sơ"
                            onClick={() => void run(() => api.call('dossiers.removeItem', { itemId: item.id }))}
                          />
                        </Space>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </>
      )}
    </Drawer>
  );
}

/** Thêm văn bản khác: an item that is not in the registers, with its own data and file. */
function FreeItemButton({ dossierId, onAdded }: { dossierId: string; onAdded: (d: DossierRecord) => void }) {
  const { message } = App.useApp();
  const [openForm, setOpenForm] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [form] = Form.useForm<{ code: string; date: string; author: string; summary: string; pages?: number }>();
  const save = async () => {
    const v = await form.validateFields();
    try {
      const attachment = file ? await uploadFile(dossierId, file) : null;
      const d = await api.call('dossiers.addItems', {
        dossierId,
        free: {
          code: v.code,
          date: toIsoDate(v.date) ?? v.date,
          author: v.author,
          summary: v.summary,
          pages: v.pages ?? null,
          attachmentId: attachment?.id ?? null,
        },
      });
      onAdded(d);
      setOpenForm(false);
    } catch (err) {
      message.error((err as Error).message);
    }
  };
  return (
    <>
      <Button style={{ marginBottom: 8 }} onClick={() => (form.resetFields(), setFile(null), setOpenForm(true))}>
        Thêm văn bản khác (không có trong sổ)
      </Button>
      <Modal
        open={openForm}
        title="Thêm văn bản khác vào hồ sơ"
        okText="Thêm"
        cancelText="Đóng"
        onOk={() => void save()}
        onCancel={() => setOpenForm(false)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Space>
            <Form.Item name="code" label="Số, ký hiệu" required rules={[fieldRule(freeItem.shape.code)]}>
              <Input maxLength={maxLengthOf(freeItem.shape.code)} />
            </Form.Item>
            <Form.Item name="date" label="Ngày tháng văn bản" rules={[dateRule('ngày tháng văn bản', true)]}>
              <DateInput />
            </Form.Item>
            <Form.Item name="pages" label="Số trang">
              <InputNumber min={1} />
            </Form.Item>
          </Space>
          <Form.Item name="author" label="Tác giả văn bản" required rules={[fieldRule(freeItem.shape.author)]}>
            <Input maxLength={maxLengthOf(freeItem.shape.author)} />
          </Form.Item>
          <Form.Item name="summary" label="Tên loại và trích yếu nội dung" required rules={[fieldRule(freeItem.shape.summary)]}>
            <Input.TextArea rows={2} maxLength={maxLengthOf(freeItem.shape.summary)} />
          </Form.Item>
          <Upload beforeUpload={(f) => (setFile(f), false)} maxCount={1} onRemove={() => setFile(null)}>
            <Button>Chọn tệp (PDF, ảnh scan…)</Button>
          </Upload>
        </Form>
      </Modal>
    </>
  );
}
