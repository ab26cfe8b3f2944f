import { Result } from 'antd';

export function UnderConstruction({ title }: { title: string }) {
  return (
    <div className="vt-page">
      <Result status="info" title={title} subTitle="Chức năng này đang xây dựng và sẽ có trong bản cập nhật tới." />
    </div>
  );
}
