// Đóng dấu ĐẾN: page 1 as drawn, with the stamp where the office's rule puts it; the clerk may
// move it (arrow keys, Shift for bigger steps, + and − for its size, or a click on the page)
// before Enter stamps it. A place over text or a drawing is allowed but said.
import { Alert, App, Button, Modal, Space, Spin, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { AttachmentRecord, StampPreview } from '../../../shared/api/attachments.js';
import { MIN_STAMP_SCALE, MM, STAMP_HEIGHT, STAMP_WIDTH, clampPlace, inkUnder, type PageMap } from '../../../shared/domain/stampPlace.js';
import { api } from '../../api/client';

type Place = { x: number; y: number; scale: number };

/** The preview's height on a 1366×768 screen, with the dialog's title and buttons. */
const VIEW_HEIGHT = 470;

function decodeInk(p: StampPreview): PageMap | null {
  if (!p.page || !p.ink) return null;
  const bin = atob(p.ink.cells);
  const ink = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) ink[i] = bin.charCodeAt(i);
  return { ...p.page, cell: p.ink.cell, cols: p.ink.cols, rows: p.ink.rows, ink, lines: [] };
}

export function StampDialog(props: {
  documentId: string;
  attachment: AttachmentRecord | null;
  onClose: () => void;
  onStamped: (copy: AttachmentRecord) => void;
}) {
  const { message } = App.useApp();
  const [preview, setPreview] = useState<StampPreview | null>(null);
  const [place, setPlace] = useState<Place | null>(null);
  const [busy, setBusy] = useState(false);
  const surface = useRef<HTMLDivElement>(null);
  const open = props.attachment !== null;
  const attachmentId = props.attachment?.id;

  useEffect(() => {
    if (!attachmentId) return;
    setPreview(null);
    setPlace(null);
    let live = true;
    api.call('incoming.stampPreview', { documentId: props.documentId, attachmentId }).then(
      (p) => {
        if (!live) return;
        setPreview(p);
        setPlace({ x: p.placement.x, y: p.placement.y, scale: p.placement.scale });
      },
      (err: Error) => {
        if (!live) return;
        message.error(err.message);
        props.onClose();
      },
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per file opened
  }, [attachmentId, props.documentId]);

  // The page arrives after the dialog has opened: the keys go to it then.
  useEffect(() => {
    if (preview) surface.current?.focus();
  }, [preview]);

  const map = useMemo(() => (preview ? decodeInk(preview) : null), [preview]);
  const page = preview?.page ?? null;
  const extendBy = preview?.placement.extendBy ?? 0;
  const moved =
    !!place && !!preview && (place.x !== preview.placement.x || place.y !== preview.placement.y || place.scale !== preview.placement.scale);
  const rect = place && page ? clampPlace({ ...page, extendBy }, place) : null;
  const overInk = rect && map && rect.y < map.height ? inkUnder(map, rect) > 0 : false;
  const k = page ? VIEW_HEIGHT / (page.height + extendBy) : 1;

  const moveTo = (p: Place) => {
    if (!page) return;
    const { x, y, scale } = clampPlace({ ...page, extendBy }, p);
    setPlace({ x, y, scale });
  };

  const onKey = (e: React.KeyboardEvent) => {
    if (!place) return;
    const step = (e.shiftKey ? 10 : 1) * MM;
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, -step],
      ArrowDown: [0, step],
    };
    const d = moves[e.key];
    if (d) {
      e.preventDefault();
      moveTo({ ...place, x: place.x + d[0], y: place.y + d[1] });
    } else if (e.key === '+' || e.key === '=' || e.key === '-' || e.key === '−') {
      e.preventDefault();
      const scale = Math.min(1, Math.max(MIN_STAMP_SCALE, place.scale + (e.key === '-' || e.key === '−' ? -0.1 : 0.1)));
      moveTo({ ...place, scale: Math.round(scale * 10) / 10 });
    } else if (e.key === 'Enter') {
      e.preventDefault();
      void stamp();
    }
  };

  const onClick = (e: React.MouseEvent<HTMLDivElement>) => {
    if (!place || !page) return;
    const box = e.currentTarget.getBoundingClientRect();
    const x = (e.clientX - box.left) / k;
    const y = (e.clientY - box.top) / k;
    moveTo({ ...place, x: x - (STAMP_WIDTH * place.scale) / 2, y: y - (STAMP_HEIGHT * place.scale) / 2 });
    surface.current?.focus();
  };

  const stamp = async () => {
    if (!attachmentId || busy) return;
    setBusy(true);
    try {
      const copy = await api.call('incoming.stamp', {
        documentId: props.documentId,
        attachmentId,
        // The place shown is the one stamped (no second reading of the page); unmoved, the history names the rule.
        ...(place && preview
          ? { place: moved ? place : { ...place, how: preview.placement.how === 'chosen' ? undefined : preview.placement.how } }
          : {}),
      });
      message.success('Đã đóng dấu ĐẾN vào bản sao; bản gốc giữ nguyên.');
      props.onStamped(copy);
    } catch (err) {
      message.error((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const where = !preview ? '' : moved ? 'Vị trí văn thư chọn' : `Đề xuất: ${preview.placement.words}`;
  return (
    <Modal
      open={open}
      title={`Đóng dấu ĐẾN — ${props.attachment?.name ?? ''}`}
      width={Math.max(520, Math.round((page ? page.width * k : 340) + 48))}
      onCancel={props.onClose}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={props.onClose}>Hủy</Button>
          <Button
            disabled={!moved}
            onClick={() => preview && setPlace({ x: preview.placement.x, y: preview.placement.y, scale: preview.placement.scale })}
          >
            Về chỗ đề xuất
          </Button>
          <Button type="primary" loading={busy} disabled={!preview} onClick={() => void stamp()}>
            Đóng dấu (Enter)
          </Button>
        </Space>
      }
    >
      {!preview && (
        <div style={{ height: VIEW_HEIGHT, display: 'grid', placeItems: 'center' }}>
          <Spin description="Đang đọc trang đầu để tìm chỗ trống…">
            <div style={{ width: 200, height: 60 }} />
          </Spin>
        </div>
      )}
      {preview && !page && (
        <Alert
          type="warning"
          showIcon
          title="Không vẽ được trang đầu để xem trước."
          description="Dấu sẽ đặt ở góc đã chọn trong Quản trị, trên nền trắng. Bấm Đóng dấu (Enter) hoặc Hủy."
        />
      )}
      {preview && page && place && rect && (
        <>
          {/* A 2-D placement surface with its own keys (ARIA "application"); a click places too. */}
          {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions */}
          <div
            ref={surface}
            // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- the surface takes the arrow keys
            tabIndex={0}
            role="application"
            aria-label="Trang đầu và dấu ĐẾN: phím mũi tên để dời dấu (giữ Shift để dời xa), + và − để đổi cỡ, Enter để đóng dấu"
            aria-describedby="vt-stamp-where"
            data-testid="stamp-surface"
            className="vt-stamp-surface"
            onKeyDown={onKey}
            onClick={onClick}
            style={{ width: page.width * k, height: (page.height + extendBy) * k }}
          >
            {preview.image && (
              <img src={preview.image} alt="" style={{ width: page.width * k, height: page.height * k, display: 'block' }} />
            )}
            <div
              data-testid="stamp-box"
              className={overInk ? 'vt-stamp-box vt-stamp-over' : 'vt-stamp-box'}
              style={{ left: rect.x * k, top: rect.y * k, width: rect.width * k, height: rect.height * k }}
            >
              ĐẾN
            </div>
          </div>
          <Typography.Paragraph id="vt-stamp-where" aria-live="polite" style={{ margin: '8px 0 0' }} data-testid="stamp-where">
            {where} · cỡ {Math.round(rect.scale * 100)}%
            {overInk && <Typography.Text type="danger"> · Dấu đang đè lên chữ hoặc hình của trang.</Typography.Text>}
          </Typography.Paragraph>
        </>
      )}
    </Modal>
  );
}
