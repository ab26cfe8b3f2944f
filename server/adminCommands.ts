// The admin commands as text in, text out: run on the database directly, or — when a server on
// PGlite holds the data folder (one process only may open it) — inside that server, asked over
// 127.0.0.1 with the secret it wrote beside its data (server/main.ts).
import { createEnrollCode, createUnit, listDevices, listUnits, reorganiseUnit, revokeDevice } from './admin.js';
import { REFORM_LABELS } from '../shared/domain/reform.js';
import type { ServerDb } from './db.js';
import { SyncError } from './errors.js';

export type AdminArgs = Record<string, string | undefined>;

export const ADMIN_USAGE = `  npm run server -- admin create-unit --code MÃ --name "Tên đơn vị" [--parent MÃ_CẤP_TRÊN]
  npm run server -- admin enroll-code --unit MÃ
  npm run server -- admin reorganise --kind sap_nhap|hop_nhat|chia_tach|giai_the --from MÃ_CŨ --into MÃ_TIẾP_NHẬN --effective 2025-07-01 [--parent MÃ_CẤP_TRÊN]
  npm run server -- admin revoke-device --device MÃ_MÁY
  npm run server -- admin units | devices [--unit MÃ]`;

export async function runAdmin(db: ServerDb, command: string | undefined, args: AdminArgs): Promise<string> {
  const need = (k: string) => {
    const value = args[k];
    if (!value) throw new SyncError('BAD_REQUEST', `Thiếu --${k}.\n${ADMIN_USAGE}`);
    return value;
  };
  switch (command) {
    case 'create-unit': {
      const u = await createUnit(db, { code: need('code'), name: need('name'), ...(args.parent ? { parent: args.parent } : {}) });
      return `Đã tạo đơn vị ${u.code} — ${u.name} (${u.id})`;
    }
    case 'enroll-code': {
      const c = await createEnrollCode(db, need('unit'));
      return `Mã đăng ký cho ${c.unit.code} — ${c.unit.name}: ${c.code}\nDùng một lần, hết hạn ${c.expiresAt.toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' })}.`;
    }
    case 'reorganise': {
      const r = await reorganiseUnit(db, {
        kind: need('kind'),
        from: need('from'),
        into: need('into'),
        effectiveDate: need('effective'),
        parent: args.parent,
      });
      return [
        `Đã ghi nhận: ${r.from.code} — ${r.from.name} → ${r.into.code} — ${r.into.name} (${REFORM_LABELS[need('kind') as keyof typeof REFORM_LABELS]}, từ ${need('effective')}).`,
        r.children ? `${r.children} đơn vị trực thuộc ${r.from.code} chuyển về ${r.into.code}.` : '',
        `Máy của ${r.from.code} không gửi dữ liệu lên nữa. Trên một máy của ${r.into.code}: Quản trị → Tổ chức lại đơn vị → Tiếp nhận, chọn bản sao lưu của ${r.from.code}.`,
      ]
        .filter(Boolean)
        .join('\n');
    }
    case 'revoke-device': {
      const d = await revokeDevice(db, need('device'));
      return `Đã thu hồi quyền đồng bộ của máy ${d.name} (${d.id}).`;
    }
    case 'units':
      return (await listUnits(db))
        .map(
          (u) => `${u.code}\t${u.name}\t${u.devices} máy\t${u.changes} thay đổi${u.successor ? `\t→ ${u.successor} từ ${u.endedOn}` : ''}`,
        )
        .join('\n');
    case 'devices':
      return (await listDevices(db, args.unit))
        .map(
          (d) =>
            `${d.id}\t${d.unit}\t${d.name}\t${d.revokedAt ? 'đã thu hồi' : d.lastSeenAt ? `lần cuối ${d.lastSeenAt.toISOString()}` : 'chưa kết nối'}`,
        )
        .join('\n');
    default:
      throw new SyncError('BAD_REQUEST', `Lệnh quản trị không hiểu: ${command ?? '(trống)'}.\n${ADMIN_USAGE}`);
  }
}
