// Adding or editing a user: name, password (a new one only when typed), roles, department.
import { Form, Input, Select, type FormInstance } from 'antd';
import { FormDialog } from '../../components/FormDialog';
import { userCreateInput, userUpdateInput, type UserRecord } from '../../../shared/api/admin.js';
import { ROLES, ROLE_LABELS } from '../../../shared/domain/enums.js';
import { fieldRule } from '../../components/contractRules';
import { useLookup } from '../../hooks/useLookup';
import type { UserValues } from './UsersCard';
import { FOLDED_SEARCH } from '../../components/foldedSearch';

export function UserDialog(props: {
  editing: UserRecord | 'new' | null;
  form: FormInstance<UserValues>;
  onSave: () => void;
  onClose: () => void;
}) {
  const { editing } = props;
  const departments = useLookup('departments').rows;
  return (
    <FormDialog
      open={editing !== null}
      title={editing === 'new' ? 'Thêm người dùng' : 'Sửa người dùng'}
      okText="Lưu"
      cancelText="Đóng"
      onOk={props.onSave}
      onCancel={props.onClose}
      forceRender
    >
      <Form form={props.form} layout="vertical">
        <Form.Item name="username" label="Tên đăng nhập" required rules={[fieldRule(userCreateInput.shape.username)]}>
          <Input disabled={editing !== 'new'} />
        </Form.Item>
        <Form.Item name="fullName" label="Họ và tên" required rules={[fieldRule(userCreateInput.shape.fullName)]}>
          <Input />
        </Form.Item>
        <Form.Item
          name="password"
          label={editing === 'new' ? 'Mật khẩu (ít nhất 8 ký tự)' : 'Mật khẩu mới (để trống nếu không đổi)'}
          required={editing === 'new'}
          rules={[fieldRule(editing === 'new' ? userCreateInput.shape.password : userUpdateInput.shape.password)]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="roles" label="Vai trò" required rules={[fieldRule(userCreateInput.shape.roles)]}>
          <Select mode="multiple" showSearch={FOLDED_SEARCH} options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} />
        </Form.Item>
        <Form.Item name="departmentId" label="Phòng, ban">
          <Select allowClear options={departments.map((d) => ({ value: d.id, label: d.name }))} />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}
