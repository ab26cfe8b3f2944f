// Quản trị: the unit's users (roles, department, lock), its departments, office settings, backups.
import { App, Button, Card, Form, Input, InputNumber, Modal, Select, Space, Switch, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { DepartmentRecord, UserRecord } from '../../../shared/api/admin.js';
import { ROLES, ROLE_LABELS, type Role } from '../../../shared/domain/enums.js';
import { formatDate, formatInstant, parseTypedDate } from '../../../shared/text/dates.js';
import { api } from '../../api/client';
import { showFieldError } from '../../components/errors';
import { BackupCard } from './BackupCard';
import { refreshLookup } from '../../hooks/useLookup';
import { fieldRule } from '../../components/contractRules';
import { departmentCreateInput, userCreateInput } from '../../../shared/api/admin.js';

interface UserValues {
  username: string;
  fullName: string;
  password?: string;
  roles: Role[];
  departmentId?: string | null;
}

export function AdminPage() {
  const { message } = App.useApp();
  const [users, setUsers] = useState<UserRecord[]>([]);
  const [departments, setDepartments] = useState<DepartmentRecord[]>([]);
  const [editing, setEditing] = useState<UserRecord | 'new' | null>(null);
  const [userForm] = Form.useForm<UserValues>();
  const [depForm] = Form.useForm<{ name: string; code?: string }>();

  const load = useCallback(async () => {
    try {
      const [u, d] = await Promise.all([api.call('users.list'), api.call('departments.list')]);
      setUsers(u);
      setDepartments(d);
      // Other screens pick staff and departments from the shared lists: they see the change too.
      void refreshLookup('staff');
      void refreshLookup('departments');
    } catch (err) {
      message.error((err as Error).message);
    }
  }, [message]);
  useEffect(() => void load(), [load]);

  const depName = (id: string | null) => departments.find((d) => d.id === id)?.name ?? '';

  const saveUser = async () => {
    const v = await userForm.validateFields();
    try {
      if (editing === 'new') await api.call('users.create', { ...v, password: v.password ?? '' });
      else if (editing) {
        await api.call('users.update', {
          id: editing.id,
          fullName: v.fullName,
          roles: v.roles,
          departmentId: v.departmentId ?? null,
          ...(v.password ? { password: v.password } : {}),
        });
      }
      message.success('Đã lưu người dùng.');
      setEditing(null);
      void load();
    } catch (err) {
      if (!showFieldError(userForm, err)) message.error((err as Error).message);
    }
  };

  const toggleActive = async (u: UserRecord, active: boolean) => {
    try {
      await api.call('users.update', { id: u.id, active });
      void load();
    } catch (err) {
      message.error((err as Error).message);
    }
  };

  const addDepartment = async () => {
    const v = await depForm.validateFields();
    try {
      await api.call('departments.create', { name: v.name, code: v.code ?? null });
      depForm.resetFields();
      void load();
    } catch (err) {
      if (!showFieldError(depForm, err)) message.error((err as Error).message);
    }
  };

  const removeDepartment = async (id: string) => {
    try {
      await api.call('departments.delete', { id });
      void load();
    } catch (err) {
      message.error((err as Error).message);
    }
  };

  return (
    <div className="vt-page" style={{ overflow: 'auto' }}>
      <h1 className="vt-page-title">Quản trị</h1>
      <Card
        title="Người dùng"
        size="small"
        extra={
          <Button
            type="primary"
            onClick={() => {
              userForm.resetFields();
              userForm.setFieldsValue({ roles: ['clerk'] });
              setEditing('new');
            }}
          >
            Thêm người dùng
          </Button>
        }
      >
        <Table<UserRecord>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={users}
          columns={[
            { title: 'Tên đăng nhập', dataIndex: 'username' },
            { title: 'Họ và tên', dataIndex: 'fullName' },
            { title: 'Vai trò', dataIndex: 'roles', render: (roles: Role[]) => roles.map((r) => <Tag key={r}>{ROLE_LABELS[r]}</Tag>) },
            { title: 'Phòng, ban', dataIndex: 'departmentId', render: depName },
            {
              title: 'Tình trạng',
              key: 'state',
              render: (_: unknown, u) =>
                u.lockedUntil && new Date(u.lockedUntil) > new Date() ? (
                  <Tag color="red">Tạm khóa đến {formatInstant(u.lockedUntil)}</Tag>
                ) : null,
            },
            {
              title: 'Đang dùng',
              dataIndex: 'active',
              render: (a: boolean, u) => <Switch checked={a} onChange={(v) => void toggleActive(u, v)} />,
            },
            {
              title: '',
              key: 'edit',
              render: (_: unknown, u) => (
                <Button
                  size="small"
                  onClick={() => {
                    userForm.resetFields();
                    userForm.setFieldsValue({ username: u.username, fullName: u.fullName, roles: u.roles, departmentId: u.departmentId });
                    setEditing(u);
                  }}
                >
                  Sửa
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <Card title="Phòng, ban" size="small" style={{ marginTop: 16 }}>
        <Form form={depForm} layout="inline" onFinish={() => void addDepartment()} style={{ marginBottom: 12 }}>
          <Form.Item name="name" required rules={[fieldRule(departmentCreateInput.shape.name)]}>
            <Input placeholder="Tên phòng, ban" style={{ width: 320 }} />
          </Form.Item>
          <Form.Item name="code">
            <Input placeholder="Ký hiệu (VP, TCCB…)" style={{ width: 160 }} />
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
                <Button size="small" danger onClick={() => void removeDepartment(d.id)}>
                  Xóa
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <OfficeSettingsCard />
      <BackupCard />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? 'Thêm người dùng' : 'Sửa người dùng'}
        okText="Lưu"
        cancelText="Đóng"
        onOk={() => void saveUser()}
        onCancel={() => setEditing(null)}
        forceRender
      >
        <Form form={userForm} layout="vertical">
          <Form.Item name="username" label="Tên đăng nhập" required rules={[fieldRule(userCreateInput.shape.username)]}>
            <Input disabled={editing !== 'new'} />
          </Form.Item>
          <Form.Item name="fullName" label="Họ và tên" required rules={[fieldRule(userCreateInput.shape.fullName)]}>
            <Input />
          </Form.Item>
          <Form.Item
            name="password"
            label={editing === 'new' ? 'Mật khẩu (ít nhất 8 ký tự)' : 'Mật khẩu mới (để trống nếu không đổi)'}
            rules={[{ required: editing === 'new', min: 8, message: 'Mật khẩu cần ít nhất 8 ký tự.' }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item name="roles" label="Vai trò" required rules={[fieldRule(userCreateInput.shape.roles)]}>
            <Select mode="multiple" options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} />
          </Form.Item>
          <Form.Item name="departmentId" label="Phòng, ban">
            <Select allowClear options={departments.map((d) => ({ value: d.id, label: d.name }))} />
          </Form.Item>
        </Form>
        <Space />
      </Modal>
    </div>
  );
}

const CORNERS = [
  { value: 'top-left', label: 'Góc trên bên trái (mặc định)' },
  { value: 'top-right', label: 'Góc trên bên phải' },
  { value: 'bottom-left', label: 'Góc dưới bên trái' },
  { value: 'bottom-right', label: 'Góc dưới bên phải' },
] as const;

/** Attachment size limit, where dấu ĐẾN goes, and the days off that deadlines skip. */
function OfficeSettingsCard() {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ attachmentsMaxMb: number; stampCorner: (typeof CORNERS)[number]['value']; holidays: string }>();
  useEffect(() => {
    void api.call('settings.office').then((s) => form.setFieldsValue({ ...s, holidays: s.holidays.map(formatDate).join('\n') }));
  }, [form]);
  const save = async () => {
    const v = await form.validateFields();
    const lines = v.holidays
      .split(/[\n,;]+/)
      .map((l) => l.trim())
      .filter(Boolean);
    const dates = lines.map((l) => parseTypedDate(l));
    const bad = lines.find((_, i) => !dates[i]);
    if (bad) return message.error(`“${bad}” không phải ngày có thật (ngày/tháng/năm).`);
    try {
      const s = await api.call('settings.saveOffice', {
        attachmentsMaxMb: v.attachmentsMaxMb,
        stampCorner: v.stampCorner,
        holidays: dates as string[],
      });
      form.setFieldsValue({ ...s, holidays: s.holidays.map(formatDate).join('\n') });
      message.success('Đã lưu cài đặt.');
    } catch (err) {
      message.error((err as Error).message);
    }
  };
  return (
    <Card
      title="Cài đặt văn phòng"
      size="small"
      style={{ marginTop: 16 }}
      extra={
        <Button type="primary" onClick={() => void save()}>
          Lưu cài đặt
        </Button>
      }
    >
      <Form form={form} layout="vertical">
        <Space align="start" wrap>
          <Form.Item
            name="attachmentsMaxMb"
            label="Dung lượng tối đa một tệp đính kèm (MB)"
            rules={[{ required: true, message: 'Chưa nhập giới hạn.' }]}
          >
            <InputNumber min={1} max={2048} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="stampCorner" label="Vị trí dấu ĐẾN trên trang đầu">
            <Select style={{ width: 260 }} options={CORNERS.map((c) => ({ ...c }))} />
          </Form.Item>
        </Space>
        <Form.Item
          name="holidays"
          label="Ngày nghỉ lễ, Tết và nghỉ bù (mỗi dòng một ngày, dd/mm/yyyy) — thời hạn xử lý tính theo ngày làm việc, bỏ qua các ngày này, thứ Bảy, Chủ nhật và 01/01, 30/04, 01/05, 02/09"
        >
          <Input.TextArea rows={6} />
        </Form.Item>
      </Form>
    </Card>
  );
}
