// Nhập sổ cũ: pick an old register (.xlsx, .xls, .csv), check the guessed columns against the
// first rows and every row's problems, then import the valid rows into the imported book.
import { InboxOutlined } from '../../components/icons';
import { App, Card, Progress, Radio, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { type ImportField, type ImportKind, type ImportMapping, type ImportPreview } from '../../../shared/api/imports.js';
import { api, stageImport } from '../../api/client';
import { ImportPreviewView, ImportResult } from './ImportPreviewView';

export type Result = { imported: number; skipped: { row: number; problems: string[] }[]; books: { name: string; count: number }[] };

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

        {result && <ImportResult result={result} />}

        {preview && upload && (
          <ImportPreviewView
            preview={preview}
            fileName={upload.name}
            kind={kind}
            busy={busy}
            onSheet={(sheet) => void load(upload.uploadId, kind, sheet)}
            onColumn={setColumn}
            onRun={() => void run()}
          />
        )}
      </Space>
    </div>
  );
}
