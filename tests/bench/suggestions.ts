// Suggestions from history (#16 part 4), measured: a Sở's register is routed by hidden rules
// (tests/helpers/routingCorpus: subject → phòng, a Bộ công văn by its ký hiệu suffix, finance
// organs → Kế hoạch - Tài chính, one routing in ten breaking the rules), through the real
// backend; then each of the next documents asks who should handle it and where it is filed, and
// is scored against the rules: top-1 and top-3 of chủ trì, phối hợp, days, dossier, and the
// time an answer takes. `node dist/bench/suggestions.mjs [--history N] [--tests N]`; run by
// `npm run bench`; writes bench-results/suggestions.json.
import { pct, verdictTable } from './verdicts.js';
import { mkdirSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { setUpOffice } from '../helpers/office.js';
import { manualClock } from '../helpers/tempStore.js';
import { routedDoc, routingOffice } from '../helpers/routingCorpus.js';
import { WorkCalendar } from '../../shared/domain/workdays.js';
import { officeDate } from '../../shared/text/dates.js';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const HISTORY = arg('history', 2000);
const TESTS = arg('tests', 300);
const NOISE = 0.1;

const clock = manualClock('2025-09-03T02:00:00Z');
const office = await setUpOffice({ now: clock.now });
const corpus = await routingOffice(office, clock.now);
const started = performance.now();
await corpus.openDossiers(2025);
// The history spans the turn of the year: last year's dossiers are closed, this year's opened.
const turn = Math.floor(HISTORY * 0.6);
for (let i = 0; i < HISTORY; i++) {
  if (i === turn) {
    clock.set('2026-01-05T02:00:00Z');
    await corpus.closeDossiers(2025);
    await corpus.openDossiers(2026);
  }
  clock.advance(((i % 5) + 1) * 1800_000);
  await corpus.route(i, NOISE);
}
const seedSeconds = (performance.now() - started) / 1000;
clock.set('2026-06-01T02:00:00Z');

const calendar = new WorkCalendar();
const tally = { lead1: 0, lead3: 0, none: 0, coordinate: 0, days: 0, dossierN: 0, dossier1: 0, dossier3: 0 };
const routeMs: number[] = [];
const fileMs: number[] = [];
for (let k = 0; k < TESTS; k++) {
  const i = HISTORY + 10_000 + k;
  const d = routedDoc(i);
  const id = await corpus.register(i);
  let t = performance.now();
  const s = await office.leader.ok('incoming.suggestRouting', { id });
  routeMs.push(performance.now() - t);
  const truth = corpus.valueOf(d.lead);
  if (s.lead.length === 0) tally.none += 1;
  if (s.lead[0]?.value === truth) tally.lead1 += 1;
  else if (process.argv.includes('--misses'))
    console.log('MISS', d.agency, d.code, d.summary, '→', s.lead[0]?.label, '|', s.lead[0]?.reason);
  if (s.lead.some((c) => c.value === truth)) tally.lead3 += 1;
  const coordinate = new Set(d.coordinate.map((c) => corpus.valueOf({ dep: c })));
  if (s.coordinate.length === coordinate.size && s.coordinate.every((c) => coordinate.has(c.value))) tally.coordinate += 1;
  const expected = calendar.addWorkingDays(officeDate(clock.now()), d.days);
  if (s.deadline?.date === expected) tally.days += 1;
  t = performance.now();
  const f = await office.specialist.ok('dossiers.suggest', { id });
  fileMs.push(performance.now() - t);
  if (d.dossier) {
    const want = corpus.dossierOf(d.dossier, 2026);
    tally.dossierN += 1;
    if (f.choices[0]?.dossierId === want) tally.dossier1 += 1;
    if (f.choices.some((c) => c.dossierId === want)) tally.dossier3 += 1;
  }
}

const { rows, add } = verdictTable();
const share = (n: number, of = TESTS) => n / of;
const p = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? NaN;

add(`history routed through the backend (${HISTORY} documents, ${NOISE * 100} % against the rules)`, `${seedSeconds.toFixed(0)} s`);
add('chủ trì: top-1', pct(share(tally.lead1)), '≥ 85 %', share(tally.lead1) >= 0.85);
add('chủ trì: top-3', pct(share(tally.lead3)), '≥ 95 %', share(tally.lead3) >= 0.95);
add('chủ trì: no suggestion', pct(share(tally.none)));
add('phối hợp: exactly the rule’s', pct(share(tally.coordinate)), '≥ 80 %', share(tally.coordinate) >= 0.8);
add('hạn xử lý: the rule’s working days', pct(share(tally.days)), '≥ 80 %', share(tally.days) >= 0.8);
add(
  `hồ sơ: top-1 (${tally.dossierN} with a dossier)`,
  pct(share(tally.dossier1, tally.dossierN)),
  '≥ 85 %',
  share(tally.dossier1, tally.dossierN) >= 0.85,
);
add('hồ sơ: top-3', pct(share(tally.dossier3, tally.dossierN)), '≥ 95 %', share(tally.dossier3, tally.dossierN) >= 0.95);
add(
  'incoming.suggestRouting p50 / p95',
  `${p(routeMs, 0.5).toFixed(1)} / ${p(routeMs, 0.95).toFixed(1)} ms`,
  'p95 ≤ 100 ms',
  p(routeMs, 0.95) <= 100,
);
add(
  'dossiers.suggest p50 / p95',
  `${p(fileMs, 0.5).toFixed(1)} / ${p(fileMs, 0.95).toFixed(1)} ms`,
  'p95 ≤ 100 ms',
  p(fileMs, 0.95) <= 100,
);
office.cleanup();

console.log(`\nVănThư bench — suggestions from history (${HISTORY} routed, ${TESTS} asked)\n`);
console.table(rows);
mkdirSync('bench-results', { recursive: true });
writeFileSync(
  'bench-results/suggestions.json',
  JSON.stringify({ at: new Date().toISOString(), node: process.version, history: HISTORY, tests: TESTS, rows }, null, 2),
);
console.log('written: bench-results/suggestions.json');
