import { Timeline, Typography } from 'antd';
import type { HistoryEntry } from '../../../shared/api/handling.js';
import { formatInstant } from '../../../shared/text/dates.js';

const COLORS: Record<string, string> = {
  register: 'blue',
  submit: 'blue',
  assign: 'orange',
  complete: 'green',
  return: 'red',
  recall: 'red',
  cancel: 'gray',
  stamp: 'red',
  sign: 'blue',
};

export function HistoryTimeline({ entries }: { entries: HistoryEntry[] }) {
  return (
    <Timeline
      data-testid="history"
      items={entries.map((e) => ({
        color: COLORS[e.action] ?? 'gray',
        content: (
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatInstant(e.at)} · {e.userName ?? 'Hệ thống'}
            </Typography.Text>
            <div>{e.summary}</div>
          </div>
        ),
      }))}
    />
  );
}
