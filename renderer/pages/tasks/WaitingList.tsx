// One list of "Việc của tôi": a titled table walked with the arrows, Enter opening the row.
import { Table, Tag } from 'antd';
import type { ReactNode } from 'react';
import { URGENCY_LABELS, type Urgency } from '../../../shared/domain/enums.js';
import { useRowCursor } from '../../hooks/useRowCursor';

export interface WaitingRow {
  id: string;
  code: string;
  what: string;
  urgency: Urgency;
  when: ReactNode;
  overdue?: boolean;
  actions?: ReactNode;
  open: () => void;
}

export function WaitingList(props: { id: string; title: string; rows: WaitingRow[]; hideTitle?: boolean; empty?: string }) {
  const cursor = useRowCursor({ rows: props.rows, idPrefix: `vt-${props.id}`, onOpen: (r) => r.open() });
  const hasActions = props.rows.some((r) => r.actions !== undefined);
  return (
    <section className="vt-waiting" data-testid={`waiting-${props.id}`}>
      {!props.hideTitle && <h2 className="vt-section-title">{props.title}</h2>}
      <div className="vt-table-wrap" {...cursor.frameProps} aria-label={`${props.title} — mũi tên để chọn, Enter để mở`}>
        <Table<WaitingRow>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={props.rows}
          showHeader={false}
          locale={{ emptyText: props.empty ?? 'Không có gì.' }}
          onRow={(r, i) => cursor.rowProps(r, i ?? 0)}
          rowClassName={(r, i) => [r.overdue ? 'vt-overdue' : '', cursor.rowClass(i)].join(' ')}
          columns={[
            { key: 'code', width: 220, render: (_, r) => <strong>{r.code}</strong> },
            {
              key: 'what',
              render: (_, r) => (
                <>
                  {r.urgency !== 'thuong' && <Tag color="red">{URGENCY_LABELS[r.urgency]}</Tag>}
                  {r.what}
                </>
              ),
            },
            { key: 'when', width: 260, render: (_, r) => r.when },
            ...(hasActions ? [{ key: 'actions', width: 230, render: (_: unknown, r: WaitingRow) => r.actions }] : []),
          ]}
        />
      </div>
    </section>
  );
}
