// Thông báo: the bell in the top bar — what waits for the user (a task given, a document submitted
// to him, a draft to sign, a task falling due), unread counted, asked every 30 seconds and when the
// window comes back (what another PC did arrives through sync). The desktop app also shows the new
// ones as the OS's notifications (electron/main.ts); in browser mode this list is the one place.
import { Badge, Button, List, Popover, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { MethodOutput } from '../../shared/api/contract.js';
import { formatInstant } from '../../shared/text/dates.js';
import { api } from '../api/client';
import { BellOutlined } from '../components/icons';
import { openable } from '../components/openable';

type Answer = MethodOutput<'notifications.list'>;
type Notice = Answer['items'][number];

export function Notifications({ onOpen }: { onOpen: (n: Notice) => void }) {
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [open, setOpen] = useState(false);
  const load = useCallback(() => void api.call('notifications.list').then(setAnswer, () => undefined), []);
  useEffect(() => {
    load();
    const timer = setInterval(load, 30_000);
    window.addEventListener('focus', load);
    return () => {
      clearInterval(timer);
      window.removeEventListener('focus', load);
    };
  }, [load]);
  const show = (next: boolean) => {
    setOpen(next);
    // Opened: what is shown is read (the dots stay until it closes).
    if (next && answer?.unread) void api.call('notifications.markRead').catch(() => undefined);
    if (!next) load();
  };
  const unread = answer?.unread ?? 0;
  return (
    <Popover
      open={open}
      onOpenChange={show}
      trigger="click"
      placement="bottomRight"
      title="Thông báo"
      content={
        <List<Notice>
          size="small"
          style={{ width: 420, maxHeight: 480, overflow: 'auto' }}
          dataSource={answer?.items ?? []}
          data-testid="notifications"
          locale={{ emptyText: 'Không có gì đang chờ bạn.' }}
          renderItem={(n) => (
            <List.Item
              data-testid="notification"
              {...openable(() => {
                setOpen(false);
                onOpen(n);
              })}
            >
              <List.Item.Meta
                title={
                  <span>
                    {n.unread && <Badge status="processing" />} {n.title}
                  </span>
                }
                description={
                  <>
                    <div style={{ color: '#333' }}>{n.body}</div>
                    <Typography.Text type="secondary">{formatInstant(n.at)}</Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      }
    >
      <Badge count={unread} size="small" offset={[-4, 4]}>
        <Button icon={<BellOutlined />} aria-label={unread ? `Thông báo (${unread} chưa đọc)` : 'Thông báo'} />
      </Badge>
    </Popover>
  );
}
