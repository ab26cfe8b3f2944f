// In sổ / Xuất Excel / Khóa sổ for a register: pick the book and the dates, then open the PDF,
// save it, or export the rows. A closed book is shown greyed.
import { FileExcelOutlined, LockOutlined, PrinterOutlined } from './icons';
import { App, Button, Form, Modal, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { bookLabel } from './bookLabel';
import { DateInput, toIsoDate } from './DateInput';
import { useEffect, useMemo, useState } from 'react';
import { api, openFile } from '../api/client';
import { useBusyAction } from '../hooks/useBusyAction';
import { refreshLookup, useLookup } from '../hooks/useLookup';

type Kind = 'incoming' | 'outgoing' | 'followup';

export function RegisterPrint({ kinds, canClose }: { kinds: { value: Kind; label: string }[]; canClose: boolean }) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const allBooks = useLookup('books').rows;
  const [kind, setKind] = useState<Kind>(kinds[0]!.value);
  const [bookId, setBookId] = useState<string | undefined>();
  // Typed as dd/mm/yyyy like every date; a whole, real date limits the rows.
  const [range, setRange] = useState<[string, string]>(['', '']);
  const [busy, run] = useBusyAction();

  const bookKind = kind === 'outgoing' ? 'outgoing' : 'incoming';
  const books = useMemo(() => allBooks.filter((b) => b.kind === bookKind), [allBooks, bookKind]);
  useEffect(() => {
    if (open) void refreshLookup('books'); // next numbers and closed books change as the clerk works
  }, [open]);
  // The chosen book, or the kind's first once the list is there (no effect: derived on render).
  const chosen = books.some((b) => b.id === bookId) ? bookId : books[0]?.id;

  const input = () => ({ kind, bookId: chosen, from: toIsoDate(range[0]) ?? undefined, to: toIsoDate(range[1]) ?? undefined });
  const book = books.find((b) => b.id === chosen);

  return (
    <>
      <Button icon={<PrinterOutlined />} onClick={() => setOpen(true)} title="In sổ, xuất Excel, khóa sổ">
        In sổ
      </Button>
      <Modal open={open} onCancel={() => setOpen(false)} footer={null} title="In sổ, xuất Excel, khóa sổ" width={560}>
        <Form layout="vertical">
          {kinds.length > 1 && (
            <Form.Item label="Sổ cần in">
              <Select value={kind} onChange={setKind} options={kinds} aria-label="Sổ" />
            </Form.Item>
          )}
          <Form.Item label="Quyển sổ">
            <Select
              value={chosen}
              onChange={setBookId}
              aria-label="Quyển sổ"
              options={books.map((b) => ({
                value: b.id,
                label: (
                  <Space wrap>
                    <span style={{ color: b.closed ? '#595959' : undefined }}>{bookLabel(b)}</span>
                    {b.closed && <Tag>Đã khóa</Tag>}
                  </Space>
                ),
              }))}
            />
          </Form.Item>
          <Form.Item label="Khoảng ngày (để trống: cả sổ)">
            <Space>
              <DateInput value={range[0]} onChange={(v) => setRange(([, b]) => [v, b])} aria-label="In từ ngày" placeholder="từ ngày" />
              <DateInput value={range[1]} onChange={(v) => setRange(([a]) => [a, v])} aria-label="In đến ngày" placeholder="đến ngày" />
            </Space>
          </Form.Item>
        </Form>
        <Space wrap>
          <Button
            type="primary"
            icon={<PrinterOutlined />}
            disabled={!chosen}
            loading={busy === 'print'}
            onClick={() => void run('print', () => openFile('registers.print', input(), false))}
          >
            Mở bản in (PDF)
          </Button>
          <Button
            disabled={!chosen}
            loading={busy === 'save'}
            onClick={() => void run('save', () => openFile('registers.print', input(), true))}
          >
            Lưu PDF…
          </Button>
          <Button
            icon={<FileExcelOutlined />}
            disabled={!chosen}
            loading={busy === 'xlsx'}
            onClick={() => void run('xlsx', () => openFile('registers.export', input(), true))}
          >
            Xuất Excel
          </Button>
          {canClose && book && !book.closed && (
            <Popconfirm
              title={`Khóa “${book.name}”? Sau khi khóa không ghi thêm, sửa hay hủy được văn bản trong sổ.`}
              okText="Khóa sổ"
              cancelText="Không"
              onConfirm={() =>
                void run('close', async () => {
                  await api.call('books.close', { id: book.id });
                  message.success(`Đã khóa ${book.name}.`);
                  await refreshLookup('books');
                })
              }
            >
              <Button danger icon={<LockOutlined />} loading={busy === 'close'}>
                Khóa sổ
              </Button>
            </Popconfirm>
          )}
        </Space>
        {book && !book.printedAt && canClose && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
            Sổ chỉ khóa được sau khi đã in.
          </Typography.Paragraph>
        )}
      </Modal>
    </>
  );
}
