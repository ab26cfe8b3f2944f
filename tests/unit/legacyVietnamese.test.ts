// TCVN3 and VNI into Unicode: the table checked byte by byte against glibc's published
// TCVN5712-1 charmap (where the machine has it), known words both ways, and detection that
// leaves real Unicode, other languages and punctuation alone.
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodingOfFont, fromTcvn3, fromVni, guessLegacy } from '../../shared/text/legacyVietnamese.js';

const CHARMAP = '/usr/share/i18n/charmaps/TCVN5712-1.gz';
const cp1252 = new TextDecoder('windows-1252');

describe('TCVN3', () => {
  it.skipIf(!existsSync(CHARMAP))('matches glibc’s TCVN5712-1 table for every byte from 0x80 and the C0 capitals', () => {
    const lines = gunzipSync(readFileSync(CHARMAP)).toString('latin1').split('\n');
    let checked = 0;
    for (const line of lines) {
      const m = /^<U([0-9A-F]{4})>\s+\/x([0-9a-f]{2})\s/.exec(line);
      if (!m) continue;
      const byte = parseInt(m[2]!, 16);
      const expected = String.fromCodePoint(parseInt(m[1]!, 16));
      if (byte < 0x80 && expected.codePointAt(0)! < 0x80) continue;
      // The byte as Excel hands it over: its Windows-1252 character (or the C1 code itself).
      const asText = byte >= 0x80 ? cp1252.decode(new Uint8Array([byte])) : String.fromCharCode(byte);
      const ch = asText === '\uFFFD' ? String.fromCharCode(byte) : asText;
      expect(fromTcvn3(ch).normalize('NFD'), `0x${m[2]}`).toBe(expected.normalize('NFD'));
      checked++;
    }
    expect(checked).toBeGreaterThan(130);
  });

  it('turns known words into Unicode NFC, ư from the soft-hyphen byte included', () => {
    const cases: [string, string][] = [
      ['Së Gi¸o dôc vµ §µo t¹o', 'Sở Giáo dục và Đào tạo'],
      ['Tr\u00adêng Trung häc phæ th«ng', 'Trường Trung học phổ thông'],
      ['QuyÕt ®Þnh', 'Quyết định'],
      ['C«ng v¨n', 'Công văn'],
      ['\u00adu tiªn', 'ưu tiên'],
      ['Thñ tr\u00adëng', 'Thủ trưởng'],
    ];
    for (const [legacy, unicode] of cases) {
      const out = fromTcvn3(legacy);
      expect(out).toBe(unicode);
      expect(out).toBe(out.normalize('NFC'));
    }
  });
});

describe('VNI', () => {
  it('turns known words into Unicode', () => {
    const cases: [string, string][] = [
      ['Sôû Giaùo duïc vaø Ñaøo taïo', 'Sở Giáo dục và Đào tạo'],
      ['Tröôøng', 'Trường'],
      ['Quyeát ñònh', 'Quyết định'],
      ['UÛY BAN NHAÂN DAÂN', 'ỦY BAN NHÂN DÂN'],
      ['Khaéc phuïc hö hoûng', 'Khắc phục hư hỏng'],
      ['kyø thi', 'kỳ thi'],
    ];
    for (const [legacy, unicode] of cases) expect(fromVni(legacy)).toBe(unicode);
  });
});

describe('which text is legacy', () => {
  it('knows the fonts', () => {
    expect(encodingOfFont('.VnTime')).toEqual({ encoding: 'tcvn3', capitals: false });
    expect(encodingOfFont('.VnTimeH')).toEqual({ encoding: 'tcvn3', capitals: true });
    expect(encodingOfFont('VNI-Times')).toEqual({ encoding: 'vni', capitals: false });
    expect(encodingOfFont('Times New Roman')).toBeNull();
  });

  it('reads the bytes when the font does not say', () => {
    expect(guessLegacy('Së Gi¸o dôc vµ §µo t¹o Hµ Néi')).toBe('tcvn3');
    expect(guessLegacy('Gi¸o dôc')).toBe('tcvn3');
    expect(guessLegacy('Sôû Giaùo duïc vaø Ñaøo taïo')).toBe('vni');
    expect(guessLegacy('Quyeát ñònh')).toBe('vni');
    for (const fine of [
      'Kế hoạch năm học',
      'Sở Giáo dục',
      'Café crème brûlée',
      'Dükkan No',
      'Başlık',
      '… are merged separately',
      'שלום',
      '1.234,50 €',
      'A–B',
    ]) {
      expect(guessLegacy(fine), fine).toBeNull();
    }
  });
});
