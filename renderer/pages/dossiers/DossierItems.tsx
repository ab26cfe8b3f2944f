// Mục lục văn bản trong hồ sơ: the items in their order, moved by drag, arrows or buttons while the
// dossier is open.
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, HolderOutlined } from '../../components/icons';
import { Button, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { type DossierRecord } from '../../../shared/api/dossiers.js';
import { formatDate } from '../../../shared/text/dates.js';

type Item = DossierRecord['items'][number];

export function DossierItems(props: {
  items: Item[];
  open: boolean;
  onMove: (from: number, to: number) => void;
  onRemove: (item: Item) => void;
}) {
  const { items, open } = props;
  const [dragging, setDragging] = useState<string | null>(null);
  return (
    <Table<Item>
      size="small"
      bordered
      rowKey="id"
      pagination={false}
      dataSource={items}
      locale={{ emptyText: 'Hồ sơ chưa có văn bản. Mở một văn bản và bấm “Lưu vào hồ sơ”.' }}
      onRow={(item, index) =>
        open
          ? {
              draggable: true,
              onDragStart: () => setDragging(item.id),
              onDragOver: (e) => e.preventDefault(),
              onDrop: () => {
                const from = items.findIndex((i) => i.id === dragging);
                setDragging(null);
                props.onMove(from, index ?? 0);
              },
            }
          : {}
      }
      columns={[
        {
          title: '',
          key: 'h',
          width: 30,
          render: () => (open ? <HolderOutlined style={{ cursor: 'grab', color: '#999' }} /> : null),
        },
        { title: 'STT', dataIndex: 'position', width: 50, align: 'center' },
        { title: 'Số, ký hiệu văn bản', dataIndex: 'code', width: 150 },
        { title: 'Ngày tháng năm văn bản', dataIndex: 'date', width: 110, render: (v: string | null) => formatDate(v) },
        { title: 'Tên loại và trích yếu nội dung', dataIndex: 'summary' },
        { title: 'Tác giả văn bản', dataIndex: 'author', width: 180 },
        { title: 'Số trang', dataIndex: 'pages', width: 70, align: 'center' },
        { title: 'Ghi chú', key: 'n', width: 100, render: (_, i) => (i.primaryFiling ? i.notes : <Tag>Tham chiếu</Tag>) },
        ...(open
          ? [
              {
                title: '',
                key: 'act',
                width: 110,
                render: (_: unknown, item: Item, index: number) => (
                  <Space size={2}>
                    <Button
                      size="small"
                      icon={<ArrowUpOutlined />}
                      aria-label="Lên"
                      disabled={index === 0}
                      onClick={() => props.onMove(index, index - 1)}
                    />
                    <Button
                      size="small"
                      icon={<ArrowDownOutlined />}
                      aria-label="Xuống"
                      disabled={index === items.length - 1}
                      onClick={() => props.onMove(index, index + 1)}
                    />
                    <Button size="small" danger icon={<DeleteOutlined />} aria-label="Bỏ khỏi hồ sơ" onClick={() => props.onRemove(item)} />
                  </Space>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
