// Dự thảo văn bản đi: drafted, sent for signing, signed or sent back — and, once signed, given
// a number by the clerk.
import { PlusOutlined } from '../../components/icons';
import { App, Button, Select, Space, Table, Tag } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Me } from '../../../shared/api/admin.js';
import { DRAFT_STATUS_LABELS, type DraftRecord } from '../../../shared/api/outgoing.js';
import { formatInstant } from '../../../shared/text/dates.js';
import { api } from '../../api/client';
import { useLookup } from '../../hooks/useLookup';
import { mayCall } from '../../../shared/api/access.js';
import { NewDraftDialog } from './NewDraftDialog';
import { FOLDED_SEARCH } from '../../components/foldedSearch';
import { askReason } from '../../components/askReason';

const COLORS: Record<DraftRecord['status'], string> = {
  du_thao: 'default',
  trinh_ky: 'orange',
  da_ky: 'green',
  da_cap_so: 'blue',
  phat_hanh: 'purple',
};

export function DraftsPanel({ me, onNumber }: { me: Me; onNumber: (d: DraftRecord) => void }) {
  const { message, modal } = App.useApp();
  const [drafts, setDrafts] = useState<DraftRecord[]>([]);
  const [creating, setCreating] = useState(false);
  const staff = useLookup('staff').rows;
  const leaders = useMemo(() => staff.filter((x) => x.roles.includes('leader')), [staff]);

  const load = useCallback(
    async () => setDrafts(await api.call('outgoing.listDrafts', { statuses: ['du_thao', 'trinh_ky', 'da_ky'] })),
    [],
  );
  useEffect(() => {
    load().catch((err: Error) => message.error(err.message));
  }, [load, message]);

  const run = async (fn: () => Promise<unknown>, done: string) => {
    try {
      await fn();
      message.success(done);
      void load();
    } catch (err) {
      message.error((err as Error).message);
    }
  };

  const submit = (d: DraftRecord) => {
    let leaderId: string | undefined = leaders[0]?.id;
    modal.confirm({
      title: 'Trình ký dự thảo',
      content: (
        <Select
          style={{ width: '100%' }}
          defaultValue={leaderId}
          showSearch={FOLDED_SEARCH}
          options={leaders.map((l) => ({ value: l.id, label: l.fullName }))}
          onChange={(v) => (leaderId = v)}
          aria-label="Lãnh đạo ký"
        />
      ),
      okText: 'Trình ký',
      cancelText: 'Không',
      onOk: () => run(() => api.call('outgoing.submitDraft', { id: d.id, leaderId: leaderId ?? '', note: null }), 'Đã trình ký.'),
    });
  };

  const sendBack = (d: DraftRecord) =>
    askReason(modal, {
      title: 'Trả lại dự thảo để sửa',
      label: 'ý kiến',
      okText: 'Trả lại',
      required: false,
      onOk: (note) => run(() => api.call('outgoing.signDraft', { id: d.id, approve: false, note: note || null }), 'Đã trả lại dự thảo.'),
    });

  return (
    <div className="vt-table-wrap" style={{ overflow: 'auto', padding: 8 }}>
      <Space style={{ marginBottom: 8 }}>
        <Button icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          Tạo dự thảo
        </Button>
      </Space>
      <Table<DraftRecord>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={drafts}
        locale={{ emptyText: 'Không có dự thảo nào đang chờ.' }}
        columns={[
          {
            title: 'Bước',
            dataIndex: 'status',
            width: 110,
            render: (s: DraftRecord['status']) => <Tag color={COLORS[s]}>{DRAFT_STATUS_LABELS[s]}</Tag>,
          },
          { title: 'Loại', dataIndex: 'typeName', width: 100 },
          { title: 'Trích yếu', dataIndex: 'summary' },
          { title: 'Người soạn', dataIndex: 'createdByName', width: 120 },
          { title: 'Lãnh đạo ký', key: 'leader', width: 130, render: (_, d) => d.signedByName ?? d.leaderName ?? '' },
          { title: 'Ý kiến', dataIndex: 'note', width: 130 },
          { title: 'Ngày tạo', dataIndex: 'createdAt', width: 110, render: (v: string) => formatInstant(v) },
          {
            title: '',
            key: 'act',
            width: 200,
            render: (_, d) => (
              <Space size={4}>
                {d.status === 'du_thao' && (
                  <Button size="small" onClick={() => submit(d)}>
                    Trình ký
                  </Button>
                )}
                {d.status === 'trinh_ky' && mayCall(me, 'outgoing.signDraft') && (
                  <>
                    <Button
                      size="small"
                      type="primary"
                      onClick={() =>
                        void run(() => api.call('outgoing.signDraft', { id: d.id, approve: true, note: null }), 'Đã ký dự thảo.')
                      }
                    >
                      Ký
                    </Button>
                    <Button size="small" danger onClick={() => sendBack(d)}>
                      Trả lại
                    </Button>
                  </>
                )}
                {d.status === 'da_ky' && mayCall(me, 'outgoing.issue') && (
                  <Button size="small" type="primary" onClick={() => onNumber(d)}>
                    Cấp số, ban hành
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <NewDraftDialog open={creating} onClose={() => setCreating(false)} onCreated={() => void load()} />
    </div>
  );
}
