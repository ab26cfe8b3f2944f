// Ký nhận of a document sent electronically: per recipient organ, the latest status it sent
// back and when (01 đã đến … 06 đã xử lý xong), or that the package still waits to go.
import type { DocumentRecord } from '../../../shared/api/documents.js';
import { receiptText } from '../../../shared/domain/exchange.js';
import { formatInstant } from '../../../shared/text/dates.js';

export function Receipts({ receipts }: { receipts: NonNullable<DocumentRecord['receipts']> }) {
  return (
    <div className="vt-receipts" data-testid="receipts">
      {receipts.map((r) => (
        <div key={r.organId}>{receiptText(r, formatInstant)}</div>
      ))}
    </div>
  );
}
