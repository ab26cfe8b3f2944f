// A document's history in the words a clerk reads (Lịch sử xử lý).
import type { HistoryEntry } from '../../shared/api/handling.js';
import { TASK_ROLE_LABELS, type TaskRole } from '../../shared/domain/workflow.js';
import { formatDate } from '../../shared/text/dates.js';
import { documentEventsOf } from './history.js';
import type { Store } from '../core/store.js';
import { asText } from '../../shared/text/asText.js';

export function historyOf(store: Store, documentId: string): HistoryEntry[] {
  return documentEventsOf(store, documentId).map((e) => ({
    id: e.id,
    at: e.at,
    userId: e.userId,
    userName: e.userName,
    action: e.action,
    summary: describeEvent(e.action, e.data),
  }));
}

function describeEvent(action: string, d: Record<string, unknown>): string {
  const s = (k: string) => asText(d[k]);
  const deadline = d.deadline ? `, hạn ${formatDate(s('deadline'))}` : '';
  switch (action) {
    case 'register':
      return `Vào sổ văn bản đến, số đến ${s('number')}`;
    case 'import':
      return `Nhập từ sổ cũ “${s('file')}”, dòng ${s('row')}`;
    case 'attach':
      return `Đính kèm tệp “${s('name')}”${signaturesSaid(d.signatures)}`;
    case 'stamp':
      return `Đóng dấu ĐẾN lên tệp “${s('name')}”${d.placement ? ` — ${s('placement')}` : ''}${signaturesSaid(d.signatures)}`;
    case 'replaces':
      return `Ban hành thay thế văn bản ${s('code')}`;
    case 'replaced':
      return `Được thay thế bởi văn bản ${s('code')}`;
    case 'corrects':
      return `Ban hành đính chính văn bản ${s('code')}`;
    case 'corrected':
      return `Được đính chính bởi văn bản ${s('code')}`;
    case 'sign':
      return `Ký số (${s('as')}) — tệp “${s('name')}”${d.image ? `, dùng ${s('image')}` : ''}`;
    case 'detach':
      return `Gỡ tệp “${s('name')}”`;
    case 'submit':
      return `Trình lãnh đạo: ${s('leaderName')}${d.note ? ` (${s('note')})` : ''}`;
    case 'assign': {
      const parts = [`Chủ trì: ${s('lead')}${deadline}`];
      if ((d.coordinate as string[] | undefined)?.length) parts.push(`phối hợp: ${(d.coordinate as string[]).join(', ')}`);
      if ((d.inform as string[] | undefined)?.length) parts.push(`để biết: ${(d.inform as string[]).join(', ')}`);
      return `Chỉ đạo: “${s('direction')}” — ${parts.join('; ')}`;
    }
    case 'reassign':
      return `Giao lại cho ${s('to')}${deadline}`;
    case 'progress':
      return `Cập nhật tiến độ (${TASK_ROLE_LABELS[s('role') as TaskRole] ?? ''}): ${s('note')}`;
    case 'complete':
      return `Hoàn thành (${TASK_ROLE_LABELS[s('role') as TaskRole] ?? ''}): ${s('result')}${d.replyCode ? ` — văn bản trả lời ${s('replyCode')}` : ''}`;
    case 'return':
      return `Trả lại: ${s('reason')}`;
    case 'recall':
      return `Thu hồi: ${s('reason')}`;
    case 'file':
      return d.primary ? `Lưu vào hồ sơ ${s('notation')}` : `Tham chiếu trong hồ sơ ${s('notation')}`;
    case 'reply':
      return `Đã trả lời bằng văn bản ${s('code')}`;
    case 'reserve':
      return `Lấy số ${s('code')}`;
    case 'issue':
      return `Ban hành văn bản ${s('code')}`;
    case 'close':
      return 'Khóa sổ';
    case 'cancel':
      return `Hủy văn bản${d.reason ? `: ${s('reason')}` : ''}`;
    case 'exchange.received':
      return `Nhận liên thông từ ${s('organ')} (${s('documentId')})${d.metadataOnly ? ' — văn bản mật: chỉ nhận thông tin, không nhận tệp' : ''}`;
    case 'exchange.sent':
      return `${d.business === 'revoke' ? 'Gửi thu hồi liên thông' : d.business === 'replace' ? 'Gửi liên thông văn bản thay thế' : d.business === 'update' ? 'Gửi liên thông bản cập nhật' : 'Gửi liên thông'} đến ${s('organ')} (${s('organId')})`;
    case 'exchange.updated':
      return `Nhận bản cập nhật qua liên thông từ ${s('organ')}${d.files ? ` — thêm tệp: ${s('files')}` : ' — không có tệp mới'}`;
    case 'exchange.status':
      return `${s('organ')} báo: ${s('code')} ${s('label')}${d.description ? ` — ${s('description')}` : ''}`;
    default:
      return action;
  }
}

/** "— chữ ký số: Nguyễn Văn An (Hợp lệ)", as checked on the PC that attached the file. */
function signaturesSaid(v: unknown): string {
  if (!Array.isArray(v) || v.length === 0) return '';
  const each = v.map((x: Record<string, unknown>) => `${asText(x.signer) || 'không rõ người ký'} (${asText(x.verdict)})`);
  return ` — chữ ký số: ${each.join('; ')}`;
}
