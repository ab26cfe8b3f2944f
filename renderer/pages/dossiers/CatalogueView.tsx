// Danh mục hồ sơ of a year: headings (I, II… and 1, 2…) with their planned dossiers; add,
// copy from last year, print; open a dossier from its line.
import { FolderOpenOutlined, PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Modal, Select, Space, Table } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { Me } from '../../../shared/api/admin.js';
import { RETENTION_OPTIONS, retentionLabel, type Catalogue } from '../../../shared/api/dossiers.js';
import { api, openFile } from '../../api/client';
import { useLookup } from '../../hooks/useLookup';
import { mayCall } from '../../../shared/api/access.js';
import { fieldRule } from '../../components/contractRules';
import { entryInput, headingInput } from '../../../shared/api/dossiers.js';

type Row = {
  key: string;
  kind: 'heading' | 'entry';
  label: string;
  title: string;
  retention?: string;
  keeper?: string | null;
  entryId?: string;
  dossierId?: string | null;
  level?: number;
};

/** The heading dialog's fields and the dossier dialog's, in one form (one dialog at a time). */
interface CatalogueFormValues {
  parentId?: string;
  title: string;
  abbreviation?: string;
  headingId: string;
  retention: string;
  keeperId?: string;
  notes?: string;
}

export function CatalogueView({ me, year, onOpenDossier }: { me: Me; year: number; onOpenDossier: (id: string) => void }) {
  const { message } = App.useApp();
  const [cat, setCat] = useState<Catalogue | null>(null);
  const users = useLookup('staff').rows;
  const [dialog, setDialog] = useState<null | 'heading' | 'entry'>(null);
  const [form] = Form.useForm<CatalogueFormValues>();
  const canEdit = mayCall(me, 'catalogue.saveEntry');

  const load = useCallback(async () => setCat(await api.call('catalogue.get', { year })), [year]);
  useEffect(() => {
    load().catch((err: Error) => message.error(err.message));
  }, [load, message]);

  const run = async (fn: () => Promise<unknown>, done?: string) => {
    try {
      await fn();
      if (done) message.success(done);
      await load();
      return true;
    } catch (err) {
      message.error((err as Error).message);
      return false;
    }
  };

  const rows: Row[] = [];
  for (const large of cat?.headings.filter((h) => h.level === 1) ?? []) {
    const entries = (hid: string) =>
      (cat?.entries ?? [])
        .filter((e) => e.headingId === hid)
        .map<Row>((e) => ({
          key: e.id,
          kind: 'entry',
          label: e.code,
          title: e.title,
          retention: e.retention,
          keeper: e.keeperName,
          entryId: e.id,
          dossierId: e.dossierId,
        }));
    rows.push(
      { key: large.id, kind: 'heading', label: large.label, title: large.title.toLocaleUpperCase('vi'), level: 1 },
      ...entries(large.id),
    );
    for (const small of cat!.headings.filter((h) => h.parentId === large.id))
      rows.push({ key: small.id, kind: 'heading', label: small.label, title: small.title, level: 2 }, ...entries(small.id));
  }

  const save = async () => {
    const v = await form.validateFields();
    const ok =
      dialog === 'heading'
        ? await run(() =>
            api.call('catalogue.saveHeading', {
              year,
              level: v.parentId ? 2 : 1,
              parentId: v.parentId ?? null,
              title: v.title,
              abbreviation: v.abbreviation ?? null,
            }),
          )
        : await run(() =>
            api.call('catalogue.saveEntry', {
              year,
              headingId: v.headingId,
              title: v.title,
              retention: v.retention,
              keeperId: v.keeperId ?? null,
              notes: v.notes ?? null,
            }),
          );
    if (ok) setDialog(null);
  };

  return (
    <div className="vt-table-wrap" style={{ overflow: 'auto', padding: 8 }}>
      <Space style={{ marginBottom: 8 }} wrap>
        {canEdit && (
          <>
            <Button icon={<PlusOutlined />} onClick={() => (form.resetFields(), setDialog('heading'))}>
              Thêm đề mục
            </Button>
            <Button
              icon={<PlusOutlined />}
              disabled={!cat?.headings.length}
              onClick={() => (form.resetFields(), form.setFieldsValue({ retention: '10' }), setDialog('entry'))}
            >
              Thêm hồ sơ vào danh mục
            </Button>
            <Button
              disabled={!!cat?.headings.length}
              onClick={() =>
                void run(() => api.call('catalogue.copyFromYear', { from: year - 1, to: year }), `Đã sao chép danh mục năm ${year - 1}.`)
              }
            >
              Sao chép từ năm {year - 1}
            </Button>
          </>
        )}
        <Button
          icon={<PrinterOutlined />}
          disabled={!cat?.entries.length}
          onClick={() => void openFile('catalogue.print', { year }, false).catch((e: Error) => message.error(e.message))}
        >
          In danh mục
        </Button>
        {cat && (
          <span style={{ color: '#666' }}>
            {cat.entries.length} hồ sơ: {cat.counts.permanent} vĩnh viễn, {cat.counts.limited} có thời hạn
          </span>
        )}
      </Space>
      <Table<Row>
        size="small"
        bordered
        rowKey="key"
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: `Chưa có danh mục hồ sơ năm ${year}. Thêm đề mục, hoặc sao chép từ năm trước.` }}
        rowClassName={(r) => (r.kind === 'heading' ? 'vt-heading-row' : '')}
        columns={[
          {
            title: 'Số và ký hiệu hồ sơ',
            key: 'code',
            width: 150,
            render: (_, r) => (r.kind === 'heading' ? <strong>{r.label}</strong> : r.label),
          },
          {
            title: 'Tên đề mục và tiêu đề hồ sơ',
            key: 'title',
            render: (_, r) => (r.kind === 'heading' ? <strong style={{ paddingLeft: r.level === 2 ? 16 : 0 }}>{r.title}</strong> : r.title),
          },
          { title: 'Thời hạn bảo quản', key: 'ret', width: 140, render: (_, r) => (r.retention ? retentionLabel(r.retention) : '') },
          { title: 'Người lập hồ sơ', key: 'keeper', width: 180, render: (_, r) => r.keeper ?? '' },
          {
            title: '',
            key: 'act',
            width: 150,
            render: (_, r) =>
              r.kind === 'entry' &&
              (r.dossierId ? (
                <Button size="small" onClick={() => onOpenDossier(r.dossierId!)}>
                  Xem hồ sơ
                </Button>
              ) : (
                <Button
                  size="small"
                  type="primary"
                  ghost
                  icon={<FolderOpenOutlined />}
                  onClick={() =>
                    void run(async () => onOpenDossier((await api.call('dossiers.open', { entryId: r.entryId! })).id), 'Đã mở hồ sơ.')
                  }
                >
                  Mở hồ sơ
                </Button>
              )),
          },
        ]}
      />
      <Modal
        open={dialog !== null}
        title={dialog === 'heading' ? 'Thêm đề mục' : 'Thêm hồ sơ vào danh mục'}
        okText="Lưu"
        cancelText="Đóng"
        onOk={() => void save()}
        onCancel={() => setDialog(null)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          {dialog === 'heading' ? (
            <>
              <Form.Item name="parentId" label="Thuộc đề mục lớn (để trống nếu là đề mục lớn)">
                <Select
                  allowClear
                  options={(cat?.headings ?? [])
                    .filter((h) => h.level === 1)
                    .map((h) => ({ value: h.id, label: `${h.label}. ${h.title}` }))}
                />
              </Form.Item>
              <Form.Item name="title" label="Tên đề mục" required rules={[fieldRule(headingInput.shape.title)]}>
                <Input />
              </Form.Item>
              <Form.Item name="abbreviation" label="Chữ viết tắt (đứng sau số trong ký hiệu hồ sơ, như TCCB)">
                <Input style={{ width: 160 }} />
              </Form.Item>
            </>
          ) : (
            <>
              <Form.Item name="headingId" label="Đề mục" rules={[{ required: true, message: 'Chọn đề mục.' }]}>
                <Select
                  options={(cat?.headings ?? []).map((h) => ({ value: h.id, label: `${h.level === 2 ? '— ' : ''}${h.label}. ${h.title}` }))}
                />
              </Form.Item>
              <Form.Item name="title" label="Tiêu đề hồ sơ" required rules={[fieldRule(entryInput.shape.title)]}>
                <Input.TextArea rows={2} />
              </Form.Item>
              <Space>
                <Form.Item name="retention" label="Thời hạn bảo quản">
                  <Select style={{ width: 160 }} options={RETENTION_OPTIONS.map((r) => ({ value: r, label: retentionLabel(r) }))} />
                </Form.Item>
                <Form.Item name="keeperId" label="Người lập hồ sơ">
                  <Select
                    allowClear
                    style={{ width: 240 }}
                    showSearch={{ optionFilterProp: 'label' }}
                    options={users.map((u) => ({ value: u.id, label: u.fullName }))}
                  />
                </Form.Item>
              </Space>
            </>
          )}
        </Form>
      </Modal>
    </div>
  );
}
