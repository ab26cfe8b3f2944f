// Nhập sổ cũ: pick an old register (.xlsx, .xls, .csv), check the guessed columns against the
// first rows and every row's problems, then import the valid rows into the imported book.
import { ImportOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Progress, Radio, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import {
  IMPORT_FIELD_LABELS,
  REQUIRED_FIELDS,
  type ImportField,
  type ImportKind,
  type ImportMapping,
  type ImportPreview,
} from '../../../shared/api/imports.js';
import { api, stageImport } from '../../api/client';

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

type Result = { imported: number; skipped: { row: number; problems: string[] }[]; books: { name: string; count: number }[] };

export function ImportPage() {
  const { message } = App.useApp();
  const [kind, setKind] = useState<ImportKind>('incoming');
  const [upload, setUpload] = useState<{ uploadId: string; name: string } | null>(null);
  const [percent, setPercent] = useState<number | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Result | null>(null);

  const load = async (uploadId: string, k: ImportKind, sheet?: string | null, mapping?: ImportMapping) => {
    setBusy(true);
    try {
      setPreview(await api.call('imports.preview', { uploadId, kind: k, ...(sheet ? { sheet } : {}), ...(mapping ? { mapping } : {}) }));
    } catch (err) {
      setPreview(null);
      message.error((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const pick = async (file: File) => {
    setResult(null);
    setPreview(null);
    setPercent(0);
    try {
      const staged = await stageImport(file, (f) => setPercent(Math.round(f * 100)));
      setUpload(staged);
      await load(staged.uploadId, kind);
    } catch (err) {
      message.error((err as Error).message);
    } finally {
      setPercent(null);
    }
  };

  const run = async () => {
    if (!upload || !preview) return;
    setBusy(true);
    try {
      const r = await api.call('imports.run', { uploadId: upload.uploadId, kind, sheet: preview.sheet, mapping: preview.mapping });
      setResult(r);
      setPreview(null);
      setUpload(null);
      message.success(`Đã nhập ${r.imported.toLocaleString('vi-VN')} văn bản.`);
    } catch (err) {
      message.error((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const setColumn = (f: ImportField, col: number | null) => {
    if (!upload || !preview) return;
    const mapping: ImportMapping = { ...preview.mapping, [f]: col };
    void load(upload.uploadId, kind, preview.sheet, mapping);
  };

  const fields = FIELDS[kind];
  const mapped = fields.filter((f) => preview?.mapping[f] !== undefined && preview?.mapping[f] !== null);
  const columnOptions = [
    { value: -1, label: '— không có —' },
    ...(preview?.columns ?? []).map((c) => ({ value: c.index, label: `${c.header}` })),
  ];

  return (
    <div className="vt-page" style={{ overflow: 'auto' }}>
      <h1 className="vt-page-title">Nhập sổ cũ từ Excel</h1>
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        <Card size="small">
          <Space wrap align="center">
            <Typography.Text>Loại sổ:</Typography.Text>
            <Radio.Group
              value={kind}
              onChange={(e) => {
                const k = e.target.value as ImportKind;
                setKind(k);
                if (upload) void load(upload.uploadId, k);
              }}
              options={[
                { value: 'incoming', label: 'Sổ văn bản đến' },
                { value: 'outgoing', label: 'Sổ văn bản đi' },
              ]}
              optionType="button"
            />
          </Space>
          <Upload.Dragger
            style={{ marginTop: 12 }}
            accept=".xlsx,.xls,.csv,.txt"
            showUploadList={false}
            multiple={false}
            beforeUpload={(file) => {
              void pick(file);
              return false;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p>Kéo tệp sổ cũ vào đây hoặc bấm để chọn (.xlsx, .xls, .csv)</p>
            <Typography.Text type="secondary">Chữ gõ bằng phông TCVN3 (.VnTime) hay VNI được tự chuyển sang Unicode.</Typography.Text>
          </Upload.Dragger>
          {percent !== null && <Progress percent={percent} size="small" />}
        </Card>

        {result && (
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
        )}

        {preview && upload && (
          <>
            <Card
              size="small"
              title={
                <Space wrap>
                  <span>{upload.name}</span>
                  {preview.sheets.filter((s) => !s.hidden).length > 1 && (
                    <Select
                      size="small"
                      style={{ minWidth: 180 }}
                      value={preview.sheet}
                      onChange={(sheet) => void load(upload.uploadId, kind, sheet)}
                      options={preview.sheets.filter((s) => !s.hidden).map((s) => ({ value: s.name, label: `Trang “${s.name}”` }))}
                      aria-label="Trang tính"
                    />
                  )}
                  <Typography.Text type="secondary">tiêu đề ở dòng {preview.headerRow}</Typography.Text>
                </Space>
              }
              extra={
                <Button type="primary" icon={<ImportOutlined />} disabled={preview.valid === 0} loading={busy} onClick={() => void run()}>
                  Nhập {preview.valid.toLocaleString('vi-VN')} dòng hợp lệ
                </Button>
              }
            >
              {preview.notes.map((n) => (
                <Alert key={n} type="info" showIcon title={n} style={{ marginBottom: 6 }} />
              ))}
              <Typography.Paragraph style={{ margin: '6px 0' }}>
                {preview.total.toLocaleString('vi-VN')} dòng dữ liệu ·{' '}
                <Tag color="green">{preview.valid.toLocaleString('vi-VN')} hợp lệ</Tag>
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
                      showSearch={{ optionFilterProp: 'label' }}
                      value={preview.mapping[f] ?? -1}
                      options={columnOptions}
                      onChange={(v: number) => setColumn(f, v < 0 ? null : v)}
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
        )}
      </Space>
    </div>
  );
}
