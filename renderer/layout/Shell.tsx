import {
  AppstoreOutlined,
  BarChartOutlined,
  FolderOpenOutlined,
  InboxOutlined,
  LogoutOutlined,
  SearchOutlined,
  SendOutlined,
  SettingOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Button, Layout, Menu, Space, Tag, Typography } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import type { Me } from '../../shared/api/admin.js';
import { ROLE_LABELS } from '../../shared/domain/enums.js';
import { AdminPage } from '../pages/admin/AdminPage';
import { IncomingRegisterPage } from '../pages/incoming/IncomingRegisterPage';
import { UnderConstruction } from '../pages/UnderConstruction';

interface Section {
  key: string;
  label: string;
  icon: ReactNode;
  page: (me: Me) => ReactNode;
  visible?: (me: Me) => boolean;
}

const SECTIONS: Section[] = [
  { key: 'incoming', label: 'Văn bản đến', icon: <InboxOutlined />, page: (me) => <IncomingRegisterPage me={me} /> },
  { key: 'outgoing', label: 'Văn bản đi', icon: <SendOutlined />, page: () => <UnderConstruction title="Văn bản đi" /> },
  { key: 'dossiers', label: 'Hồ sơ công việc', icon: <FolderOpenOutlined />, page: () => <UnderConstruction title="Hồ sơ công việc" /> },
  { key: 'search', label: 'Tìm kiếm', icon: <SearchOutlined />, page: () => <UnderConstruction title="Tìm kiếm" /> },
  { key: 'reports', label: 'Báo cáo', icon: <BarChartOutlined />, page: () => <UnderConstruction title="Báo cáo" /> },
  { key: 'catalog', label: 'Danh mục', icon: <AppstoreOutlined />, page: () => <UnderConstruction title="Danh mục" /> },
  { key: 'admin', label: 'Quản trị', icon: <SettingOutlined />, page: () => <AdminPage />, visible: (me) => me.roles.includes('admin') },
];

function sectionFromHash(): string {
  const key = window.location.hash.replace(/^#\/?/, '');
  return SECTIONS.some((s) => s.key === key) ? key : 'incoming';
}

export function Shell({ me, onLogout }: { me: Me; onLogout: () => void }) {
  const [current, setCurrent] = useState(sectionFromHash);
  useEffect(() => {
    const onHash = () => setCurrent(sectionFromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const visible = SECTIONS.filter((s) => !s.visible || s.visible(me));
  const section = visible.find((s) => s.key === current) ?? visible[0]!;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={220} breakpoint="lg" collapsedWidth={64}>
        <div className="vt-brand">
          VănThư
          <small>{me.unitName}</small>
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[section.key]}
          style={{ background: 'transparent' }}
          items={visible.map((s) => ({ key: s.key, icon: s.icon, label: s.label }))}
          onClick={({ key }) => {
            window.location.hash = `#/${key}`;
            setCurrent(key);
          }}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="vt-header">
          <Typography.Text strong>{section.label}</Typography.Text>
          <Space>
            <UserOutlined />
            <span>{me.fullName}</span>
            {me.roles.map((r) => (
              <Tag key={r}>{ROLE_LABELS[r]}</Tag>
            ))}
            <Button icon={<LogoutOutlined />} onClick={onLogout}>
              Đăng xuất
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content>{section.page(me)}</Layout.Content>
      </Layout>
    </Layout>
  );
}
