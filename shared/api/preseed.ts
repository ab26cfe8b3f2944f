// vanthu.config.json: settings IT staff put beside the executable or in the machine's shared
// config folder (%ProgramData%\VanThu, /etc/vanthu) before the first start.
import { z } from 'zod';
import { isHttpsOrLocal } from '../sync/secureUrl.js';

const url = (label: string) =>
  z
    .string()
    .url({ error: `${label} không phải địa chỉ hợp lệ.` })
    .max(500)
    .refine(isHttpsOrLocal, { error: `${label} phải dùng https:// (http:// chỉ với 127.0.0.1), không kèm tên đăng nhập hay mật khẩu.` });

export const preseedSchema = z.strictObject({
  office: z
    .strictObject({ name: z.string().trim().min(1).max(200), code: z.string().trim().min(1).max(30) })
    .partial()
    .optional(),
  sync: z.strictObject({ serverUrl: url('sync.serverUrl'), enrollmentCode: z.string().trim().min(4).max(100).optional() }).optional(),
  updates: z.strictObject({ url: url('updates.url') }).optional(),
  backup: z.strictObject({ folder: z.string().trim().min(1).max(1000), daily: z.boolean().default(true) }).optional(),
});
export type Preseed = z.infer<typeof preseedSchema>;
