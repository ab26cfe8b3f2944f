// The symbols of outgoing documents as the office set them (Danh mục): its abbreviation, a
// pattern per type, the mark of the confidential series.
import { buildSymbol, patternFor, type SymbolSettings } from '../../shared/domain/symbols.js';
import { listDocTypes } from '../lookups/docTypes.js';
import { currentUnit } from '../admin/users.js';
import { readSetting, writeSetting } from '../core/settings.js';
import type { Store } from '../core/store.js';
import type { WriteContext } from '../core/write.js';

/** The organ's abbreviation and the patterns per type, as saved (the unit's code until then). */
export function symbolSettings(store: Store): SymbolSettings {
  const saved = readSetting<Partial<SymbolSettings>>(store, 'symbols', {});
  return { organ: saved.organ ?? currentUnit(store).code, patterns: saved.patterns ?? {} };
}

export function getSymbolSettings(store: Store) {
  const s = symbolSettings(store);
  return {
    organ: s.organ,
    patterns: s.patterns,
    confidentialMark: readSetting(store, 'symbols.confidentialMark', 'M'),
    types: listDocTypes(store).map((t) => {
      const pattern = patternFor(t.code, s);
      return {
        code: t.code,
        name: t.name,
        pattern,
        custom: t.code in s.patterns,
        example: buildSymbol(pattern, { number: 5, typeCode: t.code, organ: s.organ, unit: 'VP', year: new Date().getFullYear() }),
      };
    }),
  };
}

export function saveSymbolSettings(
  store: Store,
  ctx: WriteContext,
  input: { organ: string; patterns: Record<string, string>; confidentialMark?: string | undefined },
) {
  writeSetting(store, ctx, 'symbols', { organ: input.organ, patterns: input.patterns });
  if (input.confidentialMark !== undefined) writeSetting(store, ctx, 'symbols.confidentialMark', input.confidentialMark);
  return getSymbolSettings(store);
}
