// "Lưu vào hồ sơ": file the document being viewed into one of the open dossiers.
import { FolderAddOutlined } from '../../components/icons';
import { App, Button, Select, Space, type RefSelectProps } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { DossierRecord } from '../../../shared/api/dossiers.js';
import { api } from '../../api/client';
import { FOLDED_SEARCH } from '../../components/foldedSearch';

export function FileToDossier({ documentId, onFiled }: { documentId: string; onFiled: () => void }) {
  const { message } = App.useApp();
  const [dossiers, setDossiers] = useState<DossierRecord[]>([]);
  const [chosen, setChosen] = useState<string | undefined>();
  const picker = useRef<RefSelectProps>(null);
  useEffect(
    () =>
      void api
        .call('dossiers.list', { status: 'mo' })
        .then(setDossiers)
        .catch((err: Error) => message.error(`Chưa tải được danh sách hồ sơ đang mở: ${err.message}`)),
    [documentId, message],
  );
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
    <Space.Compact style={{ width: '100%' }}>
      <Select
        ref={picker}
        style={{ width: '100%' }}
        placeholder="Chọn hồ sơ đang mở"
        value={chosen}
        onChange={setChosen}
        showSearch={FOLDED_SEARCH}
        aria-label="Hồ sơ để lưu văn bản"
        options={dossiers.map((d) => ({ value: d.id, label: `${d.notation} — ${d.title}` }))}
      />
      <Button icon={<FolderAddOutlined />} disabled={!chosen} onClick={() => void file()}>
        Lưu vào hồ sơ
      </Button>
    </Space.Compact>
  );
}
