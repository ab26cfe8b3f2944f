import { Segmented, Space } from 'antd';

/** A page's title with, at its right, the views the page switches between. */
export function PageTitle<V extends string>(props: {
  title: string;
  value: V;
  onChange: (v: V) => void;
  views: { value: V; label: string }[];
}) {
  return (
    <Space style={{ justifyContent: 'space-between', width: '100%', marginBottom: 4 }}>
      <h1 className="vt-page-title">{props.title}</h1>
      <Segmented value={props.value} onChange={(v) => props.onChange(v)} options={props.views} />
    </Space>
  );
}
