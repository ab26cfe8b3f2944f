// `npm run server -- --data DIR --port N` runs the endpoint on PGlite in DIR (or on the
// PostgreSQL of DATABASE_URL); `npm run server -- admin <command>` administers it.
import { parseArgs } from 'node:util';
import { createEnrollCode, createUnit, listDevices, listUnits, revokeDevice } from './admin.js';
import { buildApp, DEFAULT_MAX_PUSH_BYTES } from './app.js';
import { openServerDb, type ServerDb } from './db.js';
import { SyncError } from './errors.js';

const USAGE = `VănThư — máy chủ đồng bộ
  npm run server -- --data THƯ_MỤC [--port 8787] [--host 127.0.0.1] [--max-push-mb 8]
  npm run server -- admin create-unit --code MÃ --name "Tên đơn vị" [--parent MÃ_CẤP_TRÊN]
  npm run server -- admin enroll-code --unit MÃ
  npm run server -- admin revoke-device --device MÃ_MÁY
  npm run server -- admin units | devices [--unit MÃ]
Với DATABASE_URL=postgres://… máy chủ dùng PostgreSQL đó thay cho PGlite trong --data.`;

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      data: { type: 'string' },
      port: { type: 'string', default: '8787' },
      host: { type: 'string', default: '127.0.0.1' },
      'max-push-mb': { type: 'string' },
      code: { type: 'string' },
      name: { type: 'string' },
      parent: { type: 'string' },
      unit: { type: 'string' },
      device: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) return void console.log(USAGE);
  const url = process.env.DATABASE_URL;
  if (!url && !values.data) throw new SyncError('BAD_REQUEST', `Cần --data THƯ_MỤC (hoặc DATABASE_URL).\n${USAGE}`);
  const db = await openServerDb(url ? { url } : { dataDir: values.data! });
  if (positionals[0] === 'admin') {
    try {
      await admin(db, positionals[1], values);
    } finally {
      await db.close();
    }
    return;
  }
  const maxPushBytes = values['max-push-mb'] ? Number(values['max-push-mb']) * 1024 * 1024 : DEFAULT_MAX_PUSH_BYTES;
  const app = buildApp(db, { maxPushBytes, log: true });
  const address = await app.listen({ port: Number(values.port), host: values.host });
  console.log(`VănThư máy chủ đồng bộ: ${address} (${db.kind === 'pglite' ? `PGlite trong ${values.data}` : 'PostgreSQL'}, máy chủ ${db.serverId})`);
  const stop = async () => {
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

async function admin(db: ServerDb, command: string | undefined, v: Record<string, string | boolean | undefined>): Promise<void> {
  const need = (k: string) => {
    const value = v[k];
    if (typeof value !== 'string' || !value) throw new SyncError('BAD_REQUEST', `Thiếu --${k}.\n${USAGE}`);
    return value;
  };
  switch (command) {
    case 'create-unit': {
      const u = await createUnit(db, { code: need('code'), name: need('name'), ...(typeof v.parent === 'string' ? { parent: v.parent } : {}) });
      console.log(`Đã tạo đơn vị ${u.code} — ${u.name} (${u.id})`);
      return;
    }
    case 'enroll-code': {
      const c = await createEnrollCode(db, need('unit'));
      console.log(`Mã đăng ký cho ${c.unit.code} — ${c.unit.name}: ${c.code}\nDùng một lần, hết hạn ${c.expiresAt.toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' })}.`);
      return;
    }
    case 'revoke-device': {
      const d = await revokeDevice(db, need('device'));
      console.log(`Đã thu hồi quyền đồng bộ của máy ${d.name} (${d.id}).`);
      return;
    }
    case 'units':
      for (const u of await listUnits(db)) console.log(`${u.code}\t${u.name}\t${u.devices} máy\t${u.changes} thay đổi`);
      return;
    case 'devices':
      for (const d of await listDevices(db, typeof v.unit === 'string' ? v.unit : undefined)) {
        console.log(`${d.id}\t${d.unit}\t${d.name}\t${d.revokedAt ? 'đã thu hồi' : d.lastSeenAt ? `lần cuối ${d.lastSeenAt.toISOString()}` : 'chưa kết nối'}`);
      }
      return;
    default:
      throw new SyncError('BAD_REQUEST', USAGE);
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  console.error(err instanceof SyncError ? err.message : err);
  process.exit(1);
});
