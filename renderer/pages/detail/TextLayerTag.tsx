// The mark a file carries while, or after, its text is read for search: a PDF's text layer, or a
// scan read by OCR on this PC — with its progress and a way to stop it or go on.
import { Button, Progress, Space, Tag } from 'antd';
import type { AttachmentRecord } from '../../../shared/api/attachments.js';
import { api } from '../../api/client';

type Mark = Exclude<AttachmentRecord['textLayer'], null | 'text'>;

const TEXT_LAYER: Record<Mark, { label: string; color?: string; title: string }> = {
  pending: { label: 'Đang đọc chữ…', title: 'Chữ trong tệp đang được đọc để tìm kiếm theo nội dung.' },
  no_text: {
    label: 'Bản quét — chờ nhận dạng chữ',
    color: 'orange',
    title: 'Tệp chỉ có hình ảnh: máy này sẽ nhận dạng chữ (OCR) để tìm được theo nội dung tệp.',
  },
  ocr: {
    label: 'Chữ nhận dạng từ bản quét',
    color: 'blue',
    title: 'Tìm được theo nội dung tệp; chữ do máy nhận dạng nên có thể sai vài chữ.',
  },
  ocr_empty: {
    label: 'Bản quét — không nhận dạng được chữ',
    color: 'orange',
    title: 'Máy đã đọc hình nhưng không thấy chữ (ảnh chụp, hình vẽ): chỉ tìm được theo thông tin trong sổ.',
  },
  ocr_partial: {
    label: 'Chỉ nhận dạng được một phần',
    color: 'orange',
    title: 'Có trang không nhận dạng được chữ (hoặc tệp quá 300 trang): chỉ tìm được theo phần đã đọc.',
  },
  ocr_stopped: { label: 'Đã dừng nhận dạng chữ', title: 'Đã dừng theo yêu cầu: chỉ tìm được theo phần đã đọc.' },
  encrypted: {
    label: 'Có mật khẩu',
    color: 'red',
    title: 'Tệp PDF đặt mật khẩu: không đọc được chữ để tìm kiếm, không đóng được dấu ĐẾN. Hãy xin bản không mật khẩu.',
  },
  failed: { label: 'Không đọc được chữ', title: 'Tệp bị hỏng: không tìm được theo nội dung tệp.' },
  too_large: { label: 'Tệp quá lớn — không đọc chữ', title: 'Tệp trên 64 MB: không tìm được theo nội dung tệp.' },
};

export function TextLayerTag({ file, onChanged }: { file: AttachmentRecord; onChanged?: () => void }) {
  const mark = file.textLayer;
  if (!mark || mark === 'text') return null;
  const act = (method: 'attachments.ocrStop' | 'attachments.ocrResume') => void api.call(method, { id: file.id }).then(onChanged);
  if (file.ocr) {
    const percent = Math.round((file.ocr.done / Math.max(1, file.ocr.pages)) * 100);
    return (
      <Space size={4} data-testid="ocr-progress">
        <Tag color="processing" title="Máy này đang nhận dạng chữ (OCR), từng trang một.">
          Đang nhận dạng chữ: {file.ocr.done}/{file.ocr.pages} trang
        </Tag>
        <Progress percent={percent} size="small" style={{ width: 80, margin: 0 }} showInfo={false} aria-label="Tiến độ nhận dạng chữ" />
        {onChanged && (
          <Button size="small" onClick={() => act('attachments.ocrStop')}>
            Dừng
          </Button>
        )}
      </Space>
    );
  }
  const t = TEXT_LAYER[mark];
  return (
    <Space size={4}>
      <Tag color={t.color} title={t.title} data-testid="text-layer">
        {t.label}
      </Tag>
      {onChanged && (mark === 'ocr_stopped' || mark === 'ocr_partial') && (
        <Button size="small" onClick={() => act('attachments.ocrResume')}>
          Nhận dạng lại
        </Button>
      )}
    </Space>
  );
}
