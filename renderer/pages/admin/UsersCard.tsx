// Người dùng: the unit's users — roles, department, lock — added and edited by the admin.
import { App, Button, Card, Form, Switch, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { UserRecord } from '../../../shared/api/admin.js';
import { ROLE_LABELS, type Role } from '../../../shared/domain/enums.js';
import { formatInstant } from '../../../shared/text/dates.js';
import { api } from '../../api/client';
import { showFieldError, filledIn } from '../../components/errors';
import { refreshLookup, useLookup } from '../../hooks/useLookup';
import { UserDialog } from './UserDialog';

export interface UserValues {
  username: string;
  fullName: string;
  password?: string;
  roles: Role[];
  departmentId?: string | null;
}

export function UsersCard() {
  const { message } = App.useApp();
  const [users, setUsers] = useState<UserRecord[]>([]);
  const departments = useLookup('departments').rows;
  const [editing, setEditing] = useState<UserRecord | 'new' | null>(null);
  const [userForm] = Form.useForm<UserValues>();

  const load = useCallback(async () => {
    try {
      setUsers(await api.call('users.list'));
      // Other screens pick staff from the shared list: they see the change too.
      void refreshLookup('staff');
    } catch (err) {
      message.error((err as Error).message);
    }
  }, [message]);
  useEffect(() => void load(), [load]);

  const depName = (id: string | null) => departments.find((d) => d.id === id)?.name ?? '';

  const saveUser = async () => {
    const v = await filledIn(userForm);
    if (!v) return;
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

  return (
    <>
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
              render: (a: boolean, u) => (
                <Switch checked={a} onChange={(v) => void toggleActive(u, v)} aria-label={`${u.fullName} đang dùng`} />
              ),
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
      <UserDialog editing={editing} form={userForm} onSave={() => void saveUser()} onClose={() => setEditing(null)} />
    </>
  );
}
