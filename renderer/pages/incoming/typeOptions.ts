// The document type pick list of the registration form: typed by abbreviation or by name.
import { foldVietnamese } from '../../../shared/text/searchKey.js';

export type TypeOption = { value: string; label: string; search: string };

/** A type matches by its abbreviation or any word of its name, with or without diacritics. */
export function matchType(input: string, option?: TypeOption): boolean {
  const f = foldVietnamese(input.trim());
  return !!option && (option.search.startsWith(f) || option.search.includes(` ${f}`));
}

/** The exact abbreviation first ("CT" before "CTr"), then abbreviations that start so, then names. */
export function typeRank(option: TypeOption, input: string): number {
  const f = foldVietnamese(input.trim());
  const code = foldVietnamese(option.value);
  if (option.value === input.trim()) return 0;
  if (code === f) return 1;
  if (code.startsWith(f)) return 2 + code.length / 100;
  return 3;
}
