// Thêm văn bản khác: a document filed by hand, with its own data and file.
import { App, Button, Form, Input, InputNumber, Space, Upload } from 'antd';
import { filledIn } from '../../components/errors';
import { FormDialog } from '../../components/FormDialog';
import { useState } from 'react';
import { type DossierRecord } from '../../../shared/api/dossiers.js';
import { api, uploadFile } from '../../api/client';
import { DateInput, dateRule, toIsoDate } from '../../components/DateInput';
import { fieldRule, maxLengthOf } from '../../components/contractRules';
import { addItemsInput } from '../../../shared/api/dossiers.js';

/** A document filed by hand (not from the registers), as the contract takes it. */
const freeItem = addItemsInput.shape.free.unwrap();

/** Thêm văn bản khác: an item that is not in the registers, with its own data and file. */
export function FreeItemButton({ dossierId, onAdded }: { dossierId: string; onAdded: (d: DossierRecord) => void }) {
  const { message } = App.useApp();
  const [openForm, setOpenForm] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [form] = Form.useForm<{ code: string; date: string; author: string; summary: string; pages?: number }>();
  const save = async () => {
    const v = await filledIn(form);
    if (!v) return;
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
      <FormDialog
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
      </FormDialog>
    </>
  );
}
