// Adding a heading or a planned dossier to the year's catalogue (one dialog, one form).
import { Form, Input, Select, Space, type FormInstance } from 'antd';
import { filledIn } from '../../components/errors';
import { FormDialog } from '../../components/FormDialog';
import { entryInput, headingInput, RETENTION_OPTIONS, retentionLabel, type Catalogue } from '../../../shared/api/dossiers.js';
import { api } from '../../api/client';
import { fieldRule } from '../../components/contractRules';
import { useLookup } from '../../hooks/useLookup';
import { FOLDED_SEARCH } from '../../components/foldedSearch';

export /** The heading dialog's fields and the dossier dialog's, in one form (one dialog at a time). */
interface CatalogueFormValues {
  parentId?: string;
  title: string;
  abbreviation?: string;
  headingId: string;
  retention: string;
  keeperId?: string;
  notes?: string;
}

export function CatalogueDialog(props: {
  dialog: 'heading' | 'entry' | null;
  form: FormInstance<CatalogueFormValues>;
  catalogue: Catalogue | null;
  year: number;
  run: (fn: () => Promise<unknown>, done?: string) => Promise<boolean>;
  onClose: () => void;
}) {
  const { dialog, form, year, run } = props;
  const cat = props.catalogue;
  const users = useLookup('staff').rows;
  const save = async () => {
    const v = await filledIn(form);
    if (!v) return;
    const ok =
      dialog === 'heading'
        ? await run(
            () =>
              api.call('catalogue.saveHeading', {
                year,
                level: v.parentId ? 2 : 1,
                parentId: v.parentId ?? null,
                title: v.title,
                abbreviation: v.abbreviation ?? null,
              }),
            `Đã lưu đề mục “${v.title}”.`,
          )
        : await run(
            () =>
              api.call('catalogue.saveEntry', {
                year,
                headingId: v.headingId,
                title: v.title,
                retention: v.retention,
                keeperId: v.keeperId ?? null,
                notes: v.notes ?? null,
              }),
            `Đã lưu hồ sơ “${v.title}” vào danh mục.`,
          );
    if (ok) props.onClose();
  };

  return (
    <FormDialog
      open={dialog !== null}
      title={dialog === 'heading' ? 'Thêm đề mục' : 'Thêm hồ sơ vào danh mục'}
      okText="Lưu"
      cancelText="Đóng"
      onOk={() => void save()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        {dialog === 'heading' ? (
          <>
            <Form.Item name="parentId" label="Thuộc đề mục lớn (để trống nếu là đề mục lớn)">
              <Select
                allowClear
                options={(cat?.headings ?? []).filter((h) => h.level === 1).map((h) => ({ value: h.id, label: `${h.label}. ${h.title}` }))}
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
                  showSearch={FOLDED_SEARCH}
                  options={users.map((u) => ({ value: u.id, label: u.fullName }))}
                />
              </Form.Item>
            </Space>
          </>
        )}
      </Form>
    </FormDialog>
  );
}
