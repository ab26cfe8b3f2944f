// Số và ký hiệu of an outgoing document (PL I of Decree 30/2020): "15/QĐ-SGDĐT" is
// number/type-organ; a công văn has no type part: "123/SGDĐT-VP" is number/organ-drafting unit.
// Numbers below ten are written 01…09. Patterns are the office's, kept in settings.
export const DEFAULT_PATTERN_WITH_TYPE = '{so}/{loai}-{coquan}';
export const DEFAULT_PATTERN_NO_TYPE = '{so}/{coquan}-{donvi}';
/** Types written without a type part (công văn, thư công). */
export const TYPES_WITHOUT_TYPE_PART = ['CV', 'TCg'] as const;

export interface SymbolSettings {
  /** The office's abbreviation, chosen by its head: "SGDĐT", "PGDĐT", "THPTCVA". */
  organ: string;
  /** Pattern per type abbreviation; tokens {so} {loai} {coquan} {donvi} {nam}. */
  patterns: Record<string, string>;
}

export function formatOutgoingNumber(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function patternFor(typeCode: string, settings: SymbolSettings): string {
  return (
    settings.patterns[typeCode] ??
    ((TYPES_WITHOUT_TYPE_PART as readonly string[]).includes(typeCode) ? DEFAULT_PATTERN_NO_TYPE : DEFAULT_PATTERN_WITH_TYPE)
  );
}

/** Fills a pattern; an empty part takes its separator with it ("{so}/{coquan}-{donvi}" with no unit → "05/SGDĐT"). */
export function buildSymbol(
  pattern: string,
  parts: { number: number; typeCode: string; organ: string; unit: string | null; year: number },
): string {
  const values: Record<string, string> = {
    so: formatOutgoingNumber(parts.number),
    // Type abbreviations keep their own case (TTr, CTr, QyĐ — PL III); organ and unit are upper case.
    loai: parts.typeCode,
    coquan: parts.organ.toLocaleUpperCase('vi'),
    donvi: (parts.unit ?? '').toLocaleUpperCase('vi'),
    nam: String(parts.year),
  };
  const filled = pattern.replace(/([-/.]?)\{(so|loai|coquan|donvi|nam)\}/g, (_, sep: string, key: string) =>
    values[key] ? `${sep}${values[key]}` : '',
  );
  return filled
    .normalize('NFC')
    .replace(/\s+/g, '')
    .replace(/^[-/.]+/, '');
}

export const SIGNER_PREFIXES = ['', 'TM.', 'KT.', 'TL.', 'Q.', 'TUQ.'] as const;
