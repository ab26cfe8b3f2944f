// A register entry that no longer stands: hủy (a cancelled number) or thu hồi (an issued document
// withdrawn). Both stay in the register, struck through, with the reason in Ghi chú — on screen,
// printed and exported — as a clerk would write it in the paper book.
import { formatDate, officeDate } from '../text/dates.js';

interface Entry {
  cancelled: boolean;
  cancelReason: string | null;
  recalledAt: string | null;
  recallReason: string | null;
}

export function isWithdrawn(d: Entry): boolean {
  return d.cancelled || d.recalledAt !== null;
}

/** What Ghi chú says of it, or null when the entry stands. */
export function withdrawnNote(d: Entry): string | null {
  if (d.cancelled) return `Đã hủy${d.cancelReason ? `: ${d.cancelReason}` : ''}`;
  if (d.recalledAt) return `Đã thu hồi ngày ${formatDate(officeDate(d.recalledAt))}${d.recallReason ? `: ${d.recallReason}` : ''}`;
  return null;
}

/** Ghi chú of a register row: the withdrawal first, then the clerk's notes. */
export function registerNote(d: Entry & { notes: string | null }): string {
  return [withdrawnNote(d), d.notes].filter(Boolean).join('. ');
}
