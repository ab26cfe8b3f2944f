// Xuất toàn bộ: one JSON file per table (streamed, a million rows never in memory at once),
// the attachment files by their sha256, and a README saying how it fits together.
import { createWriteStream } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { once } from 'node:events';
import { exportableFiles, exportTables } from '../../db/backup/exportRows.js';
import type { Store } from '../../db/core/store.js';
import { APP_VERSION } from '../../shared/version.js';
import type { BlobStore } from '../files/blobStore.js';
import { copyHashed } from './fileCopy.js';
import { folderError, usableFolder } from './targetFolder.js';

const README = `VănThư — xuất toàn bộ dữ liệu

Mỗi bảng dữ liệu là một tệp <tên bảng>.json: một mảng JSON, mỗi phần tử là một dòng với tên cột
gốc (snake_case). Ngày dạng YYYY-MM-DD, thời điểm dạng ISO-8601 UTC. Dòng đã xóa vẫn có, với
deleted_at khác null. Mật khẩu (băm) không được xuất, kể cả trong outbox, audit_log. Văn bản mật
chỉ có phần đăng ký (số, ngày, cơ quan ban hành, số ký hiệu, độ mật, độ khẩn): trích yếu, ghi
chú, tệp, việc giao và lịch sử của chúng không rời máy (Luật Bảo vệ bí mật nhà nước 2018).

Tệp đính kèm nằm trong files/ab/cd/<sha256>; bảng attachments.json cho biết tên, loại và văn bản
của từng tệp (cột sha256). Mã sha256 của mỗi tệp chính là tên của nó, dùng để kiểm tra.

Các bảng chính: documents (văn bản đến và đi), register_books (sổ đăng ký), agencies (cơ quan),
attachments, tasks (giao việc), document_events (lịch sử), dossiers và dossier_items (hồ sơ),
catalogue_headings và catalogue_entries (danh mục hồ sơ), users, departments, units, settings,
audit_log (nhật ký, có chuỗi băm).
`;

export async function exportAll(store: Store, blobs: BlobStore, dir: string, onProgress?: (done: number, total: number) => void) {
  const root = await usableFolder(dir);
  try {
    return await exportInto(store, blobs, root, onProgress);
  } catch (err) {
    throw folderError(err, root);
  }
}

async function exportInto(store: Store, blobs: BlobStore, root: string, onProgress?: (done: number, total: number) => void) {
  const stampText = store.now().toISOString().slice(0, 19).replace(/[-:T]/g, '');
  const target = join(root, `VanThu-xuat-toan-bo-${stampText}`);
  const partial = `${target}.dang-xuat`;
  await mkdir(partial, { recursive: true });
  const tables = exportTables(store);
  const counts: { name: string; rows: number }[] = [];
  let rows = 0;
  for (const t of tables) {
    let count = 0;
    const out = createWriteStream(join(partial, `${t.name}.json`));
    let first = true;
    const write = async (s: string) => {
      if (!out.write(s)) await once(out, 'drain');
    };
    await write('[\n');
    for (const row of t.rows()) {
      await write(`${first ? '' : ',\n'}${JSON.stringify(row)}`);
      first = false;
      count++;
    }
    counts.push({ name: t.name, rows: count });
    rows += count;
    await write('\n]\n');
    out.end();
    await once(out, 'finish');
  }
  const shas = exportableFiles(store).filter((s) => blobs.has(s));
  for (const [i, sha] of shas.entries()) {
    onProgress?.(i, shas.length);
    await copyHashed(blobs.path(sha), join(partial, 'files', sha.slice(0, 2), sha.slice(2, 4), sha));
  }
  await writeFile(join(partial, 'README.txt'), README);
  await writeFile(
    join(partial, 'export.json'),
    JSON.stringify(
      {
        app: 'VănThư',
        appVersion: APP_VERSION,
        schemaVersion: store.schemaVersion,
        at: store.now().toISOString(),
        tables: counts,
        files: shas.length,
      },
      null,
      1,
    ),
  );
  await rename(partial, target);
  return { path: target, tables: tables.length, rows, files: shas.length };
}
