// What waits for one person, by his roles ("Việc của tôi"): a leader's documents to direct and
// drafts to sign; the văn thư's documents to route, signed drafts to number, numbers taken and
// not issued. Secret documents are masked as every other list masks them.
import type { Waiting } from '../../shared/api/waiting.js';
import { listDocuments } from '../documents/documentRows.js';
import { listDrafts } from '../outgoing/drafts.js';
import { shownRecords, type Reader } from '../secrets/secretAccess.js';
import type { Store } from '../core/store.js';

const SHOWN = 200;

export function waitingFor(store: Store, reader: Reader): Waiting {
  const leader = reader.roles.includes('leader');
  const clerk = reader.roles.includes('clerk');
  const incoming = (status: string, leaderId?: string) =>
    listDocuments(store, { kind: 'incoming', status, leaderId, limit: SHOWN, ascending: true }).items;
  const shown = (docs: ReturnType<typeof incoming>) => shownRecords(store, reader, docs, 'tasks.waiting');
  return {
    toDirect: leader ? shown(incoming('trinh', reader.id)) : [],
    toSign: leader ? listDrafts(store, ['trinh_ky'], undefined, reader).filter((d) => d.leaderId === reader.id) : [],
    toRoute: clerk ? shown([...incoming('tra_lai'), ...incoming('moi')]).slice(0, SHOWN) : [],
    toIssue: clerk ? listDrafts(store, ['da_ky'], undefined, reader) : [],
    reserved: clerk
      ? shown(
          listDocuments(store, { kind: 'outgoing', status: 'da_cap_so', limit: SHOWN, ascending: true }).items.filter((d) => !d.cancelled),
        )
      : [],
  };
}
