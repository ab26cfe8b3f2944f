// What an old register will give: its sheet, the columns matched to the register's fields (each
// can be changed), the first rows as they will be stored, and every row's problems.
import { ImportOutlined } from '../../components/icons';
import { Alert, Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import {
  IMPORT_FIELD_LABELS,
  REQUIRED_FIELDS,
  type ImportField,
  type ImportKind,
  type ImportPreview,
} from '../../../shared/api/imports.js';
import type { Result } from './ImportPage';
import { FOLDED_SEARCH } from '../../components/foldedSearch';

const FIELDS: Record<ImportKind, ImportField[]> = {
  incoming: ['receivedDate', 'number', 'agency', 'code', 'issuedDate', 'summary', 'type', 'recipient', 'notes'],
  outgoing: ['code', 'number', 'issuedDate', 'summary', 'type', 'signer', 'recipients', 'recipient', 'copies', 'notes'],
};

function label(kind: ImportKind, f: ImportField): string {
  if (kind === 'outgoing' && f === 'recipient') return 'Đơn vị, người nhận bản lưu';
  if (kind === 'outgoing' && f === 'number') return 'Số (nếu tách riêng)';
  if (kind === 'incoming' && f === 'number') return 'Số đến';
  return IMPORT_FIELD_LABELS[f];
}

export function ImportPreviewView(props: {
  preview: ImportPreview;
  fileName: string;
  kind: ImportKind;
  busy: boolean;
  onSheet: (sheet: string) => void;
  onColumn: (field: ImportField, column: number | null) => void;
  onRun: () => void;
}) {
  const { preview, fileName, kind, busy, onSheet, onColumn, onRun } = props;
  const fields = FIELDS[kind];
  const mapped = fields.filter((f) => preview?.mapping[f] !== undefined && preview?.mapping[f] !== null);
  const columnOptions = [
    { value: -1, label: '— không có —' },
    ...(preview?.columns ?? []).map((c) => ({ value: c.index, label: `${c.header}` })),
  ];

  return (
    <>
      <Card
        size="small"
        title={
          <Space wrap>
            <span>{fileName}</span>
            {preview.sheets.filter((s) => !s.hidden).length > 1 && (
              <Select
                size="small"
                style={{ minWidth: 180 }}
                value={preview.sheet}
                onChange={onSheet}
                options={preview.sheets.filter((s) => !s.hidden).map((s) => ({ value: s.name, label: `Trang “${s.name}”` }))}
                aria-label="Trang tính"
              />
            )}
            <Typography.Text type="secondary">tiêu đề ở dòng {preview.headerRow}</Typography.Text>
          </Space>
        }
        extra={
          <Button type="primary" icon={<ImportOutlined />} disabled={preview.valid === 0} loading={busy} onClick={onRun}>
            Nhập {preview.valid.toLocaleString('vi-VN')} dòng hợp lệ
          </Button>
        }
      >
        {preview.notes.map((n) => (
          <Alert key={n} type="info" showIcon title={n} style={{ marginBottom: 6 }} />
        ))}
        <Typography.Paragraph style={{ margin: '6px 0' }}>
          {preview.total.toLocaleString('vi-VN')} dòng dữ liệu · <Tag color="green">{preview.valid.toLocaleString('vi-VN')} hợp lệ</Tag>
          {preview.problems.length > 0 && <Tag color="red">{preview.problems.length.toLocaleString('vi-VN')} dòng có lỗi</Tag>}
        </Typography.Paragraph>
        <div className="vt-import-mapping">
          {fields.map((f) => (
            <label key={f} className="vt-import-field">
              <span>
                {label(kind, f)}
                {REQUIRED_FIELDS[kind].includes(f) && <span style={{ color: '#c0392b' }}> *</span>}
              </span>
              <Select
                size="small"
                showSearch={FOLDED_SEARCH}
                value={preview.mapping[f] ?? -1}
                options={columnOptions}
                onChange={(v: number) => onColumn(f, v < 0 ? null : v)}
                aria-label={`Cột cho ${label(kind, f)}`}
                disabled={busy}
              />
            </label>
          ))}
        </div>
      </Card>
      <Table
        size="small"
        bordered
        loading={busy}
        rowKey="row"
        pagination={{ pageSize: 50, showSizeChanger: false }}
        dataSource={preview.sample}
        scroll={{ x: true }}
        rowClassName={(r) => (r.problems.length ? 'vt-row-problem' : '')}
        columns={[
          { title: 'Dòng', dataIndex: 'row', width: 60 },
          ...mapped.map((f) => ({
            title: label(kind, f),
            key: f,
            render: (_: unknown, r: ImportPreview['sample'][number]) => r.values[f] ?? '',
          })),
          { title: 'Lỗi', key: 'problems', render: (_: unknown, r: ImportPreview['sample'][number]) => r.problems.join(' ') },
        ]}
        data-testid="import-sample"
      />
      {preview.problems.length > 0 && (
        <Card size="small" title={`Các dòng có lỗi (${preview.problems.length.toLocaleString('vi-VN')})`}>
          <Table
            size="small"
            rowKey="row"
            pagination={{ pageSize: 20, showSizeChanger: false }}
            dataSource={preview.problems}
            columns={[
              { title: 'Dòng', dataIndex: 'row', width: 60 },
              { title: 'Lỗi', key: 'p', render: (_: unknown, r: { problems: string[] }) => r.problems.join(' ') },
            ]}
            data-testid="import-problems"
          />
        </Card>
      )}
    </>
  );
}

/** What was imported, into which books, and the rows left out. */
export function ImportResult({ result }: { result: Result }) {
  return (
    <Alert
      type={result.skipped.length ? 'warning' : 'success'}
      showIcon
      title={`Đã nhập ${result.imported.toLocaleString('vi-VN')} văn bản: ${result.books.map((b) => `${b.name} (${b.count.toLocaleString('vi-VN')})`).join('; ')}.`}
      description={
        result.skipped.length
          ? `${result.skipped.length.toLocaleString('vi-VN')} dòng có lỗi chưa nhập: ${result.skipped
              .slice(0, 20)
              .map((s) => `dòng ${s.row}`)
              .join(', ')}${result.skipped.length > 20 ? '…' : ''}.`
          : undefined
      }
      data-testid="import-result"
    />
  );
}
