// When two dispatches are alike, for the suggestions drawn from the office's own history (who
// leads, who coordinates, by when, which dossier): the same issuing organ, the same ký hiệu
// suffix ("-GDTrH": the drafting unit, or the organ's own abbreviation), and the words of the
// trích yếu they share — a rare word counts more than a common one (its idf), two words in a row
// ("tuyển sinh") more than each alone. Pure: db/suggest finds the candidates, this ranks them.
import { codeKey, foldVietnamese, searchTokens } from '../text/searchKey.js';

/** Words of a trích yếu that say nothing of its subject. */
const STOP_WORDS = new Set([
  'v',
  've',
  'viec',
  'cua',
  'va',
  'cac',
  'nhung',
  'cho',
  'trong',
  'tai',
  'theo',
  'tren',
  'voi',
  'den',
  'la',
  'mot',
  'nam',
  'ngay',
  'thang',
  'so',
]);

/** Two words in a row weigh as their mean, doubled. */
const PAIR_WEIGHT = 2;
/** How many past documents a feature needs before it is trusted fully: n / (n + PRIOR). */
const PRIOR = 2;

export interface Profile {
  agencyKey: string;
  suffix: string | null;
  /** Folded subject words, in order (repeats kept for pairs). */
  words: string[];
  /** The same words as written, for the explanation. */
  written: string[];
}

/** The last dash part of a code after its number: "123/SGDĐT-GDTrH" → "GDTRH"; "142/KH-BGDĐT" → "BGDDT". */
export function codeSuffix(code: string): string | null {
  const key = codeKey(code);
  const after = key.includes('/') ? key.slice(key.indexOf('/') + 1) : key;
  const parts = after.split('-').filter(Boolean);
  return parts.length >= 2 ? parts[parts.length - 1]! : null;
}

/** The suffix as the code writes it: "GDTrH". */
export function writtenSuffix(code: string): string | null {
  const m = /[-‐-―−]\s*([^-‐-―−/\s]+)\s*$/u.exec(code.normalize('NFC'));
  return m ? m[1]! : null;
}

const isSubjectWord = (t: string) => !STOP_WORDS.has(t) && !/^\d{4,}$/.test(t);

export function profileOf(d: { agencyKey: string; code: string; summary: string }): Profile {
  // Folding keeps letters letters, so the words as written line up with the folded ones.
  const written = d.summary
    .normalize('NFC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  const folded = searchTokens(d.summary);
  const aligned = written.length === folded.length;
  const words: string[] = [];
  const shown: string[] = [];
  folded.forEach((t, i) => {
    if (!isSubjectWord(t)) return;
    words.push(t);
    shown.push(aligned ? written[i]! : t);
  });
  return { agencyKey: d.agencyKey, suffix: codeSuffix(d.code), words, written: shown };
}

function pairs(p: Profile): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = 1; i < p.words.length; i++) out.set(`${p.words[i - 1]} ${p.words[i]}`, `${p.written[i - 1]} ${p.written[i]}`);
  return out;
}

/** The words whose counts the weighing needs: the subject's, the organ's and the suffix. */
export function wordsToCount(p: Profile): string[] {
  return [...p.words, ...p.agencyKey.split(' ').filter(Boolean), ...(p.suffix ? [p.suffix.toLowerCase()] : [])];
}

/** Inverse document frequency from the index's counts (Okapi's, never negative). */
export function idfFrom(totalDocs: number, docCounts: Map<string, number>): (word: string) => number {
  return (w) => {
    const df = docCounts.get(w) ?? 0;
    return Math.log(1 + (totalDocs - df + 0.5) / (df + 0.5));
  };
}

/** What a document is known by: "o:" its organ, "s:" its suffix, "w:" a subject word, "p:" two in a row. */
function featuresOf(p: Profile): Set<string> {
  const f = new Set<string>();
  if (p.agencyKey) f.add(`o:${p.agencyKey}`);
  if (p.suffix) f.add(`s:${p.suffix}`);
  for (const w of p.words) f.add(`w:${w}`);
  for (const pair of pairs(p).keys()) f.add(`p:${pair}`);
  return f;
}

function baseWeight(feature: string, idf: (word: string) => number): number {
  const [kind, value] = [feature[0], feature.slice(2)];
  // An organ is as telling as the rarest word of its name ("Kho bạc" more than "Bộ Giáo dục"),
  // a suffix as its own word in the index ("gdtrh" more than "vp").
  if (kind === 'o') return Math.max(0, ...value.split(' ').map(idf));
  if (kind === 's') return idf(value.toLowerCase());
  if (kind === 'w') return idf(value);
  const [a, b] = value.split(' ') as [string, string];
  return (PAIR_WEIGHT * (idf(a) + idf(b))) / 2;
}

/**
 * Alike enough to learn from: sharing two words in a row, or two subject words, or both organ
 * and suffix. One shared syllable ("động" of "điều động" and "vận động") is not.
 */
function alike(q: Set<string>, theirs: Set<string>): boolean {
  let words = 0;
  for (const f of q) {
    if (!theirs.has(f)) continue;
    if (f.startsWith('p:')) return true;
    if (f.startsWith('w:')) words += 1;
  }
  return words >= 2 || ([...q].some((f) => f.startsWith('o:') && theirs.has(f)) && [...q].some((f) => f.startsWith('s:') && theirs.has(f)));
}

export interface Choice<K> {
  key: K;
  /** Its part of the evidence, 0…1. */
  share: number;
  /** The past documents that went this way and share the features that chose it. */
  supporters: number;
  /** Those features, strongest first ("o:…", "s:…", "w:…", "p:…"). */
  because: string[];
}

interface Known<T> {
  item: T;
  features: Set<string>;
}

interface Evidence<K> {
  feature: string;
  weight: number;
  having: number;
  /** Past documents with the feature, by the way they went. */
  counts: Map<K, number>;
}

/**
 * The ways the office went for documents alike in organ, suffix and words, best first. Each
 * feature of the new document votes with how the past documents having it went, weighed by how
 * telling it is (rare, and pointing one way) and how many such documents there are. The words
 * of one trích yếu say much the same thing, so after the strongest each counts less (½, ⅓, …):
 * a suffix that always went to one phòng is not outvoted by a dozen common words that went
 * everywhere.
 */
export function choose<T, K>(
  q: Profile,
  candidates: { item: T; profile: Profile }[],
  idf: (word: string) => number,
  outcomesOf: (item: T) => K[],
): Choice<K>[] {
  const mine = featuresOf(q);
  const known: (Known<T> & { outcomes: K[] })[] = [];
  for (const c of candidates) {
    const features = featuresOf(c.profile);
    const outcomes = [...new Set(outcomesOf(c.item))];
    if (outcomes.length && alike(mine, features)) known.push({ item: c.item, features, outcomes });
  }
  const evidence: Evidence<K>[] = [];
  for (const feature of mine) {
    const having = known.filter((k) => k.features.has(feature));
    if (having.length === 0) continue;
    const counts = new Map<K, number>();
    for (const k of having) for (const o of k.outcomes) counts.set(o, (counts.get(o) ?? 0) + 1);
    const purity = Math.max(...counts.values()) / having.length;
    const weight = baseWeight(feature, idf) * (having.length / (having.length + PRIOR)) * purity * purity;
    evidence.push({ feature, weight, having: having.length, counts });
  }
  const outcomes = new Set(evidence.flatMap((e) => [...e.counts.keys()]));
  const scored = [...outcomes].map((key) => {
    const parts = evidence
      .map((e) => ({ e, part: (e.weight * (e.counts.get(key) ?? 0)) / e.having }))
      .filter((x) => x.part > 0)
      .sort((a, b) => b.part - a.part);
    let subjectRank = 0;
    const score = parts.reduce((s, { e, part }) => {
      if (e.feature[0] !== 'w' && e.feature[0] !== 'p') return s + part;
      subjectRank += 1;
      return s + part / subjectRank;
    }, 0);
    return { key, score, parts };
  });
  const total = scored.reduce((s, x) => s + x.score, 0) || 1;
  return scored
    .sort((a, b) => b.score - a.score)
    .map(({ key, score, parts }) => {
      const because = telling(
        key,
        parts.map((x) => x.e),
        idf,
      );
      const supporters = known.filter((k) => k.outcomes.includes(key) && because.every((f) => k.features.has(f))).length;
      return { key, share: Math.round((score / total) * 100) / 100, supporters, because };
    });
}

/**
 * What the explanation names for a way: the subject term most of the documents that went this
 * way share (two words in a row weigh double), and organ or suffix when they pointed this way.
 */
function telling<K>(key: K, evidence: Evidence<K>[], idf: (word: string) => number): string[] {
  const pointing = (e: Evidence<K>) => (e.counts.get(key) ?? 0) * 2 >= e.having;
  const n = (e: Evidence<K>) => e.counts.get(key) ?? 0;
  const terms = evidence.filter((e) => (e.feature[0] === 'w' || e.feature[0] === 'p') && pointing(e));
  // Two words in a row shared by most of them ("tuyển sinh") say it best; else the telling word.
  const pair = terms.filter((e) => e.feature[0] === 'p').sort((a, b) => n(b) - n(a) || b.weight - a.weight)[0];
  const most = Math.max(0, ...terms.map(n));
  const topic =
    pair && n(pair) * 2 >= most ? pair : terms.sort((a, b) => n(b) * baseWeight(b.feature, idf) - n(a) * baseWeight(a.feature, idf))[0];
  const side = (kind: string) => evidence.find((e) => e.feature[0] === kind && pointing(e));
  return [side('o'), side('s'), topic].filter((e): e is Evidence<K> => e !== undefined).map((e) => e.feature);
}

/** The past items behind a choice (for the days a subject usually takes). */
export function supportersOf<T, K>(candidates: { item: T; profile: Profile }[], choice: Choice<K>, outcomesOf: (item: T) => K[]): T[] {
  return candidates
    .filter((c) => outcomesOf(c.item).includes(choice.key))
    .filter((c) => {
      const f = featuresOf(c.profile);
      return choice.because.every((x) => f.has(x));
    })
    .map((c) => c.item);
}

/** "Tuyển sinh" (a trích yếu's first words) → "tuyển sinh"; names ("Phù Đổng", "THPT") stay. */
function asInSentence(words: string): string {
  const [first, ...rest] = words.split(' ');
  const titleCase = (w: string) => w.slice(1) === w.slice(1).toLocaleLowerCase('vi');
  if (!first || !titleCase(first) || rest.some((w) => w[0] !== w[0]?.toLocaleLowerCase('vi'))) return words;
  return first.toLocaleLowerCase('vi') + (rest.length ? ` ${rest.join(' ')}` : '');
}

/** "Giống 7 văn bản trước của Sở GD&ĐT Hà Tĩnh về “tuyển sinh”." */
export function explain(q: Profile & { agencyName: string; code: string }, choice: Choice<unknown>): string {
  const parts = [`Giống ${choice.supporters} văn bản trước`];
  if (choice.because.some((f) => f.startsWith('o:'))) parts.push(`của ${q.agencyName}`);
  const suffix = writtenSuffix(q.code);
  if (suffix && choice.because.some((f) => f.startsWith('s:')) && !foldVietnamese(q.agencyName).includes(foldVietnamese(suffix))) {
    parts.push(`(ký hiệu …-${suffix})`);
  }
  const written = new Map<string, string>([...q.words.map((w, i) => [`w:${w}`, q.written[i]!] as const)]);
  for (const [pair, shown] of pairs(q)) written.set(`p:${pair}`, shown);
  const topic = choice.because.find((f) => written.has(f));
  if (topic) parts.push(`về “${asInSentence(written.get(topic)!)}”`);
  return `${parts.join(' ')}.`;
}
