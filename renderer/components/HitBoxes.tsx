// A search's hit shown on the page: marks over the words, and a line saying where they are.
import { Typography } from 'antd';
import type { PageBox } from '../../shared/text/highlight.js';
import type { PageHits } from './pageHits';

export function HitBoxes({ boxes }: { boxes: PageBox[] }) {
  return (
    <>
      {boxes.map(([x0, y0, x1, y1], i) => (
        <div
          key={i}
          data-testid="hit-box"
          aria-hidden
          style={{
            position: 'absolute',
            left: `${x0 * 100}%`,
            top: `${y0 * 100}%`,
            width: `${(x1 - x0) * 100}%`,
            height: `${(y1 - y0) * 100}%`,
            background: 'rgba(255, 214, 0, 0.35)',
            outline: '2px solid #d48806',
            pointerEvents: 'none',
          }}
        />
      ))}
    </>
  );
}

export function HitSummary({ q, hits }: { q: string; hits: PageHits[] }) {
  const places = hits.reduce((n, h) => n + h.boxes.length, 0);
  const [first, ...more] = hits;
  return (
    <Typography.Paragraph data-testid="hit-summary" style={{ marginBottom: 8 }}>
      {first
        ? `Thấy “${q}” ở trang ${first.page}${more.length ? ` và ${more.length} trang khác` : ''} (${places} chỗ, tô vàng).`
        : `Không chỉ ra được chỗ của “${q}” trên trang (chữ trong tệp khác chữ tìm).`}
    </Typography.Paragraph>
  );
}
