// Vào sổ văn bản đi: keyboard first like the incoming form. The symbol the document will get
// is shown as the type and drafting unit are chosen; "Lấy số" takes a number before signing,
// "Ban hành" (Ctrl+S) registers the signed document, answering incoming ones if it replies.
import { Alert, App, Button, Drawer, Form, Space, Typography } from 'antd';
import { useFocusReturn } from '../../hooks/useFocusReturn';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { DocumentRecord } from '../../../shared/api/documents.js';
import type { DraftRecord } from '../../../shared/api/outgoing.js';
import { type Confidentiality, type Urgency } from '../../../shared/domain/enums.js';
import { SIGNER_PREFIXES } from '../../../shared/domain/symbols.js';
import { formatDate, officeDate } from '../../../shared/text/dates.js';
import { foldVietnamese } from '../../../shared/text/searchKey.js';
import { api } from '../../api/client';
import { toIsoDate } from '../../components/DateInput';
import { showFieldError } from '../../components/errors';
import { useCtrlS } from '../../hooks/useCtrlS';
import { useEnterMovesOn } from '../../hooks/useEnterMovesOn';
import { useLookup } from '../../hooks/useLookup';
import { OutgoingFields } from './OutgoingFields';

export interface Values {
  type?: string;
  departmentId?: string | null;
  confidentiality: Confidentiality;
  summary?: string;
  issuedDate: string;
  signerPrefix: string;
  signerPosition?: string;
  signerName?: string;
  recipients?: string;
  keptCopies?: string;
  copies?: number | null;
  pages?: number | null;
  urgency: Urgency;
  replyTo: string[];
  completeReplied: boolean;
  notes?: string;
  /** Văn bản thay thế: the issued document this one replaces. */
  replaces?: string;
  /** Văn bản đính chính: the issued document whose errors this one corrects. */
  corrects?: string;
}

const blank = (): Partial<Values> => ({
  confidentiality: 'thuong',
  urgency: 'thuong',
  issuedDate: formatDate(officeDate(new Date())),
  signerPrefix: '',
  replyTo: [],
  completeReplied: true,
});

// One component on purpose: taking a number or issuing, the preview of the symbol and the refocus
// after a save share the drawer's state. The fields are OutgoingFields.
export function OutgoingForm(props: {
  open: boolean;
  reserved: DocumentRecord | null;
  draft?: DraftRecord | null;
  onClose: () => void;
  onSaved: (doc: DocumentRecord) => void;
}) {
  const { open, reserved } = props;
  const draft = props.draft ?? null;
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const types = useLookup('docTypes').rows;
  const departments = useLookup('departments').rows;
  const staff = useLookup('staff').rows;
  const signers = useMemo(() => staff.filter((x) => x.roles.includes('leader')).map((x) => x.fullName), [staff]);
  const [preview, setPreview] = useState<{ code: string; bookName: string } | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [saving, setSaving] = useState<null | 'reserve' | 'issue'>(null);
  const [last, setLast] = useState<DocumentRecord | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const refocus = useRef(false);

  // Back to the first field once the save has finished and the form has been redrawn.
  useEffect(() => {
    if (saving || !refocus.current) return;
    refocus.current = false;
    box.current?.querySelector<HTMLInputElement>('#outgoing_type')?.focus();
  }, [saving]);

  useEffect(() => {
    if (!open) return;
    setLast(null);
    form.resetFields();
    form.setFieldsValue(
      reserved
        ? {
            ...blank(),
            type: reserved.typeCode,
            departmentId: reserved.draftingDepartmentId,
            confidentiality: reserved.confidentiality,
            summary: reserved.summary.startsWith('Đã lấy số') ? '' : reserved.summary,
          }
        : draft
          ? {
              ...blank(),
              type: draft.typeCode,
              departmentId: draft.departmentId,
              confidentiality: draft.confidentiality,
              urgency: draft.urgency,
              summary: draft.summary,
              signerName: draft.signedByName ?? undefined,
            }
          : blank(),
    );
    setTimeout(() => box.current?.querySelector<HTMLInputElement>(reserved ? '#outgoing_summary' : '#outgoing_type')?.focus(), 80);
  }, [open, reserved, draft, form]);

  const type = Form.useWatch('type', form);
  const departmentId = Form.useWatch('departmentId', form);
  const confidentiality = Form.useWatch('confidentiality', form);
  useEffect(() => {
    if (!open || reserved || !type) return setPreview(null);
    const t = setTimeout(() => {
      api
        .call('outgoing.preview', { type, departmentId: departmentId ?? null, confidentiality: confidentiality ?? 'thuong' })
        .then((p) => (setPreview(p), setPreviewError(null)))
        .catch((err: Error) => (setPreview(null), setPreviewError(err.message)));
    }, 150);
    return () => clearTimeout(t);
  }, [open, reserved, type, departmentId, confidentiality, last]);

  const typeOptions = useMemo(
    () => types.map((t) => ({ value: t.code, label: `${t.code} — ${t.name}`, search: foldVietnamese(`${t.code} ${t.name}`) })),
    [types],
  );

  const save = async (mode: 'reserve' | 'issue') => {
    if (saving) return;
    let v: Values;
    try {
      v = mode === 'reserve' ? await form.validateFields(['type']) : await form.validateFields();
      v = { ...(form.getFieldsValue(true) as Values), ...v };
    } catch {
      return;
    }
    setSaving(mode);
    try {
      const numbering = { type: v.type ?? '', departmentId: v.departmentId ?? null, confidentiality: v.confidentiality };
      const fromDraft = draft ? { draftId: draft.id } : {};
      const doc =
        mode === 'reserve'
          ? await api.call('outgoing.reserve', { ...numbering, ...fromDraft, summary: v.summary ?? null })
          : await api.call('outgoing.issue', {
              ...(reserved ? { id: reserved.id } : fromDraft),
              ...numbering,
              summary: v.summary ?? '',
              issuedDate: toIsoDate(v.issuedDate) ?? v.issuedDate,
              signerName: v.signerName ?? '',
              signerPosition: v.signerPosition ?? null,
              signerPrefix: (v.signerPrefix ?? '') as (typeof SIGNER_PREFIXES)[number],
              recipients: v.recipients ?? '',
              keptCopies: v.keptCopies ?? null,
              copies: v.copies ?? null,
              pages: v.pages ?? null,
              urgency: v.urgency,
              notes: v.notes ?? null,
              replyTo: v.replyTo ?? [],
              completeReplied: v.completeReplied,
              ...(v.replaces ? { replaces: v.replaces } : {}),
              ...(v.corrects ? { corrects: v.corrects } : {}),
            });
      message.success(mode === 'reserve' ? `Đã lấy số ${doc.code}.` : `Đã vào sổ văn bản đi ${doc.code}.`);
      props.onSaved(doc);
      if (reserved || draft) props.onClose();
      else {
        setLast(doc);
        form.resetFields();
        form.setFieldsValue(blank());
        refocus.current = true;
      }
    } catch (err) {
      if (!showFieldError(form, err, { recipients: 'recipients', replaces: 'replaces', corrects: 'corrects' }))
        message.error((err as Error).message);
    } finally {
      setSaving(null);
    }
  };

  useCtrlS(() => void save('issue'), open);
  const enterMovesOn = useEnterMovesOn(() => void save('issue'));
  const fixed = reserved !== null || draft !== null;

  const focusReturn = useFocusReturn(open, props.onClose);
  return (
    <Drawer
      {...focusReturn}
      open={open}
      onClose={props.onClose}
      size={720}
      title={reserved ? `Ban hành văn bản đã lấy số ${reserved.code}` : draft ? 'Cấp số cho dự thảo đã ký' : 'Vào sổ văn bản đi'}
      extra={
        <Typography.Text type="secondary">
          <span className="vt-kbd">Enter</span> sang ô sau · <span className="vt-kbd">Ctrl+S</span> ban hành
        </Typography.Text>
      }
      footer={
        <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button onClick={props.onClose}>Đóng</Button>
          {!reserved && (
            <Button loading={saving === 'reserve'} onClick={() => void save('reserve')}>
              Lấy số trước
            </Button>
          )}
          <Button type="primary" loading={saving === 'issue'} onClick={() => void save('issue')} data-testid="issue-outgoing">
            Ban hành (Ctrl+S)
          </Button>
        </Space>
      }
    >
      <div ref={box} {...enterMovesOn} role="presentation">
        {last && (
          <Alert
            type="success"
            showIcon
            className="vt-last"
            data-testid="last-outgoing"
            title={
              <>
                Đã vào sổ: <strong>{last.code}</strong> — {last.summary}
              </>
            }
          />
        )}
        <div style={{ background: '#f0f5ff', border: '1px solid #adc6ff', borderRadius: 4, padding: '8px 12px', marginBottom: 12 }}>
          Số và ký hiệu sẽ cấp:{' '}
          <strong data-testid="symbol-preview" style={{ fontSize: 16 }}>
            {reserved ? reserved.code : (preview?.code ?? '—')}
          </strong>
          <span style={{ color: '#666' }}> {reserved ? `(${reserved.bookName})` : preview ? `(${preview.bookName})` : ''}</span>
          {previewError && <div style={{ color: '#cf1322' }}>{previewError}</div>}
        </div>
        <OutgoingFields form={form} fixed={fixed} typeOptions={typeOptions} departments={departments} signers={signers} />
      </div>
    </Drawer>
  );
}
