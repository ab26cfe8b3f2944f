// Tiếp nhận đơn vị (#19 item 8), measured: a dissolved unit of 20,000 documents — each registered,
// submitted and assigned, so with its history and a task — taken over by its successor through
// the one write path, batch by batch; the time, the rate, the process's peak memory, and how long
// the office waits at most between two batches (another request is answered then).
// `node dist/bench/reform.mjs [--docs 20000]`; run by `npm run bench`; writes bench-results/reform.json.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { initialize } from '../../db/admin/setup.js';
import { createUser } from '../../db/admin/users.js';
import { openStore } from '../../db/core/store.js';
import { assignIncoming, submitIncoming } from '../../db/handling/steps.js';
import { INCOMING_DEFAULTS, registerIncoming } from '../../db/incoming/incoming.js';
import { takeOverBatches } from '../../db/reform/takeOver.js';
import { corpusDocument } from './corpus.js';
import { verdictTable } from './verdicts.js';

const { rows, add } = verdictTable();
const arg = (name: string, fallback: number) => Number(process.argv[process.argv.indexOf(name) + 1] ?? NaN) || fallback;
const DOCS = arg('--docs', 20_000);
const dir = mkdtempSync(join(tmpdir(), 'vanthu-bench-reform-'));
const at = () => new Date('2025-06-20T02:00:00Z');

const old = openStore(join(dir, 'huyen.sqlite'), { now: at });
const admin = initialize(old, {
  unitName: 'Phòng Giáo dục và Đào tạo huyện Hàm Yên',
  unitCode: 'PGDĐT',
  adminUsername: 'quantri',
  adminFullName: 'Quản trị',
  adminPasswordHash: 'x',
});
const ctx = { userId: admin.userId, signer: admin.signer };
// The bench's people never log in: no sealed key is needed, only a row.
const NO_KEY = { publicKey: 'bench', sealedKey: 'bench' };
const clerk = createUser(old, ctx, { username: 'vanthu', fullName: 'Văn thư', passwordHash: 'x', key: NO_KEY, roles: ['clerk'] });
const leader = createUser(old, ctx, { username: 'lanhdao', fullName: 'Lãnh đạo', passwordHash: 'x', key: NO_KEY, roles: ['leader'] });
const specialist = createUser(old, ctx, {
  username: 'chuyenvien',
  fullName: 'Chuyên viên',
  passwordHash: 'x',
  key: NO_KEY,
  roles: ['specialist'],
});
for (let start = 0; start < DOCS; start += 1000) {
  old.sqlite.transaction(() => {
    for (let i = start; i < Math.min(DOCS, start + 1000); i++) {
      const d = registerIncoming(old, { userId: clerk.id }, { ...corpusDocument(i), issuedDate: '2025-06-02', ...INCOMING_DEFAULTS });
      submitIncoming(old, { userId: clerk.id }, { id: d.id, leaderId: leader.id, note: null });
      assignIncoming(
        old,
        { userId: leader.id },
        {
          id: d.id,
          direction: 'Giao chuyên viên xử lý',
          lead: { userId: specialist.id, deadline: '2025-07-30' },
          coordinate: [],
          inform: [],
        },
      );
    }
  })();
}
const rowCount = (['documents', 'document_events', 'tasks'] as const).reduce(
  (s, t) => s + (old.sqlite.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n,
  0,
);

const successor = openStore(join(dir, 'xa.sqlite'), { now: () => new Date('2025-07-02T02:00:00Z') });
const them = initialize(successor, {
  unitName: 'Ủy ban nhân dân xã Hàm Yên',
  unitCode: 'UBND',
  adminUsername: 'quantri',
  adminFullName: 'Quản trị',
  adminPasswordHash: 'x',
});

const peak = () => process.resourceUsage().maxRSS * 1024;
const base = peak();
let worstBatch = 0;
let last = performance.now();
const t = performance.now();
const steps = takeOverBatches(successor, { userId: them.userId, signer: them.signer }, old, {
  kind: 'giai_the',
  effectiveDate: '2025-07-01',
});
let result;
for (;;) {
  const step = steps.next();
  const now = performance.now();
  worstBatch = Math.max(worstBatch, now - last);
  last = now;
  if (step.done) {
    result = step.value;
    break;
  }
}
const ms = performance.now() - t;
const grown = (peak() - base) / 1e6;
const taken = result.rows.documents ?? 0;

add(
  `take over a unit of ${DOCS.toLocaleString('en')} documents (${rowCount.toLocaleString('en')} rows with history and tasks)`,
  `${(ms / 1000).toFixed(1)} s, ${Math.round((rowCount / ms) * 1000).toLocaleString('en')} rows/s, ${taken.toLocaleString('en')} documents in`,
  '≤ 60 s, every document in',
  ms <= 60_000 && taken === DOCS,
);
add('the longest the office waits between two batches', `${worstBatch.toFixed(0)} ms`, '≤ 1,000 ms', worstBatch <= 1000);
add('resident memory grown during the takeover', `${grown.toFixed(0)} MB`, '≤ 200 MB', grown <= 200);

old.close();
successor.close();
rmSync(dir, { recursive: true, force: true });
console.log('\nVănThư bench — tiếp nhận đơn vị\n');
console.table(rows);
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/reform.json', JSON.stringify({ at: new Date().toISOString(), node: process.version, rows }, null, 2));
console.log('written: bench-results/reform.json');
