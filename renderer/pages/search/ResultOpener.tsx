// Opens a search result where it lives: an incoming document's detail, an outgoing
// document, or a dossier — as drawers over whatever page is showing.
import { App } from 'antd';
import { useState } from 'react';
import type { Me } from '../../../shared/api/admin.js';
import type { DocumentRecord } from '../../../shared/api/documents.js';
import type { SearchHit } from '../../../shared/api/search.js';
import { api } from '../../api/client';
import type { FindOnPage } from '../../components/pageHits';
import { DocumentDetail } from '../detail/DocumentDetail';
import { DossierView } from '../dossiers/DossierView';
import { OutgoingDetail } from '../outgoing/OutgoingDetail';

export function useResultOpener(me: Me) {
  const { message } = App.useApp();
  const [incoming, setIncoming] = useState<string | null>(null);
  const [focus, setFocus] = useState<FindOnPage | null>(null);
  const [outgoing, setOutgoing] = useState<DocumentRecord | null>(null);
  const [dossier, setDossier] = useState<string | null>(null);
  /** Opens a hit; with the query, a hit inside a file shows that file at the words found. */
  const open = (hit: Pick<SearchHit, 'kind' | 'id'> & Partial<Pick<SearchHit, 'inFile'>>, q?: string) => {
    setFocus(hit.inFile && q ? { attachmentId: hit.inFile.attachmentId, q } : null);
    if (hit.kind === 'incoming') setIncoming(hit.id);
    else if (hit.kind === 'dossier') setDossier(hit.id);
    else void api.call('outgoing.get', { id: hit.id }).then(setOutgoing, (e: Error) => message.error(e.message));
  };
  const drawers = (
    <>
      <DocumentDetail documentId={incoming} me={me} focus={focus} onClose={() => setIncoming(null)} />
      <OutgoingDetail doc={outgoing} me={me} onClose={() => setOutgoing(null)} onChanged={() => undefined} />
      <DossierView id={dossier} me={me} onClose={() => setDossier(null)} onChanged={() => undefined} />
    </>
  );
  return { open, drawers };
}
