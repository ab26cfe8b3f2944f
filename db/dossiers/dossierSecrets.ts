// A dossier's list of items as its reader may see it: an item that is a secret document he may
// not read shows its code and date, not its trích yếu; a package that leaves the PC (reader
// null) carries no secret content at all (Luật 29/2018).
import type { DossierRecord } from '../../shared/api/dossiers.js';
import { isSecret, MASKED_SUMMARY } from '../../shared/domain/secrecy.js';
import { factsOf, hiddenAmong, logSecretReads, type Reader } from '../secrets/secretAccess.js';
import type { Store } from '../core/store.js';

export function shownDossier(store: Store, reader: Reader | null, d: DossierRecord, via: string): DossierRecord {
  const documentIds = d.items.map((i) => i.documentId).filter((x): x is string => x !== null);
  const secret = documentIds.filter((id) => isSecret(factsOf(store, id)?.confidentiality ?? 'thuong'));
  if (secret.length === 0) return d;
  const hidden = reader ? hiddenAmong(store, reader, secret) : new Set(secret);
  if (reader)
    logSecretReads(
      store,
      reader,
      secret.filter((id) => !hidden.has(id)),
      via,
    );
  if (hidden.size === 0) return d;
  return {
    ...d,
    items: d.items.map((i) =>
      i.documentId && hidden.has(i.documentId) ? { ...i, summary: MASKED_SUMMARY, notes: null, attachmentId: null } : i,
    ),
  };
}
