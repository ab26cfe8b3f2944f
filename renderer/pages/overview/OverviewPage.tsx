// Tổng quan: today's registers, what waits for a direction, what is due soon or late, by
// department, and the last two weeks — each figure opens its list.
import { App, Card, Col, Drawer, List, Row, Statistic, Tag, Typography } from 'antd';
import { useFocusReturn } from '../../hooks/useFocusReturn';
import { useEffect, useState } from 'react';
import { openable } from '../../components/openable';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Me } from '../../../shared/api/admin.js';
import type { DocumentRecord } from '../../../shared/api/documents.js';
import type { Overview } from '../../../shared/api/reports.js';
import type { TaskRecord } from '../../../shared/api/handling.js';
import { TASK_ROLE_LABELS } from '../../../shared/domain/workflow.js';
import { formatDate } from '../../../shared/text/dates.js';
import { api } from '../../api/client';
import { useResultOpener } from '../search/ResultOpener';

type Listing = { title: string; tasks?: TaskRecord[]; documents?: DocumentRecord[] };

export function OverviewPage({ me }: { me: Me }) {
  const [o, setO] = useState<Overview | null>(null);
  const [listing, setListing] = useState<Listing | null>(null);
  const opener = useResultOpener(me);
  const { message } = App.useApp();
  useEffect(
    () => void api.call('dashboard.overview').then(setO, (e: Error) => message.error(`Chưa tải được Tổng quan: ${e.message}`)),
    [message],
  );

  const showTasks = async (which: 'dueSoon' | 'overdue') => {
    const d = await api.call('dashboard.deadlines');
    setListing({ title: which === 'overdue' ? 'Việc quá hạn' : 'Việc sắp đến hạn (≤ 2 ngày làm việc)', tasks: d[which] });
  };
  const showAwaiting = async () =>
    setListing({
      title: 'Văn bản chờ ý kiến chỉ đạo',
      documents: (await api.call('incoming.list', { status: 'trinh', limit: 200 })).items,
    });
  const showToday = async (kind: 'incoming' | 'outgoing') => {
    const list =
      kind === 'incoming'
        ? await api.call('incoming.list', { from: o!.today, to: o!.today, limit: 200 })
        : await api.call('outgoing.list', { from: o!.today, to: o!.today, limit: 200 });
    setListing({ title: kind === 'incoming' ? 'Văn bản đến hôm nay' : 'Văn bản đi hôm nay', documents: list.items });
  };

  const figure = (title: string, value: number | undefined, onClick: () => void, color?: string, testId?: string) => (
    <Card hoverable size="small" data-testid={testId} {...openable(onClick)}>
      <Statistic title={title} value={value ?? '—'} styles={{ content: { color } }} />
    </Card>
  );

  const focusReturn = useFocusReturn(listing !== null, () => setListing(null));
  return (
    <div className="vt-page" style={{ overflow: 'auto' }}>
      <h1 className="vt-page-title">
        Tổng quan{' '}
        {o && (
          <Typography.Text type="secondary" style={{ fontSize: 14 }}>
            ngày {formatDate(o.today)}
          </Typography.Text>
        )}
      </h1>
      <Row gutter={12} style={{ marginBottom: 12 }}>
        <Col span={5}>{figure('Văn bản đến hôm nay', o?.incomingToday, () => void showToday('incoming'))}</Col>
        <Col span={5}>{figure('Văn bản đi hôm nay', o?.outgoingToday, () => void showToday('outgoing'))}</Col>
        <Col span={5}>{figure('Chờ ý kiến chỉ đạo', o?.awaitingDirection, () => void showAwaiting(), '#1f4e8c')}</Col>
        <Col span={4}>{figure('Sắp đến hạn', o?.dueSoon, () => void showTasks('dueSoon'), '#d48806', 'figure-due-soon')}</Col>
        <Col span={5}>{figure('Quá hạn', o?.overdue, () => void showTasks('overdue'), '#cf1322', 'figure-overdue')}</Col>
      </Row>
      <Row gutter={12}>
        <Col span={14}>
          <Card size="small" title="Văn bản 14 ngày qua">
            <div style={{ height: 260 }}>
              <ResponsiveContainer>
                <BarChart data={(o?.lastDays ?? []).map((d) => ({ ...d, day: formatDate(d.date).slice(0, 5) }))}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="day" />
                  <YAxis allowDecimals={false} />
                  <Tooltip />
                  <Legend />
                  <Bar dataKey="incoming" name="Văn bản đến" fill="#1f4e8c" isAnimationActive={false} />
                  <Bar dataKey="outgoing" name="Văn bản đi" fill="#52c41a" isAnimationActive={false} />
                </BarChart>
              </ResponsiveContainer>
            </div>
          </Card>
        </Col>
        <Col span={10}>
          <Card size="small" title="Việc đang xử lý theo đơn vị">
            <div style={{ height: 260 }}>
              <ResponsiveContainer>
                <BarChart data={o?.byDepartment ?? []} layout="vertical" margin={{ left: 40 }}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis type="number" allowDecimals={false} />
                  <YAxis type="category" dataKey="name" width={110} />
                  <Tooltip />
                  <Legend />
                  <Bar dataKey="open" name="Đang xử lý" fill="#1f4e8c" isAnimationActive={false} />
                  <Bar dataKey="overdue" name="Quá hạn" fill="#cf1322" isAnimationActive={false} />
                </BarChart>
              </ResponsiveContainer>
            </div>
          </Card>
        </Col>
      </Row>
      <Drawer {...focusReturn} open={listing !== null} onClose={() => setListing(null)} title={listing?.title} size={720}>
        {listing?.tasks && (
          <List
            data-testid="overview-list"
            dataSource={listing.tasks}
            locale={{ emptyText: 'Không có việc nào.' }}
            renderItem={(t) => (
              <List.Item {...openable(() => opener.open({ kind: 'incoming', id: t.documentId }))}>
                <List.Item.Meta
                  title={
                    <>
                      Số đến {t.document.number} — {t.document.code} {t.overdue && <Tag color="red">Quá hạn</Tag>}
                    </>
                  }
                  description={`${t.document.summary} · ${TASK_ROLE_LABELS[t.role]}: ${[t.userName, t.departmentName].filter(Boolean).join(' – ')} · hạn ${formatDate(t.deadline)}`}
                />
              </List.Item>
            )}
          />
        )}
        {listing?.documents && (
          <List
            data-testid="overview-list"
            dataSource={listing.documents}
            locale={{ emptyText: 'Không có văn bản nào.' }}
            renderItem={(d) => (
              <List.Item {...openable(() => opener.open({ kind: d.kind, id: d.id }))}>
                <List.Item.Meta
                  title={`${d.kind === 'incoming' ? `Số đến ${d.number} — ` : ''}${d.code}`}
                  description={`${d.typeName}: ${d.summary}`}
                />
              </List.Item>
            )}
          />
        )}
      </Drawer>
      {opener.drawers}
    </div>
  );
}
