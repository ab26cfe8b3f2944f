// "Lưu vào hồ sơ": file the document being viewed into one of the open dossiers.
import { FolderAddOutlined } from '../../components/icons';
import { App, Button, Select, Space, Typography, type RefSelectProps } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { DossierRecord } from '../../../shared/api/dossiers.js';
import type { DossierSuggestion } from '../../../shared/api/suggestions.js';
import { api } from '../../api/client';
import { FOLDED_SEARCH } from '../../components/foldedSearch';

export function FileToDossier({ documentId, onFiled }: { documentId: string; onFiled: () => void }) {
  const { message } = App.useApp();
  const [dossiers, setDossiers] = useState<DossierRecord[]>([]);
  const [chosen, setChosen] = useState<string | undefined>();
  const [suggestion, setSuggestion] = useState<DossierSuggestion | null>(null);
  const picker = useRef<RefSelectProps>(null);
  const touched = useRef(false);
  useEffect(() => {
    let live = true;
    void api
      .call('dossiers.list', { status: 'mo' })
      .then((list) => live && setDossiers(list))
      .catch((err: Error) => message.error(`Chưa tải được danh sách hồ sơ đang mở: ${err.message}`));
    // Where alike documents went: preselected, marked, and said why; the user still presses the button.
    void api
      .call('dossiers.suggest', { id: documentId })
      .then((s) => {
        if (!live) return;
        setSuggestion(s);
        // Not into a list the user is already at: its value changing under his typing would
        // leave the list half open (and Esc closing that instead of the drawer).
        if (s.choices[0] && !touched.current) setChosen((c) => c ?? s.choices[0]!.dossierId);
      })
      .catch(() => live && setSuggestion(null));
    return () => {
      live = false;
    };
  }, [documentId, message]);
  const suggested = suggestion?.choices.find((c) => c.dossierId === chosen && c === suggestion.choices[0]);
  const file = async () => {
    try {
      const d = await api.call('dossiers.addItems', { dossierId: chosen!, documentIds: [documentId] });
      message.success(`Đã lưu vào hồ sơ ${d.notation}.`);
      setChosen(undefined);
      // The button is disabled now: the focus goes back to the list, not to the page's body
      // (where Esc would no longer close the drawer).
      picker.current?.focus();
      onFiled();
    } catch (err) {
      message.error((err as Error).message);
    }
  };
  return (
    <>
      <Space.Compact style={{ width: '100%' }} className={suggested ? 'vt-suggested' : undefined}>
        <Select
          ref={picker}
          style={{ width: '100%' }}
          placeholder="Chọn hồ sơ đang mở"
          value={chosen}
          onChange={setChosen}
          onFocus={() => (touched.current = true)}
          showSearch={FOLDED_SEARCH}
          aria-label="Hồ sơ để lưu văn bản"
          options={dossiers.map((d) => ({ value: d.id, label: `${d.notation} — ${d.title}` }))}
        />
        <Button icon={<FolderAddOutlined />} disabled={!chosen} onClick={() => void file()}>
          Lưu vào hồ sơ
        </Button>
      </Space.Compact>
      {suggested && (
        <Typography.Text type="secondary" data-testid="dossier-hint" style={{ display: 'block', marginTop: 4 }}>
          Đề xuất {suggested.notation}: {suggested.reason}
        </Typography.Text>
      )}
    </>
  );
}
