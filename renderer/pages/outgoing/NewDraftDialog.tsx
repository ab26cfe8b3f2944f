// A new draft of an outgoing document (dự thảo): its type, drafting unit, summary and secrecy.
import { App, Form, Input, Select } from 'antd';
import { filledIn } from '../../components/errors';
import { FormDialog } from '../../components/FormDialog';
import { useEffect } from 'react';
import { draftInput } from '../../../shared/api/outgoing.js';
import { CONFIDENTIALITIES, CONFIDENTIALITY_LABELS } from '../../../shared/domain/enums.js';
import { api } from '../../api/client';
import { fieldRule, maxLengthOf } from '../../components/contractRules';
import { useLookup } from '../../hooks/useLookup';
import { FOLDED_SEARCH } from '../../components/foldedSearch';

export function NewDraftDialog({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: () => void }) {
  const { message } = App.useApp();
  const types = useLookup('docTypes').rows;
  const departments = useLookup('departments').rows;
  const [form] = Form.useForm<{
    type: string;
    departmentId?: string;
    summary: string;
    confidentiality: (typeof CONFIDENTIALITIES)[number];
  }>();
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ confidentiality: 'thuong' });
  }, [open, form]);

  const create = async () => {
    const v = await filledIn(form);
    if (!v) return;
    try {
      await api.call('outgoing.createDraft', { ...v, departmentId: v.departmentId ?? null });
      message.success('Đã tạo dự thảo.');
      onCreated();
    } catch (err) {
      message.error((err as Error).message);
    }
    onClose();
  };

  return (
    <FormDialog
      open={open}
      title="Tạo dự thảo văn bản đi"
      okText="Lưu dự thảo"
      cancelText="Đóng"
      onOk={() => void create()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item name="type" label="Loại văn bản" required rules={[fieldRule(draftInput.shape.type)]}>
          <Select showSearch={FOLDED_SEARCH} options={types.map((t) => ({ value: t.code, label: `${t.code} — ${t.name}` }))} />
        </Form.Item>
        <Form.Item name="departmentId" label="Đơn vị soạn thảo">
          <Select allowClear options={departments.map((d) => ({ value: d.id, label: d.name }))} />
        </Form.Item>
        <Form.Item name="summary" label="Trích yếu nội dung" required rules={[fieldRule(draftInput.shape.summary)]}>
          <Input.TextArea rows={3} maxLength={maxLengthOf(draftInput.shape.summary)} />
        </Form.Item>
        <Form.Item name="confidentiality" label="Độ mật">
          <Select options={CONFIDENTIALITIES.map((c) => ({ value: c, label: CONFIDENTIALITY_LABELS[c] }))} />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}
