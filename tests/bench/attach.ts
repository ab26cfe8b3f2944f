// Child process of the bench: attach one big file through the real service, and report the
// process's peak memory before and after (so the parent's own memory does not count).
import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { registerIncoming, INCOMING_DEFAULTS } from '../../db/incoming/incoming.js';
import { initialize } from '../../db/admin/setup.js';
import { openStore } from '../../db/core/store.js';
import { AttachmentsService } from '../../electron/files/attachmentsService.js';
import { BlobStore } from '../../electron/files/blobStore.js';

const file = process.argv[2]!;
const dir = mkdtempSync(join(tmpdir(), 'vanthu-bench-attach-'));
const store = openStore(join(dir, 'bench.sqlite'));
initialize(store, { unitName: 'Sở GD-ĐT', unitCode: 'SGDĐT', adminUsername: 'admin', adminFullName: 'Quản trị', adminPasswordHash: 'x' });
const doc = registerIncoming(
  store,
  { userId: null },
  { agency: 'Bộ GD-ĐT', code: '1/BGDĐT', type: 'CV', issuedDate: '2026-01-02', summary: 'Tệp lớn', ...INCOMING_DEFAULTS },
);
const service = new AttachmentsService(store, new BlobStore(join(dir, 'files')));
const before = process.resourceUsage().maxRSS * 1024;
const t = performance.now();
const a = await service.add(
  { userId: null },
  { documentId: doc.id, name: 'lon.pdf', source: createReadStream(file), declaredSize: statSync(file).size },
);
const ms = performance.now() - t;
const after = process.resourceUsage().maxRSS * 1024;
process.stdout.write(JSON.stringify({ ms, size: a.size, peakBefore: before, peakAfter: after, growth: after - before }));
store.close();
rmSync(dir, { recursive: true, force: true });
