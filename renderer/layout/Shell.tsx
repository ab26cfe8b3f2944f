import {
  AppstoreOutlined,
  BarChartOutlined,
  FolderOpenOutlined,
  ImportOutlined,
  CheckSquareOutlined,
  DashboardOutlined,
  InboxOutlined,
  LogoutOutlined,
  SearchOutlined,
  SendOutlined,
  SettingOutlined,
  SwapOutlined,
  SyncOutlined,
  UserOutlined,
} from '../components/icons';
import { Notifications } from './Notifications';
import type { SavedQuery } from '../../shared/api/search.js';
import { Badge, Button, Layout, Menu, Space, Tag, Typography } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { CatalogPage } from '../pages/catalog/CatalogPage';
import { DossiersPage } from '../pages/dossiers/DossiersPage';
import { OutgoingRegisterPage } from '../pages/outgoing/OutgoingRegisterPage';
import { TasksPage } from '../pages/tasks/TasksPage';
import { OverviewPage } from '../pages/overview/OverviewPage';
import { ReportsPage } from '../pages/reports/ReportsPage';
import { GlobalSearch } from '../pages/search/GlobalSearch';
import { useResultOpener } from '../pages/search/ResultOpener';
import { SearchPage } from '../pages/search/SearchPage';
import type { SearchHit } from '../../shared/api/search.js';
import type { Me } from '../../shared/api/admin.js';
import { ROLE_LABELS } from '../../shared/domain/enums.js';
import { AdminPage } from '../pages/admin/AdminPage';
import { IncomingRegisterPage } from '../pages/incoming/IncomingRegisterPage';
import { ImportPage } from '../pages/imports/ImportPage';
import { ExchangePage } from '../pages/exchange/ExchangePage';
import { SyncPage } from '../pages/sync/SyncPage';
import { mayCall } from '../../shared/api/access.js';
import { Banners } from './Banners';
import { useBackupWarning, useDueCounts, useSyncAttention } from './attention';

interface Section {
  key: string;
  label: string;
  icon: ReactNode;
  page: (me: Me, refresh: () => void, ctx: { searchText: string | SavedQuery; open: (hit: SearchHit, q?: string) => void }) => ReactNode;
  visible?: (me: Me) => boolean;
}

const SECTIONS: Section[] = [
  { key: 'overview', label: 'Tổng quan', icon: <DashboardOutlined />, page: (me) => <OverviewPage me={me} /> },
  {
    key: 'incoming',
    label: 'Văn bản đến',
    icon: <InboxOutlined />,
    page: (me, refresh) => <IncomingRegisterPage me={me} onChanged={refresh} />,
  },
  { key: 'tasks', label: 'Việc của tôi', icon: <CheckSquareOutlined />, page: (me, refresh) => <TasksPage me={me} onChanged={refresh} /> },
  {
    key: 'outgoing',
    label: 'Văn bản đi',
    icon: <SendOutlined />,
    page: (me, refresh) => <OutgoingRegisterPage me={me} onChanged={refresh} />,
  },
  {
    key: 'exchange',
    label: 'Liên thông',
    icon: <SwapOutlined />,
    page: (me, refresh) => <ExchangePage me={me} onChanged={refresh} />,
    visible: (me) => mayCall(me, 'exchange.list'),
  },
  { key: 'dossiers', label: 'Hồ sơ công việc', icon: <FolderOpenOutlined />, page: (me) => <DossiersPage me={me} /> },
  {
    key: 'search',
    label: 'Tìm kiếm',
    icon: <SearchOutlined />,
    page: (_me, _refresh, ctx) => <SearchPage initial={ctx.searchText} onOpen={ctx.open} />,
  },
  {
    key: 'reports',
    label: 'Báo cáo',
    icon: <BarChartOutlined />,
    page: () => <ReportsPage />,
    visible: (me) => mayCall(me, 'reports.summary'),
  },
  {
    key: 'imports',
    label: 'Nhập sổ cũ',
    icon: <ImportOutlined />,
    page: () => <ImportPage />,
    visible: (me) => mayCall(me, 'imports.preview'),
  },
  { key: 'catalog', label: 'Danh mục', icon: <AppstoreOutlined />, page: (me) => <CatalogPage me={me} /> },
  { key: 'sync', label: 'Đồng bộ', icon: <SyncOutlined />, page: (me) => <SyncPage me={me} /> },
  { key: 'admin', label: 'Quản trị', icon: <SettingOutlined />, page: () => <AdminPage />, visible: (me) => mayCall(me, 'users.list') },
];

/** The section in the address (#/outgoing/drafts is the outgoing page's drafts), else where
 * this person's day starts: a leader or a specialist on what waits for him. */
function sectionFromHash(me: Me): string {
  const key = window.location.hash.replace(/^#\/?/, '').split('/')[0];
  if (SECTIONS.some((s) => s.key === key)) return key!;
  return me.roles.includes('clerk') || !me.roles.some((r) => r === 'leader' || r === 'specialist') ? 'incoming' : 'tasks';
}

export function Shell({ me, onLogout }: { me: Me; onLogout: () => void }) {
  const [current, setCurrent] = useState(() => sectionFromHash(me));
  useEffect(() => {
    const onHash = () => setCurrent(sectionFromHash(me));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [me]);
  const opener = useResultOpener(me);
  const [searchText, setSearchText] = useState<string | SavedQuery>('');
  const [bannerClosed, setBannerClosed] = useState(false);
  const { due, refresh } = useDueCounts(me);
  // The badge is counted again whenever the clerk moves to another page or comes back to the
  // window: what he just did elsewhere (a drawer, another PC through sync) shows at once.
  useEffect(() => {
    void refresh();
    const again = () => void refresh();
    window.addEventListener('focus', again);
    return () => window.removeEventListener('focus', again);
  }, [current, refresh]);
  const [backupWarning, setBackupWarning] = useBackupWarning(me);
  const syncAttention = useSyncAttention(me);
  const visible = SECTIONS.filter((s) => !s.visible || s.visible(me));
  const section = visible.find((s) => s.key === current) ?? visible[0]!;

  return (
    <Layout style={{ height: '100vh' }}>
      <Layout.Sider width={200} breakpoint="lg" collapsedWidth={64}>
        <div className="vt-brand">
          VănThư
          <small>{me.unitName}</small>
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[section.key]}
          style={{ background: 'transparent' }}
          items={visible.map((s) => ({
            key: s.key,
            icon: s.icon,
            label:
              s.key === 'tasks' && due.mine > 0 ? (
                <Space>
                  {s.label}
                  <Badge count={due.mine} size="small" color={due.overdue > 0 ? 'red' : 'blue'} data-testid="tasks-badge" />
                </Space>
              ) : s.key === 'exchange' && due.packages > 0 ? (
                <Space>
                  {s.label}
                  <Badge count={due.packages} size="small" color="blue" data-testid="exchange-badge" />
                </Space>
              ) : (
                s.label
              ),
          }))}
          onClick={({ key }) => {
            window.location.hash = `#/${key}`;
            setCurrent(key);
          }}
        />
      </Layout.Sider>
      <Layout className="vt-main">
        <Layout.Header className="vt-header">
          <Space size="large">
            <Typography.Text strong>{section.label}</Typography.Text>
            <GlobalSearch
              onOpen={opener.open}
              onAll={(q) => {
                setSearchText(q);
                window.location.hash = '#/search';
                setCurrent('search');
              }}
              onSaved={(query) => {
                setSearchText(query);
                window.location.hash = '#/search';
                setCurrent('search');
              }}
            />
          </Space>
          <Space>
            <Notifications
              onOpen={(n) => {
                if (n.documentId) opener.open({ kind: 'incoming', id: n.documentId });
                else {
                  // A draft to sign: Văn bản đi → Dự thảo, trình ký.
                  window.location.hash = '#/outgoing';
                  setCurrent('outgoing');
                }
              }}
            />
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
        <Banners
          section={section.key}
          deadlines={!bannerClosed && !window.vanthu ? due : null}
          onCloseDeadlines={() => setBannerClosed(true)}
          sync={syncAttention}
          backup={backupWarning}
          onCloseBackup={() => setBackupWarning(null)}
        />
        <Layout.Content>{section.page(me, () => void refresh(), { searchText, open: opener.open })}</Layout.Content>
        {opener.drawers}
      </Layout>
    </Layout>
  );
}
