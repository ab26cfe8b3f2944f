// The fields of an outgoing document as the register (PL IV) has them: what fixes its number
// (type, drafting unit, confidentiality) locked once the number is taken or the draft signed.
import { App, AutoComplete, Checkbox, Col, Form, Input, InputNumber, Row, Select, type FormInstance } from 'antd';
import { outgoingIssueInput } from '../../../shared/api/outgoing.js';
import { CONFIDENTIALITIES, CONFIDENTIALITY_LABELS, URGENCIES, URGENCY_LABELS } from '../../../shared/domain/enums.js';
import { SIGNER_PREFIXES } from '../../../shared/domain/symbols.js';
import { foldVietnamese } from '../../../shared/text/searchKey.js';
import { fieldRule, maxLengthOf } from '../../components/contractRules';
import { DateInput, dateRule } from '../../components/DateInput';
import { useState } from 'react';
import { api } from '../../api/client';
import type { DepartmentRow } from '../../hooks/useLookup';
import type { Values } from './OutgoingForm';
import { FOLDED_SEARCH } from '../../components/foldedSearch';
import { isWithdrawn } from '../../../shared/domain/withdrawn.js';

export function OutgoingFields(props: {
  form: FormInstance<Values>;
  /** The number is taken (or the draft signed): what made it cannot change. */
  fixed: boolean;
  typeOptions: { value: string; label: string; search: string }[];
  departments: DepartmentRow[];
  signers: string[];
}) {
  const { form, fixed, typeOptions, departments, signers } = props;
  const { message } = App.useApp();
  const [replyOptions, setReplyOptions] = useState<{ value: string; label: string }[]>([]);
  const [replaceOptions, setReplaceOptions] = useState<{ value: string; label: string }[]>([]);
  // The issued documents this one may replace or correct (a signed one is never edited: its change is a new document).
  const searchOutgoing = async (q: string) => {
    try {
      const list = await api.call('outgoing.list', { q, limit: 20 });
      setReplaceOptions(
        list.items
          .filter((d) => !isWithdrawn(d) && d.status === 'phat_hanh')
          .map((d) => ({ value: d.id, label: `${d.code} — ${d.summary.slice(0, 70)}` })),
      );
    } catch (err) {
      void message.error({ key: 'replace-search', content: `Chưa tìm được văn bản đi: ${(err as Error).message}` });
    }
  };
  // The incoming documents this one may answer, found as the clerk types.
  const searchIncoming = async (q: string) => {
    try {
      const list = await api.call('incoming.list', { q, limit: 20 });
      setReplyOptions(
        list.items
          .filter((d) => !d.cancelled)
          .map((d) => ({ value: d.id, label: `Số đến ${d.number}/${d.year} — ${d.code} — ${d.summary.slice(0, 60)}` })),
      );
    } catch (err) {
      void message.error({ key: 'reply-search', content: `Chưa tìm được văn bản đến: ${(err as Error).message}` });
    }
  };
  return (
    <Form form={form} name="outgoing" layout="vertical">
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item name="type" label="Loại văn bản" required rules={[fieldRule(outgoingIssueInput.shape.type)]}>
            <Select
              disabled={fixed}
              showSearch={{ filterOption: (input, o) => !!o && (o as { search: string }).search.includes(foldVietnamese(input)) }}
              options={typeOptions}
              placeholder="CV, KH, QĐ…"
            />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="departmentId" label="Đơn vị soạn thảo">
            <Select
              disabled={fixed}
              allowClear
              showSearch={FOLDED_SEARCH}
              options={departments.map((d) => ({ value: d.id, label: d.code ? `${d.code} — ${d.name}` : d.name }))}
            />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="confidentiality" label="Độ mật">
            <Select
              disabled={fixed}
              showSearch={FOLDED_SEARCH}
              options={CONFIDENTIALITIES.map((c) => ({ value: c, label: CONFIDENTIALITY_LABELS[c] }))}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="summary" label="Trích yếu nội dung" required>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={maxLengthOf(outgoingIssueInput.shape.summary)} showCount />
      </Form.Item>
      <Row gutter={12}>
        <Col span={6}>
          <Form.Item name="issuedDate" label="Ngày tháng văn bản" required rules={[dateRule('ngày tháng văn bản', true)]}>
            <DateInput />
          </Form.Item>
        </Col>
        <Col span={4}>
          <Form.Item name="signerPrefix" label="Quyền hạn ký">
            <Select showSearch={FOLDED_SEARCH} options={SIGNER_PREFIXES.map((p) => ({ value: p, label: p || '(không)' }))} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="signerPosition" label="Chức vụ người ký">
            <Input placeholder="Giám đốc" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="signerName" label="Người ký" required>
            <AutoComplete
              options={signers.map((s) => ({ value: s }))}
              filterOption={(input, o) => foldVietnamese(String(o?.value ?? '')).includes(foldVietnamese(input))}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="recipients" label="Nơi nhận" required>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} placeholder={'Như trên;\nLưu: VT, VP.'} />
      </Form.Item>
      <Row gutter={12}>
        <Col span={10}>
          <Form.Item name="keptCopies" label="Đơn vị, người nhận bản lưu">
            <Input />
          </Form.Item>
        </Col>
        <Col span={4}>
          <Form.Item name="copies" label="Số lượng bản">
            <InputNumber min={1} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={4}>
          <Form.Item name="pages" label="Số trang">
            <InputNumber min={1} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="urgency" label="Mức độ khẩn">
            <Select showSearch={FOLDED_SEARCH} options={URGENCIES.map((u) => ({ value: u, label: URGENCY_LABELS[u] }))} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="replyTo" label="Trả lời văn bản đến">
        <Select
          mode="multiple"
          showSearch={{ filterOption: false, onSearch: (q) => void searchIncoming(q) }}
          onFocus={() => void searchIncoming('')}
          options={replyOptions}
          placeholder="Gõ số ký hiệu hoặc trích yếu văn bản đến"
          aria-label="Trả lời văn bản đến"
        />
      </Form.Item>
      <Form.Item name="completeReplied" valuePropName="checked">
        <Checkbox>Đánh dấu hoàn thành việc xử lý các văn bản đến được trả lời</Checkbox>
      </Form.Item>
      <Row gutter={12}>
        {(
          [
            ['replaces', 'Thay thế văn bản đi', 'Văn bản đã ban hành mà văn bản này thay thế'],
            ['corrects', 'Đính chính văn bản đi', 'Văn bản đã ban hành mà văn bản này đính chính'],
          ] as const
        ).map(([name, label, placeholder]) => (
          <Col span={12} key={name}>
            <Form.Item name={name} label={label}>
              <Select
                allowClear
                showSearch={{ filterOption: false, onSearch: (q) => void searchOutgoing(q) }}
                onFocus={() => void searchOutgoing('')}
                options={replaceOptions}
                placeholder={placeholder}
                aria-label={label}
              />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Form.Item name="notes" label="Ghi chú">
        <Input />
      </Form.Item>
    </Form>
  );
}
