// What the registration form takes from an edXML package's header, and what it tells the clerk
// about the package: who sent it, the files that go with it and their signatures, and — for a
// package claiming a secret level — that only its metadata was kept.
import { Alert, Typography } from 'antd';
import type { ExchangeMessage } from '../../../shared/api/exchange.js';
import { formatDate } from '../../../shared/text/dates.js';
import { BUSINESS_LABELS } from '../../../shared/domain/exchange.js';
import type { Values } from '../incoming/IncomingForm';

export function valuesFromPackage(m: ExchangeMessage, typeCodes: ReadonlySet<string>): Partial<Values> {
  const h = m.header;
  if (!h) return {};
  const signer = [
    h.signer.competence,
    h.signer.position && h.signer.competence?.includes(h.signer.position) ? null : h.signer.position,
    h.signer.fullName,
  ]
    .filter(Boolean)
    .join(' ');
  return {
    agency: m.peerName ?? h.from.name,
    code: h.code,
    ...(h.typeCode && typeCodes.has(h.typeCode) ? { type: h.typeCode } : {}),
    issuedDate: formatDate(h.issuedDate),
    summary: h.summary,
    urgency: h.urgency,
    confidentiality: h.confidentiality,
    pages: h.pages,
    deadline: formatDate(h.dueDate),
    // A new document's own reason, e.g. "Đính chính văn bản 123/SGDĐT-VP", goes to Ghi chú.
    notes: [
      signer ? `Người ký: ${signer}` : null,
      m.business === 'new' && h.businessReason !== BUSINESS_LABELS.new ? h.businessReason : null,
    ]
      .filter(Boolean)
      .join('. '),
  };
}

export function PackageNotice({ m }: { m: ExchangeMessage }) {
  if (m.metadataOnly)
    return (
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 12 }}
        data-testid="package-notice"
        title="Gói tin ghi độ mật: chỉ vào sổ thông tin (không nhận tệp, không giữ trích yếu)"
        description="Văn bản mật không được gửi, nhận qua mạng (Luật Bảo vệ bí mật nhà nước 2018, Điều 5). Hãy đề nghị nơi gửi chuyển bản giấy theo chế độ mật và chọn đúng độ mật khi vào sổ."
      />
    );
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="package-notice"
      title={`Từ gói tin liên thông của ${m.peerName ?? m.header?.from.name ?? ''} (${m.peerOrganId ?? ''})`}
      description={
        <>
          {m.attachments.length === 0
            ? 'Gói tin không có tệp kèm theo.'
            : `Tệp sẽ đính kèm khi vào sổ: ${m.attachments.map((a) => `${a.name}${a.signed ? ' (có chữ ký số)' : ''}`).join('; ')}.`}
          {m.business === 'replace' && (
            <Typography.Paragraph style={{ margin: 0 }}>
              <strong>Văn bản thay thế</strong> văn bản {m.header?.businessDocumentId?.split(',').slice(2).join(',')}; vào sổ xong, hai văn
              bản được liên kết và ghi chú trong sổ.
            </Typography.Paragraph>
          )}
          {m.business === 'update' && (
            <Typography.Paragraph style={{ margin: 0 }}>
              <strong>Cập nhật</strong> văn bản đã gửi trước{m.header?.businessReason ? `: ${m.header.businessReason}` : ''}.
            </Typography.Paragraph>
          )}
          {m.header?.xmlSigned && (
            <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
              Gói tin có chữ ký XML; VănThư kiểm tra chữ ký số trên từng tệp PDF.
            </Typography.Paragraph>
          )}
        </>
      }
    />
  );
}
