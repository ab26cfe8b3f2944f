// The banners under the header: deadlines (in a browser; the window notifies), sync, backups.
import { Alert, Button } from 'antd';

/** One banner: what it says, and a button to the page where it is dealt with. */
function Banner(props: {
  type: 'error' | 'warning';
  testId: string;
  title: string;
  go: { label: string; page: string };
  onClose?: () => void;
}) {
  return (
    <Alert
      banner
      type={props.type}
      data-testid={props.testId}
      title={props.title}
      {...(props.onClose ? { closable: { onClose: props.onClose } } : {})}
      action={
        <Button size="small" onClick={() => (window.location.hash = `#/${props.go.page}`)}>
          {props.go.label}
        </Button>
      }
    />
  );
}

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
        <Banner
          type={due.overdue > 0 ? 'error' : 'warning'}
          testId="deadline-banner"
          title={`${due.today} việc đến hạn hôm nay, ${due.overdue} việc quá hạn.`}
          go={{ label: 'Xem việc của tôi', page: 'tasks' }}
          onClose={props.onCloseDeadlines}
        />
      )}
      {props.sync && props.section !== 'sync' && (
        <Banner type="error" testId="sync-banner" title={props.sync} go={{ label: 'Xem', page: 'sync' }} />
      )}
      {props.backup && props.section !== 'admin' && (
        <Banner
          type="warning"
          testId="backup-banner"
          title={props.backup}
          go={{ label: 'Sao lưu', page: 'admin' }}
          onClose={props.onCloseBackup}
        />
      )}
    </>
  );
}
