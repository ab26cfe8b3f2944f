// The digital signatures of the PDF being looked at: each signer, the CA, when, and what the
// check found — hợp lệ, chưa tin cậy or không hợp lệ, with why.
import { Alert, Descriptions, Spin, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { AttachmentRecord } from '../../../shared/api/attachments.js';
import type { MethodOutput } from '../../../shared/api/contract.js';
import { signatureVerdict } from '../../../shared/domain/signatureVerdict.js';
import { formatInstant } from '../../../shared/text/dates.js';
import { api } from '../../api/client';

type Checked = MethodOutput<'attachments.signatures'>;
const COLOURS = { valid: 'green', untrusted: 'orange', invalid: 'red' } as const;

export function SignaturePanel({ attachment }: { attachment: AttachmentRecord }) {
  const [result, setResult] = useState<Checked | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setResult(null);
    setError(null);
    api.call('attachments.signatures', { id: attachment.id }).then(
      (r) => live && setResult(r),
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [attachment.id]);

  if (error) return <Alert type="warning" showIcon title={`Chưa kiểm tra được chữ ký số: ${error}`} style={{ margin: '8px 0' }} />;
  if (!result)
    return (
      <Spin tip="Đang kiểm tra chữ ký số…">
        <div style={{ height: 48 }} />
      </Spin>
    );
  if (!result.read) return <Alert type="warning" showIcon title="Không đọc được chữ ký số của tệp này (tệp hỏng hoặc kiểm tra quá lâu)." />;
  return (
    <div data-testid="signature-panel" style={{ margin: '8px 0' }}>
      {result.checks.map((c, i) => {
        const v = signatureVerdict(c);
        const who = [c.signer?.name, c.signer?.unit, c.signer?.organisation].filter(Boolean).join(' — ') || 'Không rõ người ký';
        return (
          <Descriptions
            key={i}
            size="small"
            bordered
            column={1}
            style={{ marginBottom: 8 }}
            title={
              <span>
                Chữ ký số {result.checks.length > 1 ? `${i + 1} ` : ''}
                <Tag color={COLOURS[v.level]} data-testid="signature-verdict">
                  {v.label}
                </Tag>
              </span>
            }
          >
            <Descriptions.Item label="Người ký">{who}</Descriptions.Item>
            <Descriptions.Item label="Tổ chức cấp chứng thư">{c.issuer ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="Thời điểm ký">
              {c.signedAt ? formatInstant(c.signedAt) : '—'}
              {c.timestampAt && ` (dấu thời gian: ${formatInstant(c.timestampAt)})`}
            </Descriptions.Item>
            <Descriptions.Item label="Kết quả kiểm tra">
              {v.notes.map((n) => (
                <Typography.Paragraph key={n} style={{ margin: 0 }}>
                  {n}
                </Typography.Paragraph>
              ))}
            </Descriptions.Item>
          </Descriptions>
        );
      })}
      {result.more > 0 && <Typography.Text type="secondary">Còn {result.more} chữ ký khác chưa kiểm tra.</Typography.Text>}
    </div>
  );
}
