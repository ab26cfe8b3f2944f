// Phòng, ban: the unit's departments, added and removed by the admin.
import { App, Button, Card, Form, Input, Table } from 'antd';
import { departmentCreateInput, type DepartmentRecord } from '../../../shared/api/admin.js';
import { api } from '../../api/client';
import { fieldRule, maxLengthOf } from '../../components/contractRules';
import { showFieldError, filledIn } from '../../components/errors';
import { refreshLookup, useLookup } from '../../hooks/useLookup';

export function DepartmentsCard() {
  const { message } = App.useApp();
  const departments = useLookup('departments').rows;
  const [form] = Form.useForm<{ name: string; code?: string }>();

  const add = async () => {
    const v = await filledIn(form);
    if (!v) return;
    try {
      await api.call('departments.create', { name: v.name, code: v.code ?? null });
      message.success(`Đã thêm “${v.name}”.`);
      form.resetFields();
      await refreshLookup('departments');
    } catch (err) {
      if (!showFieldError(form, err)) message.error((err as Error).message);
    }
  };

  const remove = async (id: string) => {
    try {
      await api.call('departments.delete', { id });
      message.success('Đã xóa phòng, ban.');
      await refreshLookup('departments');
    } catch (err) {
      message.error((err as Error).message);
    }
  };

  return (
    <Card title="Phòng, ban" size="small" style={{ marginTop: 16 }}>
      <Form form={form} layout="inline" onFinish={() => void add()} style={{ marginBottom: 12 }}>
        <Form.Item name="name" required rules={[fieldRule(departmentCreateInput.shape.name)]}>
          <Input placeholder="Tên phòng, ban" style={{ width: 320 }} maxLength={maxLengthOf(departmentCreateInput.shape.name)} />
        </Form.Item>
        <Form.Item name="code" rules={[fieldRule(departmentCreateInput.shape.code)]}>
          <Input placeholder="Ký hiệu (VP, TCCB…)" style={{ width: 160 }} maxLength={maxLengthOf(departmentCreateInput.shape.code)} />
        </Form.Item>
        <Button htmlType="submit">Thêm</Button>
      </Form>
      <Table<DepartmentRecord>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={departments}
        columns={[
          { title: 'Tên phòng, ban', dataIndex: 'name' },
          { title: 'Ký hiệu', dataIndex: 'code' },
          {
            title: '',
            key: 'x',
            render: (_: unknown, d) => (
              <Button size="small" danger onClick={() => void remove(d.id)}>
                Xóa
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}
