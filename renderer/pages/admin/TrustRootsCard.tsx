// Chứng thư số gốc: the roots this PC trusts when it checks digital signatures. The admin adds a
// CA's root certificate (.cer, .crt, .pem) after comparing its fingerprint with the one the CA
// publishes; none is shipped.
import { App, Button, Card, List, Popconfirm, Typography, Upload } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { MethodOutput } from '../../../shared/api/contract.js';
import { formatDate } from '../../../shared/text/dates.js';
import { api } from '../../api/client';
import { fileBase64 } from '../../components/fileBase64';

type Root = MethodOutput<'trust.list'>[number];

/** "AB12CD…" → "AB:12:CD:…", as CAs print it. */
const grouped = (fp: string) => fp.match(/.{2}/g)!.join(':');

export function TrustRootsCard() {
  const { message } = App.useApp();
  const [roots, setRoots] = useState<Root[]>([]);
  const load = useCallback(
    () => api.call('trust.list').then(setRoots, (err: Error) => message.error(`Chưa đọc được danh sách chứng thư gốc: ${err.message}`)),
    [message],
  );
  useEffect(() => void load(), [load]);

  const add = async (file: File) => {
    try {
      const root = await api.call('trust.add', { certificate: await fileBase64(file) });
      message.success(`Đã thêm chứng thư gốc “${root.name ?? root.organisation ?? root.fingerprint}”.`);
      await load();
    } catch (err) {
      message.error((err as Error).message);
    }
  };
  const remove = async (fp: string) => {
    try {
      await api.call('trust.remove', { fingerprint: fp });
      await load();
    } catch (err) {
      message.error((err as Error).message);
    }
  };

  return (
    <Card title="Chứng thư số gốc (kiểm tra chữ ký số)" size="small" style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary">
        Chữ ký số trên văn bản đến được coi là tin cậy khi chứng thư của người ký do một tổ chức gốc dưới đây cấp. Chương trình không kèm
        sẵn chứng thư gốc nào: hãy lấy tệp chứng thư gốc (.cer, .crt, .pem) từ tổ chức cung cấp dịch vụ chứng thực (ví dụ Trung tâm Chứng
        thực điện tử quốc gia, Ban Cơ yếu Chính phủ) và so dấu vân tay SHA-256 với dấu họ công bố trước khi thêm.
      </Typography.Paragraph>
      <List
        size="small"
        dataSource={roots}
        locale={{ emptyText: 'Chưa có chứng thư gốc nào.' }}
        renderItem={(r) => (
          <List.Item
            data-testid="trust-root"
            actions={[
              <Popconfirm
                key="x"
                title="Bỏ tin cậy chứng thư gốc này?"
                okText="Bỏ"
                cancelText="Không"
                onConfirm={() => void remove(r.fingerprint)}
              >
                <Button size="small" danger>
                  Bỏ
                </Button>
              </Popconfirm>,
            ]}
          >
            <List.Item.Meta
              title={[r.name, r.organisation].filter(Boolean).join(' — ') || 'Không rõ tên'}
              description={
                <>
                  <div>Hiệu lực đến {formatDate(r.notAfter)}</div>
                  <Typography.Text code style={{ fontSize: 11, wordBreak: 'break-all' }}>
                    SHA-256 {grouped(r.fingerprint)}
                  </Typography.Text>
                </>
              }
            />
          </List.Item>
        )}
      />
      <Upload
        accept=".cer,.crt,.pem,.der"
        showUploadList={false}
        customRequest={() => undefined}
        beforeUpload={(file) => {
          void add(file);
          return false;
        }}
      >
        <Button style={{ marginTop: 8 }}>Thêm chứng thư gốc…</Button>
      </Upload>
    </Card>
  );
}
