// The mark a PDF carries while, or after, its text layer is read for search.
import { Tag } from 'antd';
import type { AttachmentRecord } from '../../../shared/api/attachments.js';

const TEXT_LAYER: Record<Exclude<AttachmentRecord['textLayer'], null | 'text'>, { label: string; color?: string; title: string }> = {
  pending: { label: 'Đang đọc chữ…', title: 'Chữ trong tệp đang được đọc để tìm kiếm theo nội dung.' },
  no_text: {
    label: 'Bản quét — không có lớp chữ',
    color: 'orange',
    title: 'Tệp chỉ có hình ảnh: không tìm được theo nội dung tệp, chỉ theo thông tin trong sổ.',
  },
  encrypted: {
    label: 'Có mật khẩu',
    color: 'red',
    title: 'Tệp PDF đặt mật khẩu: không đọc được chữ để tìm kiếm, không đóng được dấu ĐẾN. Hãy xin bản không mật khẩu.',
  },
  failed: { label: 'Không đọc được chữ', title: 'Tệp bị hỏng: không tìm được theo nội dung tệp.' },
  too_large: { label: 'Tệp quá lớn — không đọc chữ', title: 'Tệp trên 64 MB: không tìm được theo nội dung tệp.' },
};

export function TextLayerTag({ mark }: { mark: AttachmentRecord['textLayer'] }) {
  if (!mark || mark === 'text') return null;
  const t = TEXT_LAYER[mark];
  return (
    <Tag color={t.color} title={t.title} data-testid="text-layer">
      {t.label}
    </Tag>
  );
}
