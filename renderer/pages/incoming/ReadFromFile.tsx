// "Đọc từ tệp": the dispatch is dropped or picked in the registration form, page 1 is read on
// this PC (its text layer, or OCR for a scan) and the empty fields are filled with what a clerk
// would type — each marked until she accepts it (Enter) or changes it. The file is attached to
// the document when it is registered.
import { Alert, App, Button, Progress, Upload } from 'antd';
import { useState } from 'react';
import type { ReadForRegistration } from '../../../shared/api/attachments.js';
import { formatDate } from '../../../shared/text/dates.js';
import { readForRegistration } from '../../api/client';
import { FileSearchOutlined } from '../../components/icons';
import type { Values } from './IncomingForm';

/** Form values from what was read, only for the fields still empty (or at their default). */
export function suggestedValues(read: ReadForRegistration, current: Partial<Values>, typeCodes: ReadonlySet<string>): Partial<Values> {
  const f = read.fields;
  const out: Partial<Values> = {};
  const empty = (k: keyof Values) => current[k] === undefined || current[k] === null || current[k] === '';
  if (f.agency && empty('agency')) out.agency = f.agency;
  if (f.code && empty('code')) out.code = f.code;
  if (f.type && typeCodes.has(f.type) && empty('type')) out.type = f.type;
  if (f.issuedDate && empty('issuedDate')) out.issuedDate = formatDate(f.issuedDate);
  if (f.summary && empty('summary')) out.summary = f.summary;
  if (f.urgency && f.urgency !== 'thuong' && (empty('urgency') || current.urgency === 'thuong')) out.urgency = f.urgency;
  if (f.confidentiality && f.confidentiality !== 'thuong' && (empty('confidentiality') || current.confidentiality === 'thuong'))
    out.confidentiality = f.confidentiality;
  if (read.pages && empty('pages')) out.pages = read.pages;
  const notes = [f.signer ? `Người ký: ${f.signer}` : '', f.recipients?.length ? `Nơi nhận: ${f.recipients.join('; ')}` : '']
    .filter(Boolean)
    .join('. ');
  if (notes && empty('notes')) out.notes = notes;
  return out;
}

export function ReadFromFile(props: { read: ReadForRegistration | null; onRead: (r: ReadForRegistration) => void; onDrop: () => void }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<{ name: string; percent: number } | null>(null);
  const pick = async (file: File) => {
    setBusy({ name: file.name, percent: 0 });
    try {
      const r = await readForRegistration(file, (f) => setBusy({ name: file.name, percent: Math.round(f * 100) }));
      if (r.notice) message.warning({ content: r.notice, duration: 12 });
      props.onRead(r);
    } catch (err) {
      message.error((err as Error).message);
    } finally {
      setBusy(null);
    }
  };
  if (props.read) {
    const r = props.read;
    const how = r.source === 'ocr' ? 'nhận dạng chữ từ bản quét' : r.source === 'text' ? 'lớp chữ của tệp' : '';
    return (
      <Alert
        type={r.source === 'none' ? 'warning' : 'info'}
        showIcon
        style={{ marginBottom: 12 }}
        data-testid="read-from-file"
        title={
          r.source === 'none'
            ? `Không đọc được chữ trong “${r.name}”; hãy nhập các ô. Tệp vẫn được đính kèm khi vào sổ.`
            : `Đã đọc “${r.name}” (${how}): các ô tô vàng được điền sẵn — kiểm tra, Enter để nhận. Tệp được đính kèm khi vào sổ.`
        }
        action={
          <Button size="small" onClick={props.onDrop}>
            Bỏ tệp
          </Button>
        }
      />
    );
  }
  return (
    <div style={{ marginBottom: 12 }}>
      <Upload.Dragger
        showUploadList={false}
        disabled={busy !== null}
        accept=".pdf,.png,.jpg,.jpeg,.gif,.webp,application/pdf,image/*"
        customRequest={() => undefined}
        beforeUpload={(file) => {
          void pick(file);
          return false;
        }}
        style={{ padding: 0 }}
      >
        <p style={{ margin: 0 }}>
          <FileSearchOutlined /> Đọc từ tệp văn bản (PDF, ảnh quét): kéo thả vào đây hoặc bấm (Enter) — các ô được điền sẵn để kiểm tra
        </p>
      </Upload.Dragger>
      {busy && (
        <Progress
          percent={busy.percent}
          size="small"
          status="active"
          format={(p) => (p === 100 ? `Đang đọc “${busy.name}”…` : `${busy.name} ${p}%`)}
        />
      )}
    </div>
  );
}
