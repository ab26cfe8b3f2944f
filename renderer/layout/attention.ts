// What the frame tells every user, whatever the page: due and late tasks, a stopped sync or a
// number clash, an old backup.
import { useCallback, useEffect, useState } from 'react';
import type { Me } from '../../shared/api/admin.js';
import { mayCall } from '../../shared/api/access.js';
import { api } from '../api/client';

/** My tasks and the office's deadlines, counted; a desktop notification at start. */
export function useDueCounts(me: Me) {
  const [due, setDue] = useState<{ today: number; overdue: number; mine: number; packages: number }>({
    today: 0,
    overdue: 0,
    mine: 0,
    packages: 0,
  });
  const readsPackages = mayCall(me, 'exchange.register');
  const refresh = useCallback(async () => {
    try {
      // Packages that came in and wait for the văn thư to register them (Liên thông's badge).
      const packages = readsPackages
        ? api.call('exchange.list', { direction: 'in', kind: 'package', state: 'moi', limit: 1000 }).then(
            (l) => l.length,
            () => 0,
          )
        : Promise.resolve(0);
      const [d, mine, w, waitingPackages] = await Promise.all([
        api.call('dashboard.deadlines'),
        api.call('tasks.mine'),
        api.call('tasks.waiting'),
        packages,
      ]);
      // What is this person's own to do: his tasks, what was submitted to him, what he must issue
      // (the register's new documents, every văn thư's, are not counted on his badge).
      const waiting = w.toDirect.length + w.toSign.length + w.toIssue.length + w.reserved.length;
      setDue({
        today: d.dueSoon.filter((t) => t.deadline === d.today).length,
        overdue: d.overdue.length,
        mine: mine.length + waiting,
        packages: waitingPackages,
      });
      return d;
    } catch {
      return null;
    }
  }, [readsPackages]);
  // At start: what is due today and what is late — a desktop notification in the window, a
  // banner in the browser.
  useEffect(() => {
    void refresh().then((d) => {
      if (!d || !window.vanthu || typeof Notification === 'undefined') return;
      const today = d.dueSoon.filter((t) => t.deadline === d.today).length;
      if (today + d.overdue.length > 0)
        new Notification('VănThư', { body: `${today} việc đến hạn hôm nay, ${d.overdue.length} việc quá hạn.` });
    });
  }, [refresh]);
  return { due, refresh };
}

/** The backups' warning, for those who may see the backups. */
export function useBackupWarning(me: Me) {
  const [backupWarning, setBackupWarning] = useState<string | null>(null);
  useEffect(() => {
    if (!mayCall(me, 'backup.status')) return;
    api.call('backup.status').then(
      (s) => setBackupWarning(s.warning),
      () => {}, // a banner only: Quản trị shows the backups' own state and errors
    );
  }, [me]);
  return [backupWarning, setBackupWarning] as const;
}

/** Sync that needs a person: stopped (another server, revoked) or a number clash to resolve. */
export function useSyncAttention(me: Me) {
  const [syncAttention, setSyncAttention] = useState<string | null>(null);
  useEffect(() => {
    const check = () =>
      api.call('sync.status').then(
        (s) =>
          setSyncAttention(
            s.stopped
              ? `Đồng bộ đã dừng: ${s.lastError ?? ''}`
              : s.clashes > 0
                ? `Có ${s.clashes} số trùng giữa các máy cần cấp số mới (mục Đồng bộ).`
                : null,
          ),
        () => {}, // polled: the Đồng bộ page shows why it cannot be reached
      );
    void check();
    const t = setInterval(check, 60_000);
    return () => clearInterval(t);
  }, [me]);
  return syncAttention;
}
