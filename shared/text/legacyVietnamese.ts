// Text typed in the legacy Vietnamese fonts, as Excel and CSV files hand it over: the font's
// bytes read as Windows-1252 characters. TCVN3 (ABC; .VnTime and the other .Vn* fonts) maps one
// byte to a letter; VNI (VNI-Times, …) writes a base letter followed by mark characters.
// Each is turned back into bytes, then into Unicode NFC. Soft hyphens are letters here: in TCVN3
// byte 0xAD is "ư".

/** Bytes 0x80–0xFF of TCVN 5712:1993 (VN1, a superset of TCVN3/ABC), from glibc's TCVN5712-1 charmap. */
const TCVN3_HIGH = [
  0x00c0, 0x1ea2, 0x00c3, 0x00c1, 0x1ea0, 0x1eb6, 0x1eac, 0x00c8, 0x1eba, 0x1ebc, 0x00c9, 0x1eb8, 0x1ec6, 0x00cc, 0x1ec8, 0x0128, 0x00cd,
  0x1eca, 0x00d2, 0x1ece, 0x00d5, 0x00d3, 0x1ecc, 0x1ed8, 0x1edc, 0x1ede, 0x1ee0, 0x1eda, 0x1ee2, 0x00d9, 0x1ee6, 0x0168, 0x00a0, 0x0102,
  0x00c2, 0x00ca, 0x00d4, 0x01a0, 0x01af, 0x0110, 0x0103, 0x00e2, 0x00ea, 0x00f4, 0x01a1, 0x01b0, 0x0111, 0x1eb0, 0x0300, 0x0309, 0x0303,
  0x0301, 0x0323, 0x00e0, 0x1ea3, 0x00e3, 0x00e1, 0x1ea1, 0x1eb2, 0x1eb1, 0x1eb3, 0x1eb5, 0x1eaf, 0x1eb4, 0x1eae, 0x1ea6, 0x1ea8, 0x1eaa,
  0x1ea4, 0x1ec0, 0x1eb7, 0x1ea7, 0x1ea9, 0x1eab, 0x1ea5, 0x1ead, 0x00e8, 0x1ec2, 0x1ebb, 0x1ebd, 0x00e9, 0x1eb9, 0x1ec1, 0x1ec3, 0x1ec5,
  0x1ebf, 0x1ec7, 0x00ec, 0x1ec9, 0x1ec4, 0x1ebe, 0x1ed2, 0x0129, 0x00ed, 0x1ecb, 0x00f2, 0x1ed4, 0x1ecf, 0x00f5, 0x00f3, 0x1ecd, 0x1ed3,
  0x1ed5, 0x1ed7, 0x1ed1, 0x1ed9, 0x1edd, 0x1edf, 0x1ee1, 0x1edb, 0x1ee3, 0x00f9, 0x1ed6, 0x1ee7, 0x0169, 0x00fa, 0x1ee5, 0x1eeb, 0x1eed,
  0x1eef, 0x1ee9, 0x1ef1, 0x1ef3, 0x1ef7, 0x1ef9, 0x00fd, 0x1ef5, 0x1ed0,
];
/** VN1's capitals with tones in the C0 range (glibc's table); TCVN3 fonts rarely use them. */
const TCVN3_LOW: Record<number, number> = {
  0x01: 0x00da,
  0x02: 0x1ee4,
  0x04: 0x1eea,
  0x05: 0x1eec,
  0x06: 0x1eee,
  0x11: 0x1ee8,
  0x12: 0x1ef0,
  0x13: 0x1ef2,
  0x14: 0x1ef6,
  0x15: 0x1ef8,
  0x16: 0x00dd,
  0x17: 0x1ef4,
};
/** Windows-1252's characters for bytes 0x80–0x9F (0 where the code page has none). */
const CP1252_80 = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0, 0, 0x2018, 0x2019,
  0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];
const FROM_CP1252 = new Map<number, number>(CP1252_80.flatMap((cp, i) => (cp ? [[cp, 0x80 + i] as [number, number]] : [])));

/** The byte a Windows-1252 character stands for, or null for characters outside it. */
function byteOf(cp: number): number | null {
  if (cp < 0x100) return cp;
  return FROM_CP1252.get(cp) ?? null;
}

export function fromTcvn3(text: string): string {
  let out = '';
  for (const ch of text) {
    const b = byteOf(ch.codePointAt(0)!);
    if (b === null) out += ch;
    else if (b >= 0x80) out += String.fromCodePoint(TCVN3_HIGH[b - 0x80]!);
    else out += TCVN3_LOW[b] ? String.fromCodePoint(TCVN3_LOW[b]) : ch;
  }
  return out.normalize('NFC');
}

// VNI: the marks that follow a vowel (as Windows-1252 characters), lower case; capitals use
// the same characters in upper case.
const TONES = ['', '\u00f9', '\u00f8', '\u00fb', '\u00f5', '\u00ef']; // sắc ù, huyền ø, hỏi û, ngã õ, nặng ï
const CIRCUMFLEX_TONES = ['\u00e2', '\u00e1', '\u00e0', '\u00e5', '\u00e3', '\u00e4']; // â á à å ã ä
const BREVE_TONES = ['\u00ea', '\u00e9', '\u00e8', '\u00fa', '\u00fc', '\u00eb']; // ê é è ú ü ë
const UNICODE_TONES = ['', '\u0301', '\u0300', '\u0309', '\u0303', '\u0323'];

function vniTable(): Map<string, string> {
  const map = new Map<string, string>();
  const add = (vni: string, unicode: string) => {
    map.set(vni, unicode.normalize('NFC'));
    map.set(vni.toUpperCase(), unicode.toUpperCase().normalize('NFC'));
    // A capital typed with lower-case marks (seen in files mixing fonts).
    if (vni.length > 1) map.set(vni[0]!.toUpperCase() + vni.slice(1), (unicode[0]!.toUpperCase() + unicode.slice(1)).normalize('NFC'));
  };
  for (let t = 1; t < 6; t++) for (const v of 'aeouy') add(v + TONES[t], v + UNICODE_TONES[t]);
  for (let t = 0; t < 6; t++) {
    for (const v of 'aeo') add(v + CIRCUMFLEX_TONES[t], v + '\u0302' + UNICODE_TONES[t]);
    add('a' + BREVE_TONES[t], 'a\u0306' + UNICODE_TONES[t]);
    add('\u00f4' + TONES[t], 'o\u031b' + UNICODE_TONES[t]); // ô → ơ
    add('\u00f6' + TONES[t], 'u\u031b' + UNICODE_TONES[t]); // ö → ư
  }
  // i and ỵ have one-character forms.
  ['\u00ed', '\u00ec', '\u00e6', '\u00f3', '\u00f2'].forEach((c, k) => add(c, 'i' + UNICODE_TONES[k + 1]));
  add('\u00ee', 'y\u0323');
  add('\u00f1', '\u0111'); // ñ → đ
  return map;
}
let VNI: Map<string, string> | null = null;

export function fromVni(text: string): string {
  const table = (VNI ??= vniTable());
  let out = '';
  for (let i = 0; i < text.length;) {
    const two = table.get(text.slice(i, i + 2));
    if (two !== undefined && i + 1 < text.length) {
      out += two;
      i += 2;
      continue;
    }
    out += table.get(text[i]!) ?? text[i]!;
    i += 1;
  }
  return out.normalize('NFC');
}

export type LegacyEncoding = 'tcvn3' | 'vni';

/** The encoding a cell's font implies: .VnTime/.VnArial (…H: all capitals) or VNI-Times/VNI-Helve. */
export function encodingOfFont(name: string | null | undefined): { encoding: LegacyEncoding; capitals: boolean } | null {
  if (!name) return null;
  const n = name.trim();
  if (/^\.vn/i.test(n)) return { encoding: 'tcvn3', capitals: /H$/.test(n) };
  if (/^vni[- _]/i.test(n)) return { encoding: 'vni', capitals: false };
  return null;
}

export function convertLegacy(text: string, encoding: LegacyEncoding, capitals = false): string {
  const out = encoding === 'tcvn3' ? fromTcvn3(text) : fromVni(text);
  return capitals ? out.toUpperCase() : out;
}

// Detection by the bytes: which reading gives the most words that are Vietnamese syllables.
const VOWEL_GROUPS = new Set(
  (
    'a ă â e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iê iu oa oă oe oi oo ôi ơi ua uâ uê ui uô uơ uy ưa ưi ươ ưu yê ' +
    'iêu oai oay oeo uây uôi uya uyê uyu ươi ươu yêu'
  ).split(' '),
);
const ENDS_IN_GLIDE = /(?:[iyou]|[aâeêơôưo][iyou])$/;
const SYLLABLE = /^(ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdđghklmnpqrstvx])?([aăâeêioôơuưy]{1,3})(ch|ng|nh|[cmnpt])?$/;

function isSyllable(word: string): boolean {
  const nfd = word.toLowerCase().normalize('NFD');
  const tones = nfd.match(/[\u0300\u0301\u0303\u0309\u0323]/g)?.length ?? 0;
  if (tones > 1) return false;
  const base = nfd.replace(/[\u0300\u0301\u0303\u0309\u0323]/g, '').normalize('NFC');
  const m = SYLLABLE.exec(base);
  if (!m) return false;
  let vowels = m[2]!;
  if ((m[1] === 'qu' || m[1] === 'gi') && vowels.length === 0) return false;
  if (!VOWEL_GROUPS.has(vowels) && !(m[1] === 'gi' && VOWEL_GROUPS.has((vowels = 'i' + vowels)))) return false;
  return !(m[3] && ENDS_IN_GLIDE.test(vowels) && vowels.length > 1 && !/^(iê|uô|ươ|yê|uyê|oa|oă|oe|uâ|uê|uy|uơ)$/.test(vowels));
}

/**
 * How Vietnamese a text reads: among the words (split at spaces and ASCII punctuation only, so
 * a TCVN3 "Gi¸o" stays one word) that are not plain ASCII, syllables count +1, others −1.
 * One-character words count nothing: "…" must not become TCVN3's "Ặ".
 */
function vietnameseScore(text: string): number {
  let score = 0;
  for (const w of text.split(/[\s\x21-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e]+/)) {
    if ([...w].length < 2 || /^\p{ASCII}*$/u.test(w)) continue;
    score += /^[\p{L}\p{M}]+$/u.test(w) && isSyllable(w) ? 1 : -1;
  }
  return score;
}

/** A text that reads better as TCVN3 or VNI than as it stands; null when it is fine as it is. */
export function guessLegacy(text: string): LegacyEncoding | null {
  // Real Unicode Vietnamese (ư, ơ, ạ, … beyond Windows-1252) is never legacy text.
  let high = false;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0x80) {
      if (byteOf(cp) === null) return null;
      high = true;
    }
  }
  if (!high) return null;
  const asIs = vietnameseScore(text);
  const tcvn = vietnameseScore(fromTcvn3(text));
  const vni = vietnameseScore(fromVni(text));
  const best = Math.max(tcvn, vni);
  if (best <= asIs || best <= 0) return null;
  return tcvn >= vni ? 'tcvn3' : 'vni';
}
