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

/** The file's signatures as this PC checks them (the backend keeps each check, so asking twice is cheap). */
export function useSignatureCheck(id: string): { result: Checked | null; error: string | null } {
  const [result, setResult] = useState<Checked | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setResult(null);
    setError(null);
    api.call('attachments.signatures', { id }).then(
      (r) => live && setResult(r),
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [id]);
  return { result, error };
}

const RANK = { invalid: 0, untrusted: 1, valid: 2 } as const;

/** The file list's badge: the worst of the file's signatures, in one word. */
export function SignatureBadge({ attachment }: { attachment: AttachmentRecord }) {
  const { result } = useSignatureCheck(attachment.id);
  const verdicts = (result?.checks ?? []).map((c) => signatureVerdict(c));
  if (!result || verdicts.length === 0) return <Tag>Có chữ ký số</Tag>;
  const worst = verdicts.reduce((a, b) => (RANK[b.level] < RANK[a.level] ? b : a));
  return (
    <Tag color={COLOURS[worst.level]} data-testid="signature-badge">
      Chữ ký số: {worst.label.toLocaleLowerCase('vi')}
      {verdicts.length > 1 ? ` (${verdicts.length} chữ ký)` : ''}
    </Tag>
  );
}

export function SignaturePanel({ attachment }: { attachment: AttachmentRecord }) {
  const { result, error } = useSignatureCheck(attachment.id);

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
