// Ký số an issued document's PDF: the leader who signs it (his own token and signature image), or
// the văn thư for the office (the office's token and seal); a .p12/.pfx file instead of a token.
// The PIN (or the file's password) is typed here, sent once with the request and forgotten;
// Enter signs. The result is a new file beside the one signed.
import { App, Button, Form, Input, Modal, Radio, Select, Space, Typography, Upload, type InputRef } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { Me } from '../../../shared/api/admin.js';
import type { AttachmentRecord } from '../../../shared/api/attachments.js';
import type { DocumentRecord } from '../../../shared/api/documents.js';
import { SIGN_AS_LABELS } from '../../../shared/api/signing.js';
import { signingCapacities } from '../../../shared/domain/signingRules.js';
import { api } from '../../api/client';
import { fileBase64 } from '../../components/fileBase64';

type As = keyof typeof SIGN_AS_LABELS;

/** In which capacities this user may sign this document (the backend decides again, by the same rule). */
export const capacitiesOf = (me: Me, doc: DocumentRecord): As[] => signingCapacities(me, doc);

/** The PDFs that may be signed next: those not yet followed by a signed copy (of an incoming document, its stamped copies). */
export function signable(files: AttachmentRecord[], doc?: DocumentRecord): AttachmentRecord[] {
  return files.filter(
    (f) =>
      f.kind === 'pdf' &&
      (doc?.kind !== 'incoming' || f.role === 'stamped') &&
      !files.some((g) => g.parentId === f.id && g.role === 'signed'),
  );
}

export function SignDialog(props: {
  open: boolean;
  me: Me;
  doc: DocumentRecord;
  files: AttachmentRecord[];
  onClose: () => void;
  onSigned: (a: AttachmentRecord) => void;
}) {
  const { message } = App.useApp();
  const capacities = capacitiesOf(props.me, props.doc);
  const candidates = signable(props.files, props.doc);
  const [as, setAs] = useState<As | undefined>(capacities[0]);
  const [fileId, setFileId] = useState<string | undefined>(candidates.at(-1)?.id);
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [hasImage, setHasImage] = useState(true);
  const [source, setSource] = useState<'token' | 'p12'>('token');
  const [p12, setP12] = useState<{ name: string; data: string } | null>(null);
  const pinField = useRef<InputRef>(null);
  useEffect(() => {
    if (!props.open) return;
    setPin('');
    setError(null);
    setAs(capacities[0]);
    setFileId(candidates.at(-1)?.id);
    api.call('signing.settings').then(
      (s) => setHasImage(s.mySignature),
      () => undefined,
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps -- each time it opens
  }, [props.open]);

  const sign = async () => {
    if (!as || !fileId || !pin || busy || (source === 'p12' && !p12)) return;
    setBusy(true);
    setError(null);
    try {
      const key = { documentId: props.doc.id, attachmentId: fileId, pin, ...(source === 'p12' && p12 ? { p12: p12.data } : {}) };
      const signed = as === 'arrival' ? await api.call('incoming.signStamp', key) : await api.call('outgoing.signFile', { ...key, as });
      setPin('');
      if (signed.notice) message.warning(signed.notice, 8);
      else message.success(`Đã ký số: “${signed.name}”.`);
      props.onSigned(signed);
    } catch (err) {
      setPin('');
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const uploadOwn = async (file: File) => {
    try {
      await api.call('signing.setImage', { kind: 'signature', png: await fileBase64(file) });
      setHasImage(true);
      message.success('Đã lưu ảnh chữ ký của ông/bà.');
    } catch (err) {
      message.error((err as Error).message);
    }
  };

  return (
    <Modal
      open={props.open}
      title={props.doc.kind === 'incoming' ? `Ký số dấu đến — văn bản đến số ${props.doc.number}` : `Ký số văn bản ${props.doc.code}`}
      onCancel={props.onClose}
      okText={busy ? 'Đang ký…' : 'Ký số (Enter)'}
      cancelText="Đóng"
      okButtonProps={{ disabled: !as || !fileId || !pin || (source === 'p12' && !p12), loading: busy }}
      onOk={() => void sign()}
      destroyOnHidden
      // The PIN is what is typed next; autoFocus alone is lost when the field mounts before the dialog shows.
      afterOpenChange={(open) => open && pinField.current?.focus()}
    >
      {capacities.length === 0 ? (
        <Typography.Paragraph>
          Chỉ người ký văn bản ({props.doc.signerName ?? 'chưa ghi'}) hoặc văn thư mới ký số được văn bản này.
        </Typography.Paragraph>
      ) : (
        <Form layout="vertical" onFinish={() => void sign()}>
          <Form.Item label="Ký với tư cách">
            <Radio.Group value={as} onChange={(e) => setAs(e.target.value as As)}>
              {capacities.map((c) => (
                <Radio key={c} value={c}>
                  {SIGN_AS_LABELS[c]}
                </Radio>
              ))}
            </Radio.Group>
          </Form.Item>
          <Form.Item label="Tệp ký">
            <Select
              aria-label="Tệp ký"
              value={fileId}
              onChange={setFileId}
              options={candidates.map((f) => ({ value: f.id, label: f.name }))}
              notFoundContent="Không còn tệp PDF nào chờ ký."
            />
          </Form.Item>
          {as === 'leader' && !hasImage && (
            <Space direction="vertical" style={{ marginBottom: 12 }}>
              <Typography.Text type="warning">Chưa có ảnh chữ ký của ông/bà (PNG nền trong suốt, mực xanh).</Typography.Text>
              <Upload accept=".png" showUploadList={false} customRequest={() => undefined} beforeUpload={(f) => (void uploadOwn(f), false)}>
                <Button>Tải ảnh chữ ký…</Button>
              </Upload>
            </Space>
          )}
          <Form.Item label="Khóa ký">
            <Radio.Group value={source} onChange={(e) => setSource(e.target.value as 'token' | 'p12')}>
              <Radio value="token">Thiết bị ký số (USB token)</Radio>
              <Radio value="p12">Tệp chứng thư .p12/.pfx</Radio>
            </Radio.Group>
            {source === 'p12' && (
              <div style={{ marginTop: 8 }}>
                <Upload
                  accept=".p12,.pfx"
                  showUploadList={false}
                  customRequest={() => undefined}
                  beforeUpload={(f) => {
                    void fileBase64(f).then((data) => setP12({ name: f.name, data }));
                    return false;
                  }}
                >
                  <Button>{p12 ? `Tệp: ${p12.name}` : 'Chọn tệp chứng thư…'}</Button>
                </Upload>
              </div>
            )}
          </Form.Item>
          <Form.Item
            label={source === 'p12' ? 'Mật khẩu tệp chứng thư' : 'Mã PIN của thiết bị ký số'}
            extra={
              source === 'p12'
                ? 'Tệp và mật khẩu chỉ dùng cho lần ký này, không được lưu.'
                : 'Cắm thiết bị ký số (USB token) vào máy này. Mã PIN chỉ dùng cho lần ký này và không được lưu.'
            }
          >
            <Input.Password
              ref={pinField}
              autoFocus
              aria-label={source === 'p12' ? 'Mật khẩu tệp chứng thư' : 'Mã PIN'}
              value={pin}
              onChange={(e) => setPin(e.target.value)}
              autoComplete="off"
            />
          </Form.Item>
          {error && (
            <Typography.Paragraph type="danger" role="alert" data-testid="sign-error">
              {error}
            </Typography.Paragraph>
          )}
          <button type="submit" hidden aria-hidden tabIndex={-1} />
        </Form>
      )}
    </Modal>
  );
}
