// Mã định danh cơ quan (#18): the organs documents are exchanged with, each with its OrganId
// (QCVN 102), typed here or taken from the spreadsheet the province or the axis publishes.
import { App, Button, Card, Form, Input, List, Space, Table, Typography, Upload } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { MethodOutput } from '../../../shared/api/contract.js';
import { api, stageImport } from '../../api/client';
import { showFieldError } from '../../components/errors';

type Organ = MethodOutput<'agencies.list'>[number];
type Imported = MethodOutput<'agencies.importOrgans'>;

export function OrganIdsCard({ canEdit }: { canEdit: boolean }) {
  const { message } = App.useApp();
  const [organs, setOrgans] = useState<Organ[]>([]);
  const [form] = Form.useForm<{ id?: string; name: string; organId: string }>();
  const [imported, setImported] = useState<Imported | null>(null);
  const [busy, setBusy] = useState(false);
  const load = useCallback(async () => setOrgans(await api.call('agencies.list')), []);
  useEffect(() => void load().catch((err: Error) => message.error(err.message)), [load, message]);

  const save = async () => {
    const v = form.getFieldsValue();
    try {
      await api.call('agencies.save', {
        ...(v.id ? { id: v.id } : {}),
        name: v.name ?? '',
        organId: v.organId?.trim() ? v.organId.trim() : null,
      });
      message.success(`Đã lưu “${v.name}”.`);
      form.resetFields();
      await load();
    } catch (err) {
      if (!showFieldError(form, err)) message.error((err as Error).message);
    }
  };
  const importFile = async (file: File) => {
    setBusy(true);
    try {
      const staged = await stageImport(file);
      const r = await api.call('agencies.importOrgans', { uploadId: staged.uploadId });
      setImported(r);
      message.success(`Đã nhận mã định danh của ${r.saved} cơ quan từ “${r.fileName}”.`);
      await load();
    } catch (err) {
      message.error((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const withId = organs.filter((o) => o.organId);
  return (
    <Card size="small" title="Mã định danh cơ quan (liên thông văn bản)" style={{ marginTop: 16 }}>
      {canEdit && (
        <Space align="start" wrap style={{ marginBottom: 8 }}>
          <Form form={form} layout="inline" onFinish={() => void save()}>
            <Form.Item name="id" hidden>
              <Input />
            </Form.Item>
            <Form.Item name="name" label="Cơ quan">
              <Input style={{ width: 300 }} placeholder="Sở Giáo dục và Đào tạo Hà Tĩnh" />
            </Form.Item>
            <Form.Item name="organId" label="Mã định danh">
              <Input style={{ width: 150 }} placeholder="000.00.00.H42" />
            </Form.Item>
            <Button htmlType="submit" type="primary">
              Lưu mã định danh
            </Button>
          </Form>
          <Upload
            accept=".xlsx,.xls,.csv,.ods"
            showUploadList={false}
            beforeUpload={(file) => {
              void importFile(file);
              return false;
            }}
          >
            <Button loading={busy}>Nhập từ bảng tính…</Button>
          </Upload>
        </Space>
      )}
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        Bảng tính cần hai cột có tiêu đề “Tên cơ quan” và “Mã định danh”. Chỉ cơ quan có mã định danh mới gửi liên thông được.
      </Typography.Paragraph>
      {imported && imported.skipped.length > 0 && (
        <List
          size="small"
          header={`Các dòng không nhập được (trang “${imported.sheet}”):`}
          dataSource={imported.skipped}
          renderItem={(s) => (
            <List.Item>
              Dòng {s.row}: {s.problem}
            </List.Item>
          )}
          style={{ marginBottom: 8 }}
        />
      )}
      <Table<Organ>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={withId}
        scroll={{ y: 300 }}
        locale={{ emptyText: 'Chưa có cơ quan nào có mã định danh.' }}
        columns={[
          { title: 'Cơ quan', dataIndex: 'name' },
          { title: 'Mã định danh', dataIndex: 'organId', width: 160 },
          ...(canEdit
            ? [
                {
                  title: '',
                  key: 'edit',
                  width: 80,
                  render: (_: unknown, o: Organ) => (
                    <Button size="small" onClick={() => form.setFieldsValue({ id: o.id, name: o.name, organId: o.organId ?? '' })}>
                      Sửa
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
