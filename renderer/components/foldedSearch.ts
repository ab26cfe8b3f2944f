// How every pick list is searched: by the Vietnamese label the user sees, folded as the search
// box folds (no diacritics, đ → d, any case) — "lanh" finds Lãnh đạo, "phoi hop" Phối hợp.
// An option whose label is not plain text may carry its own `search` text.
import { foldVietnamese } from '../../shared/text/searchKey.js';

interface Searchable {
  label?: unknown;
  search?: unknown;
  value?: unknown;
}

function textOf(option: Searchable | undefined): string {
  if (!option) return '';
  if (typeof option.search === 'string') return option.search;
  if (typeof option.label === 'string' || typeof option.label === 'number') return String(option.label);
  return '';
}

export function matchesLabel(input: string, option?: Searchable): boolean {
  return foldVietnamese(textOf(option)).includes(foldVietnamese(input.trim()));
}

/** Pass as a Select's `showSearch`. */
export const FOLDED_SEARCH = { filterOption: matchesLabel };
