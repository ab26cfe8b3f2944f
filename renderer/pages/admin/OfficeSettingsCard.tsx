// Cài đặt văn phòng: the attachment size limit, where dấu ĐẾN goes, the days off, which copies carry the mark.
import { App, Button, Card, Checkbox, Form, Input, InputNumber, Select, Space } from 'antd';
import { filledIn } from '../../components/errors';
import { useEffect } from 'react';
import { officeSettingsInput } from '../../../shared/api/settings.js';
import { formatDate, parseTypedDate } from '../../../shared/text/dates.js';
import { api } from '../../api/client';
import { fieldRule } from '../../components/contractRules';
import type { MethodOutput } from '../../../shared/api/contract.js';

const CORNERS = [
  { value: 'top-left', label: 'Góc trên bên trái (mặc định)' },
  { value: 'top-right', label: 'Góc trên bên phải' },
  { value: 'bottom-left', label: 'Góc dưới bên trái' },
  { value: 'bottom-right', label: 'Góc dưới bên phải' },
] as const;

const RULES = [
  { value: 'decree', label: 'Theo thông lệ: dưới số, ký hiệu / trích yếu / ngày tháng (mặc định)' },
  { value: 'corner', label: 'Chỗ trống gần góc đã chọn' },
] as const;

/** Attachment size limit, where dấu ĐẾN goes, and the days off that deadlines skip. */
export function OfficeSettingsCard() {
  const { message } = App.useApp();
  const [form] = Form.useForm<{
    attachmentsMaxMb: number;
    stampCorner: (typeof CORNERS)[number]['value'];
    stampRule: (typeof RULES)[number]['value'];
    holidays: string;
    markPrint: boolean;
    markDownload: boolean;
  }>();
  const shown = (s: MethodOutput<'settings.office'>) => ({
    ...s,
    holidays: s.holidays.map(formatDate).join('\n'),
    markPrint: s.copyMarks.print,
    markDownload: s.copyMarks.download,
  });
  useEffect(() => {
    api.call('settings.office').then(
      (s) => form.setFieldsValue(shown(s)),
      (err: Error) => message.error(`Chưa tải được cài đặt văn phòng: ${err.message}`),
    );
  }, [form, message]);
  const save = async () => {
    const v = await filledIn(form);
    if (!v) return;
    const lines = v.holidays
      .split(/[\n,;]+/)
      .map((l) => l.trim())
      .filter(Boolean);
    const dates = lines.map((l) => parseTypedDate(l));
    const bad = lines.find((_, i) => !dates[i]);
    if (bad) return message.error(`“${bad}” không phải ngày có thật (ngày/tháng/năm).`);
    try {
      const s = await api.call('settings.saveOffice', {
        attachmentsMaxMb: v.attachmentsMaxMb,
        stampCorner: v.stampCorner,
        stampRule: v.stampRule,
        holidays: dates as string[],
        copyMarks: { print: v.markPrint, download: v.markDownload },
      });
      form.setFieldsValue(shown(s));
      message.success('Đã lưu cài đặt.');
    } catch (err) {
      message.error((err as Error).message);
    }
  };
  return (
    <Card
      title="Cài đặt văn phòng"
      size="small"
      style={{ marginTop: 16 }}
      extra={
        <Button type="primary" onClick={() => void save()}>
          Lưu cài đặt
        </Button>
      }
    >
      <Form form={form} layout="vertical">
        <Space align="start" wrap>
          <Form.Item
            name="attachmentsMaxMb"
            label="Dung lượng tối đa một tệp đính kèm (MB)"
            required
            rules={[fieldRule(officeSettingsInput.shape.attachmentsMaxMb)]}
          >
            <InputNumber min={1} max={2048} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="stampRule" label="Đặt dấu ĐẾN trên trang đầu (không bao giờ đè lên chữ nếu còn chỗ trống)">
            <Select style={{ width: 440 }} options={RULES.map((c) => ({ ...c }))} aria-label="Cách đặt dấu ĐẾN" />
          </Form.Item>
          <Form.Item name="stampCorner" label="Góc ưu tiên khi tìm chỗ trống">
            <Select style={{ width: 260 }} options={CORNERS.map((c) => ({ ...c }))} aria-label="Góc ưu tiên đặt dấu ĐẾN" />
          </Form.Item>
        </Space>
        <Form.Item
          name="holidays"
          label="Ngày nghỉ lễ, Tết và nghỉ bù (mỗi dòng một ngày, dd/mm/yyyy) — thời hạn xử lý tính theo ngày làm việc, bỏ qua các ngày này, thứ Bảy, Chủ nhật và 01/01, 30/04, 01/05, 02/09"
        >
          <Input.TextArea rows={6} />
        </Form.Item>
        <Space wrap>
          <span>Bản PDF lấy ra từ VănThư mang dòng “Bản in/tải từ VănThư — họ tên — thời gian” ở lề mỗi trang (tệp gốc không đổi):</span>
          <Form.Item name="markPrint" valuePropName="checked" noStyle>
            <Checkbox>Bản in</Checkbox>
          </Form.Item>
          <Form.Item name="markDownload" valuePropName="checked" noStyle>
            <Checkbox>Bản tải về</Checkbox>
          </Form.Item>
        </Space>
      </Form>
    </Card>
  );
}
