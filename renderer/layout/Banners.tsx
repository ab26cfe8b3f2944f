// The banners under the header: deadlines (in a browser; the window notifies), sync, backups.
import { Alert, Button } from 'antd';

export function Banners(props: {
  section: string;
  /** Today's and late tasks, or null when the banner is closed or the window notifies instead. */
  deadlines: { today: number; overdue: number } | null;
  onCloseDeadlines: () => void;
  sync: string | null;
  backup: string | null;
  onCloseBackup: () => void;
}) {
  const due = props.deadlines;
  return (
    <>
      {due && due.today + due.overdue > 0 && (
        <Alert
          banner
          closable={{ onClose: props.onCloseDeadlines }}
          type={due.overdue > 0 ? 'error' : 'warning'}
          data-testid="deadline-banner"
          title={`${due.today} việc đến hạn hôm nay, ${due.overdue} việc quá hạn.`}
          action={
            <Button size="small" onClick={() => (window.location.hash = '#/tasks')}>
              Xem việc của tôi
            </Button>
          }
        />
      )}
      {props.sync && props.section !== 'sync' && (
        <Alert
          banner
          type="error"
          data-testid="sync-banner"
          title={props.sync}
          action={
            <Button size="small" onClick={() => (window.location.hash = '#/sync')}>
              Xem
            </Button>
          }
        />
      )}
      {props.backup && props.section !== 'admin' && (
        <Alert
          banner
          type="warning"
          data-testid="backup-banner"
          title={props.backup}
          closable={{ onClose: props.onCloseBackup }}
          action={
            <Button size="small" onClick={() => (window.location.hash = '#/admin')}>
              Sao lưu
            </Button>
          }
        />
      )}
    </>
  );
}
