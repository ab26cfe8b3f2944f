// The registration form (vào sổ văn bản đến): keyboard first. Enter moves on, Ctrl+S saves
// and opens a blank form showing the number just given; agency and type pick by type-ahead.
import { Alert, App, Button, Drawer, Form, Popconfirm, Space, Typography } from 'antd';
import { useFocusReturn } from '../../hooks/useFocusReturn';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { DocumentRecord } from '../../../shared/api/documents.js';
import { formatDate, officeDate } from '../../../shared/text/dates.js';
import { foldVietnamese } from '../../../shared/text/searchKey.js';
import { api, ApiCallError } from '../../api/client';
import { toIsoDate } from '../../components/DateInput';
import { showFieldError } from '../../components/errors';
import { useCtrlS } from '../../hooks/useCtrlS';
import { focusNextField, useEnterMovesOn } from '../../hooks/useEnterMovesOn';
import { useLookup } from '../../hooks/useLookup';
import { IncomingFields } from './IncomingFields';
import type { TypeOption } from './typeOptions';
import { useAgencyOptions } from './useAgencyOptions';
import { ReadFromFile, suggestedValues } from './ReadFromFile';
import type { ReadForRegistration } from '../../../shared/api/attachments.js';
import type { ExchangeMessage } from '../../../shared/api/exchange.js';
import { PackageNotice, valuesFromPackage } from '../exchange/fromPackage';

export interface Values {
  receivedDate: string;
  agency: string;
  code: string;
  type?: string;
  issuedDate: string;
  summary: string;
  urgency: string;
  confidentiality: string;
  pages?: number | null;
  recipient?: string;
  deadline?: string;
  notes?: string;
}

const blank = (): Partial<Values> => ({ receivedDate: formatDate(officeDate(new Date())), urgency: 'thuong', confidentiality: 'thuong' });

/** A received date typed by the clerk: today keeps the current time, another day noon (the office's). */
function receivedAtFrom(text: string): string | undefined {
  const iso = toIsoDate(text);
  if (!iso || iso === officeDate(new Date())) return undefined;
  return new Date(`${iso}T12:00:00+07:00`).toISOString();
}

// One component on purpose: saving, the duplicate question, the refocus after a save and the
// Enter/Ctrl+S keys share the drawer's state. The fields are IncomingFields, the organs useAgencyOptions.
export function IncomingForm(props: {
  open: boolean;
  editing: DocumentRecord | null;
  nextNumber: number | null;
  onClose: () => void;
  onSaved: (doc: DocumentRecord, wasNew: boolean) => void;
  /** An edXML package from Liên thông: the form starts from its header, saving registers it with its files. */
  fromPackage?: ExchangeMessage | null;
}) {
  const { open, editing, onClose, onSaved } = props;
  const fromPackage = editing ? null : (props.fromPackage ?? null);
  const [form] = Form.useForm<Values>();
  const { message, modal } = App.useApp();
  const types = useLookup('docTypes').rows;
  const [saving, setSaving] = useState(false);
  const [last, setLast] = useState<DocumentRecord | null>(null);
  const containerRef = useRef<HTMLDivElement>(null);
  const firstRef = useRef<HTMLInputElement | null>(null);
  const refocus = useRef(false);
  const [read, setRead] = useState<ReadForRegistration | null>(null);
  const [suggested, setSuggested] = useState<ReadonlySet<string>>(new Set());
  const accept = (names: string[]) =>
    setSuggested((s) => (names.some((n) => s.has(n)) ? new Set([...s].filter((n) => !names.includes(n))) : s));
  const onRead = (r: ReadForRegistration) => {
    setRead(r);
    const values = suggestedValues(r, form.getFieldsValue(true) as Partial<Values>, new Set(types.map((t) => t.code)));
    form.setFieldsValue(values);
    setSuggested(new Set(Object.keys(values)));
    setTimeout(() => focusFirst(), 0);
  };
  const dropRead = () => {
    setRead(null);
    setSuggested(new Set());
  };

  useEffect(() => {
    if (!open) return;
    setLast(null);
    setRead(null);
    setSuggested(new Set());
    form.resetFields();
    if (editing) {
      form.setFieldsValue({
        receivedDate: formatDate(officeDate(editing.receivedAt)),
        agency: editing.agencyName,
        code: editing.code,
        type: editing.typeCode,
        issuedDate: formatDate(editing.issuedDate),
        summary: editing.summary,
        urgency: editing.urgency,
        confidentiality: editing.confidentiality,
        pages: editing.pages,
        recipient: editing.recipient ?? '',
        deadline: formatDate(editing.deadline),
        notes: editing.notes ?? '',
      });
    } else form.setFieldsValue({ ...blank(), ...(fromPackage ? valuesFromPackage(fromPackage, new Set(types.map((t) => t.code))) : {}) });
    setTimeout(() => focusFirst(), 50);
    // The types list arriving later does not reset what the clerk has typed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, editing, form, fromPackage]);

  function focusFirst() {
    const el = containerRef.current?.querySelector<HTMLInputElement>('#incoming_agency');
    (el ?? firstRef.current)?.focus();
  }

  // Back to the first field once the form is enabled again after a save.
  useEffect(() => {
    if (!saving && refocus.current) {
      refocus.current = false;
      focusFirst();
    }
  }, [saving]);

  const { agencyOptions, typed: agencyTyped, onType: onAgencyType, reload: loadAgencies } = useAgencyOptions(form, open);

  const typeOptions = useMemo<TypeOption[]>(
    () =>
      types.map((t) => ({ value: t.code, label: `${t.code} — ${t.name}`, search: `${foldVietnamese(t.code)} ${foldVietnamese(t.name)}` })),
    [types],
  );

  const save = async (confirmDuplicate = false): Promise<void> => {
    if (saving) return;
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const input = {
      agency: v.agency,
      code: v.code,
      type: v.type ?? '',
      issuedDate: toIsoDate(v.issuedDate) ?? v.issuedDate,
      summary: v.summary,
      urgency: v.urgency as DocumentRecord['urgency'],
      confidentiality: v.confidentiality as DocumentRecord['confidentiality'],
      pages: v.pages ?? null,
      recipient: v.recipient ?? null,
      deadline: toIsoDate(v.deadline) ?? null,
      notes: v.notes ?? null,
      confirmDuplicate,
    };
    setSaving(true);
    try {
      if (editing) {
        const receivedAt = toIsoDate(v.receivedDate) === officeDate(editing.receivedAt) ? undefined : receivedAtFrom(v.receivedDate);
        const doc = await api.call('incoming.update', { id: editing.id, ...input, ...(receivedAt ? { receivedAt } : {}) });
        message.success(`Đã lưu văn bản số đến ${doc.number}.`);
        onSaved(doc, false);
        onClose();
      } else {
        const receivedAt = receivedAtFrom(v.receivedDate);
        if (fromPackage) {
          const doc = await api.call('exchange.register', { ...input, ...(receivedAt ? { receivedAt } : {}), messageId: fromPackage.id });
          message.success(`Đã vào sổ số đến ${doc.number}; nơi gửi được báo “Đã tiếp nhận”.`);
          onSaved(doc, true);
          onClose();
          return;
        }
        const doc = await api.call('incoming.register', { ...input, ...(receivedAt ? { receivedAt } : {}) });
        if (read) {
          // The file the fields were read from goes with the document.
          await api
            .call('incoming.attachRead', { documentId: doc.id, token: read.token })
            .then((a) => message.success(`Đã đính kèm “${a.name}”.`))
            .catch((err: Error) => message.error(err.message));
          setRead(null);
          setSuggested(new Set());
        }
        setLast(doc);
        onSaved(doc, true);
        loadAgencies();
        form.resetFields();
        form.setFieldsValue(blank());
        refocus.current = true;
      }
    } catch (err) {
      if (err instanceof ApiCallError && err.code === 'DUPLICATE') {
        let lookAgain = false;
        modal.confirm({
          title: 'Văn bản có thể đã vào sổ',
          content: err.message,
          okText: 'Vẫn vào sổ',
          cancelText: 'Không, để tôi xem lại',
          onOk: () => save(true),
          onCancel: () => void (lookAgain = true),
          // Back to the number that matched, to look at it again (not to the page's body).
          afterClose: () => lookAgain && (form.getFieldInstance('code') as { focus?: () => void } | undefined)?.focus?.(),
        });
      } else if (!showFieldError(form, err, { receivedAt: 'receivedDate' })) {
        message.error((err as Error).message);
      }
    } finally {
      setSaving(false);
    }
  };

  const cancelDocument = async () => {
    if (!editing) return;
    try {
      const doc = await api.call('incoming.cancel', { id: editing.id, reason: null });
      message.success(`Đã hủy văn bản số đến ${doc.number}; số này không được dùng lại.`);
      onSaved(doc, false);
      onClose();
    } catch (err) {
      message.error((err as Error).message);
    }
  };

  useCtrlS(() => void save(), open);
  const enterMovesOn = useEnterMovesOn(() => void save());
  // After a pick from a list, straight on to the next field — at once, so a fast typist's
  // next keys land there and not in the list's search box.
  const moveOn = () => {
    const active = document.activeElement as HTMLElement | null;
    if (active && containerRef.current) focusNextField(active, containerRef.current);
  };

  const title = editing
    ? `Sửa văn bản đến số ${editing.number}`
    : fromPackage
      ? 'Vào sổ văn bản đến từ gói tin liên thông'
      : 'Vào sổ văn bản đến';
  const focusReturn = useFocusReturn(open, onClose);
  return (
    <Drawer
      {...focusReturn}
      title={title}
      open={open}
      onClose={onClose}
      size={640}
      destroyOnHidden={false}
      extra={
        <Space>
          <Typography.Text type="secondary">
            <span className="vt-kbd">Enter</span> sang ô sau · <span className="vt-kbd">Ctrl+S</span> lưu
          </Typography.Text>
        </Space>
      }
      footer={
        <Space style={{ display: 'flex', justifyContent: 'space-between' }}>
          <span>
            {editing && !editing.cancelled && (
              <Popconfirm
                title="Hủy văn bản này? Số đến vẫn được giữ, đánh dấu hủy."
                okText="Hủy văn bản"
                cancelText="Không"
                onConfirm={() => void cancelDocument()}
              >
                <Button danger>Hủy văn bản</Button>
              </Popconfirm>
            )}
          </span>
          <Space>
            <Button onClick={onClose}>Đóng</Button>
            <Button type="primary" loading={saving} onClick={() => void save()} data-testid="save-incoming">
              {editing ? 'Lưu (Ctrl+S)' : 'Vào sổ (Ctrl+S)'}
            </Button>
          </Space>
        </Space>
      }
    >
      <div
        ref={containerRef}
        {...enterMovesOn}
        onKeyDownCapture={(e) => {
          // Enter on a field filled from the file accepts it (and moves on, as everywhere).
          if (e.key === 'Enter') {
            const id = (e.target as HTMLElement).id;
            if (id.startsWith('incoming_')) accept([id.slice('incoming_'.length)]);
          }
          enterMovesOn.onKeyDownCapture(e);
        }}
        role="presentation"
      >
        {last && (
          <Alert
            className="vt-last"
            type="success"
            showIcon
            data-testid="last-registered"
            title={
              <>
                Đã vào sổ: <strong>số đến {last.number}</strong> — {last.code} ({last.agencyName})
              </>
            }
          />
        )}
        {!editing && props.nextNumber !== null && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
            Số đến tiếp theo dự kiến: <strong data-testid="next-number">{last ? last.number + 1 : props.nextNumber}</strong>
          </Typography.Paragraph>
        )}
        {fromPackage && <PackageNotice m={fromPackage} />}
        {!editing && !fromPackage && <ReadFromFile read={read} onRead={onRead} onDrop={dropRead} />}
        <IncomingFields
          form={form}
          suggested={suggested}
          onValuesChange={(changed) => accept(Object.keys(changed))}
          disabled={saving || editing?.cancelled === true}
          agencyOptions={agencyOptions}
          agencyTyped={agencyTyped}
          onAgencyType={onAgencyType}
          typeOptions={typeOptions}
          moveOn={moveOn}
        />
      </div>
    </Drawer>
  );
}
