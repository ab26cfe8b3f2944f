// The fields of the registration form, in the order of the register (PL IV), each checked by
// the contract's own rule for it.
import { AutoComplete, Col, Form, Input, InputNumber, Row, Select, type FormInstance } from 'antd';
import { incomingFields } from '../../../shared/api/documents.js';
import { CONFIDENTIALITIES, CONFIDENTIALITY_LABELS, URGENCIES, URGENCY_LABELS } from '../../../shared/domain/enums.js';
import { fieldRule, maxLengthOf } from '../../components/contractRules';
import { DateInput, dateRule } from '../../components/DateInput';
import type { Values } from './IncomingForm';
import type { AgencyOption } from './useAgencyOptions';
import { FOLDED_SEARCH } from '../../components/foldedSearch';
import { matchType, typeRank, type TypeOption } from './typeOptions';

export function IncomingFields(props: {
  form: FormInstance<Values>;
  disabled: boolean;
  agencyOptions: AgencyOption[];
  /** Something is typed in the organ's box (Enter then takes the list's first line). */
  agencyTyped: boolean;
  onAgencyType: (text: string) => void;
  typeOptions: TypeOption[];
  /** After a pick from a list: on to the next field. */
  moveOn: () => void;
  /** Fields filled from the attached document, not yet accepted by the clerk. */
  suggested?: ReadonlySet<string>;
  onValuesChange?: (changed: Partial<Values>) => void;
}) {
  const { form, agencyOptions, typeOptions, moveOn } = props;
  const mark = (name: string) =>
    props.suggested?.has(name) ? { className: 'vt-suggested', extra: 'Đề xuất từ tệp — kiểm tra, Enter để nhận' } : {};
  return (
    <Form
      form={form}
      name="incoming"
      layout="vertical"
      requiredMark="optional"
      disabled={props.disabled}
      onValuesChange={props.onValuesChange}
    >
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item {...mark('receivedDate')} name="receivedDate" label="Ngày đến" required rules={[dateRule('ngày đến', true)]}>
            <DateInput />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item
            {...mark('agency')}
            name="agency"
            label="Cơ quan ban hành (tác giả)"
            required
            rules={[fieldRule(incomingFields.agency)]}
          >
            <AutoComplete
              options={agencyOptions}
              defaultActiveFirstOption={props.agencyTyped}
              onChange={props.onAgencyType}
              onSelect={moveOn}
              placeholder="Gõ để chọn, hoặc nhập cơ quan mới"
            />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item {...mark('code')} name="code" label="Số, ký hiệu văn bản" required rules={[fieldRule(incomingFields.code)]}>
            <Input placeholder="142/KH-BGDĐT" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item {...mark('type')} name="type" label="Loại văn bản" required rules={[fieldRule(incomingFields.type)]}>
            <Select
              showSearch={{
                filterOption: matchType,
                filterSort: (a, b, { searchValue }) => typeRank(a, searchValue) - typeRank(b, searchValue),
              }}
              options={typeOptions}
              placeholder="CV, KH, QĐ…"
              onSelect={moveOn}
            />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            {...mark('issuedDate')}
            name="issuedDate"
            label="Ngày tháng văn bản"
            required
            rules={[dateRule('ngày tháng văn bản', true)]}
          >
            <DateInput />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item {...mark('summary')} name="summary" label="Trích yếu nội dung" required rules={[fieldRule(incomingFields.summary)]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} showCount maxLength={maxLengthOf(incomingFields.summary)} />
      </Form.Item>
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item {...mark('urgency')} name="urgency" label="Mức độ khẩn">
            <Select showSearch={FOLDED_SEARCH} options={URGENCIES.map((u) => ({ value: u, label: URGENCY_LABELS[u] }))} onSelect={moveOn} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item {...mark('confidentiality')} name="confidentiality" label="Độ mật">
            <Select
              showSearch={FOLDED_SEARCH}
              options={CONFIDENTIALITIES.map((c) => ({ value: c, label: CONFIDENTIALITY_LABELS[c] }))}
              onSelect={moveOn}
            />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item {...mark('pages')} name="pages" label="Số trang">
            <InputNumber min={1} max={100000} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={16}>
          <Form.Item {...mark('recipient')} name="recipient" label="Đơn vị hoặc người nhận">
            <Input maxLength={maxLengthOf(incomingFields.recipient)} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item {...mark('deadline')} name="deadline" label="Hạn giải quyết" rules={[dateRule('hạn giải quyết', false)]}>
            <DateInput />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item {...mark('notes')} name="notes" label="Ghi chú">
        <Input maxLength={maxLengthOf(incomingFields.notes)} />
      </Form.Item>
    </Form>
  );
}
