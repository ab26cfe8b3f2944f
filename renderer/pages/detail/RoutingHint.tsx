// What the office did for alike documents, above the leader's direction form: the suggested
// chủ trì with why, and the other ways as one-key picks.
import { Alert, Button, Space, Typography } from 'antd';
import type { RoutingSuggestion } from '../../../shared/api/suggestions.js';

export function RoutingHint(props: { suggestion: RoutingSuggestion | null; error: string | null; onPick: (value: string) => void }) {
  const { suggestion, error } = props;
  if (error) return <Typography.Paragraph type="secondary">Chưa lấy được đề xuất: {error}</Typography.Paragraph>;
  if (!suggestion) return null;
  const [first, ...others] = suggestion.lead;
  if (!first) {
    return (
      <Typography.Paragraph type="secondary" data-testid="routing-hint">
        {suggestion.reason}
      </Typography.Paragraph>
    );
  }
  return (
    <Alert
      type="info"
      style={{ margin: '8px 0' }}
      data-testid="routing-hint"
      title={
        <span>
          Đề xuất: <strong>{first.label}</strong> chủ trì — {first.reason}
        </span>
      }
      description={
        others.length > 0 && (
          <Space wrap size={4}>
            <span>Hoặc:</span>
            {others.map((o) => (
              <Button key={o.value} size="small" onClick={() => props.onPick(o.value)} title={o.reason}>
                {o.label} ({o.support})
              </Button>
            ))}
          </Space>
        )
      }
    />
  );
}
