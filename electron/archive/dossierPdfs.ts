// The papers of the dossier trade as PDFs: the catalogue (PL V), a dossier's cover and item
// list, and the handover papers (Mục lục hồ sơ, tài liệu nộp lưu and the biên bản giao nhận).
import { PDFDocument } from 'pdf-lib';
import { retentionLabel } from '../../shared/api/dossiers.js';
import { formatDate, officeDate } from '../../shared/text/dates.js';
import { getCatalogue } from '../../db/dossiers/catalogue.js';
import { getDossier } from '../../db/dossiers/dossiers.js';
import { retentionEndedDossiers } from '../../db/dossiers/retention.js';
import { shownDossier } from '../../db/dossiers/dossierSecrets.js';
import type { Reader } from '../../db/secrets/secretAccess.js';
import type { RegisterCell, RegisterColumn } from '../../db/registers/registerRows.js';
import type { Store } from '../../db/core/store.js';
import { currentUnit } from '../../db/admin/users.js';
import { unitNameOf } from '../../db/units/units.js';
import { printTable } from '../pdf/registerPdf.js';

type File = { name: string; mime: string; bytes: Uint8Array };
const t = (text: string | null | undefined): RegisterCell => ({ text: text ?? '' });
/** A heading row of the catalogue, drawn bold across the table. */
const section = (text: string): RegisterCell[] => [{ text, value: 'section' }, t(''), t(''), t(''), t('')];

function dateLine(store: Store): string {
  const d = officeDate(store.now());
  return `…, ngày ${d.slice(8, 10)} tháng ${d.slice(5, 7)} năm ${d.slice(0, 4)}`;
}

export async function printCatalogue(store: Store, year: number, unitId: string | null = null): Promise<File> {
  const c = getCatalogue(store, year, unitId);
  const columns: RegisterColumn[] = [
    { title: 'Số và ký hiệu hồ sơ', width: 90, align: 'center' },
    { title: 'Tên đề mục và tiêu đề hồ sơ', width: 380 },
    { title: 'Thời hạn bảo quản', width: 90, align: 'center' },
    { title: 'Người lập hồ sơ', width: 130 },
    { title: 'Ghi chú', width: 96 },
  ];
  const rows: RegisterCell[][] = [];
  const byHeading = (id: string) => c.entries.filter((e) => e.headingId === id);
  const entryRow = (e: (typeof c.entries)[number]) => [t(e.code), t(e.title), t(retentionLabel(e.retention)), t(e.keeperName), t(e.notes)];
  for (const large of c.headings.filter((h) => h.level === 1)) {
    rows.push(section(`${large.label}. ${large.title.toLocaleUpperCase('vi')}`));
    rows.push(...byHeading(large.id).map(entryRow));
    for (const small of c.headings.filter((h) => h.parentId === large.id)) {
      rows.push(section(`${small.label}. ${small.title}`));
      rows.push(...byHeading(small.id).map(entryRow));
    }
  }
  const bytes = await printTable({
    title: `Danh mục hồ sơ năm ${year}`,
    footer: `Danh mục hồ sơ năm ${year}`,
    cover: null,
    heading: [`DANH MỤC HỒ SƠ NĂM ${year}`, unitNameOf(store, unitId)],
    columns,
    rows,
    isSection: (r) => r[0]?.value === 'section',
    closing: [
      `Danh mục hồ sơ này có ${c.entries.length} hồ sơ, bao gồm: ${c.counts.permanent} hồ sơ bảo quản vĩnh viễn; ${c.counts.limited} hồ sơ bảo quản có thời hạn.`,
    ],
  });
  return { name: `Danh-muc-ho-so-${year}.pdf`, mime: 'application/pdf', bytes };
}

export async function printDossier(store: Store, reader: Reader, id: string): Promise<File> {
  const d = shownDossier(store, reader, getDossier(store, id), 'dossiers.print');
  const bytes = await printTable({
    title: `Hồ sơ ${d.notation} — ${d.title}`,
    footer: `Mục lục văn bản — hồ sơ ${d.notation}`,
    cover: {
      unitName: currentUnit(store).name,
      heading: d.title,
      subheading: `Mã hồ sơ: ${d.fullCode}`,
      lines: [
        `Từ ngày ${formatDate(d.startDate) || '…'} đến ngày ${formatDate(d.endDate) || '…'}`,
        `Gồm ${d.documentCount} văn bản, ${d.pageCount} trang`,
        `Thời hạn bảo quản: ${retentionLabel(d.retention)}`,
      ],
    },
    columns: [
      { title: 'STT', width: 36, align: 'center', type: 'number' },
      { title: 'Số, ký hiệu văn bản', width: 100 },
      { title: 'Ngày tháng năm văn bản', width: 70, align: 'center' },
      { title: 'Tên loại và trích yếu nội dung', width: 300 },
      { title: 'Tác giả văn bản', width: 150 },
      { title: 'Tờ số/Trang số', width: 60, align: 'center' },
      { title: 'Ghi chú', width: 70 },
    ],
    rows: pageRanges(d).map(({ item, range }) => [
      t(String(item.position)),
      t(item.code),
      t(formatDate(item.date)),
      t(item.summary),
      t(item.author),
      t(range),
      t(item.notes),
    ]),
  });
  return { name: `Ho-so-${d.notation}.pdf`, mime: 'application/pdf', bytes };
}

/** Tờ số: each item's pages numbered on from the previous ones. */
function pageRanges(d: ReturnType<typeof getDossier>) {
  let next = 1;
  return d.items.map((item) => {
    if (!item.pages) return { item, range: '' };
    const range = item.pages === 1 ? String(next) : `${next}-${next + item.pages - 1}`;
    next += item.pages;
    return { item, range };
  });
}

export async function printHandover(store: Store, reader: Reader, ids: string[]): Promise<File> {
  const list = ids.map((id) => shownDossier(store, reader, getDossier(store, id), 'archive.handoverList'));
  const unit = currentUnit(store).name;
  const listPdf = await printTable({
    title: 'Mục lục hồ sơ, tài liệu nộp lưu',
    footer: 'Mục lục hồ sơ, tài liệu nộp lưu',
    cover: null,
    heading: ['MỤC LỤC HỒ SƠ, TÀI LIỆU NỘP LƯU', unit, dateLine(store)],
    columns: [
      { title: 'Số TT', width: 40, align: 'center' },
      { title: 'Số, ký hiệu hồ sơ', width: 110 },
      { title: 'Tiêu đề hồ sơ', width: 320 },
      { title: 'Thời gian tài liệu', width: 120, align: 'center' },
      { title: 'Thời hạn bảo quản', width: 80, align: 'center' },
      { title: 'Số tờ/Số trang', width: 60, align: 'center' },
      { title: 'Ghi chú', width: 80 },
    ],
    rows: list.map((d, i) => [
      t(String(i + 1)),
      t(d.notation),
      t(d.title),
      t(`${formatDate(d.startDate)} - ${formatDate(d.endDate)}`),
      t(retentionLabel(d.retention)),
      t(String(d.pageCount)),
      t(''),
    ]),
    closing: [`Mục lục này gồm ${list.length} hồ sơ.`],
  });
  const pages = list.reduce((s, d) => s + d.pageCount, 0);
  const recordPdf = await printTable({
    title: 'Biên bản giao nhận tài liệu',
    footer: 'Biên bản giao nhận tài liệu',
    cover: null,
    heading: ['BIÊN BẢN GIAO NHẬN TÀI LIỆU', unit, dateLine(store)],
    columns: [{ title: 'Nội dung', width: 1 }],
    rows: [
      [t('Bên giao: ……………………………… (đơn vị, cá nhân giao nộp hồ sơ).')],
      [t('Bên nhận: Lưu trữ cơ quan — ………………………………')],
      [
        t(
          `Thống nhất lập biên bản giao nhận ${list.length} hồ sơ, ${pages} trang tài liệu, theo Mục lục hồ sơ, tài liệu nộp lưu kèm theo.`,
        ),
      ],
      [t(`Các hồ sơ: ${list.map((d) => d.notation).join(', ')}.`)],
      [t('Biên bản này được lập thành 02 bản; bên giao giữ 01 bản, bên nhận giữ 01 bản.')],
    ],
    closing: [
      'ĐẠI DIỆN BÊN GIAO                                                                                                   ĐẠI DIỆN BÊN NHẬN',
      '(Ký, ghi rõ họ tên)                                                                                                     (Ký, ghi rõ họ tên)',
    ],
  });
  const merged = await PDFDocument.load(listPdf);
  const record = await PDFDocument.load(recordPdf);
  for (const p of await merged.copyPages(record, record.getPageIndices())) merged.addPage(p);
  return { name: 'Ho-so-nop-luu.pdf', mime: 'application/pdf', bytes: await merged.save() };
}

/** Danh mục tài liệu hết giá trị (proposed): the dossiers whose retention ended, for the council to review. */
export async function printRetentionEnded(store: Store, asOf?: string): Promise<File> {
  const ended = retentionEndedDossiers(store, asOf);
  const today = asOf ?? officeDate(store.now());
  const bytes = await printTable({
    title: 'DANH MỤC TÀI LIỆU HẾT GIÁ TRỊ',
    footer: 'Danh mục tài liệu hết giá trị (dự thảo, trình Hội đồng xác định giá trị tài liệu)',
    cover: null,
    heading: [
      'DANH MỤC TÀI LIỆU HẾT GIÁ TRỊ',
      currentUnit(store).name,
      `Hồ sơ đã hết thời hạn bảo quản tính đến ngày ${formatDate(today)} — dự thảo trình Hội đồng xác định giá trị tài liệu`,
    ],
    columns: [
      { title: 'STT', width: 32, align: 'center', type: 'number' },
      { title: 'Mã hồ sơ', width: 110 },
      { title: 'Tiêu đề hồ sơ', width: 260 },
      { title: 'Thời gian tài liệu', width: 90, align: 'center' },
      { title: 'Số văn bản, số trang', width: 70, align: 'center' },
      { title: 'Thời hạn bảo quản', width: 70, align: 'center' },
      { title: 'Hết hạn sau năm', width: 60, align: 'center' },
      { title: 'Lý do hết giá trị', width: 100 },
    ],
    rows: ended.map((e, i) => {
      const d = e.dossier;
      return [
        t(String(i + 1)),
        t(d.fullCode),
        t(d.title),
        t([formatDate(d.startDate), formatDate(d.endDate)].filter(Boolean).join(' – ')),
        t(`${d.documentCount} văn bản, ${d.pageCount} trang`),
        t(retentionLabel(d.retention)),
        t(String(e.keptThrough)),
        t('Hết thời hạn bảo quản'),
      ];
    }),
    closing: [
      `Tổng cộng: ${ended.length} hồ sơ. VănThư không hủy tài liệu nào; việc hủy do Hội đồng xem xét và người đứng đầu cơ quan quyết định.`,
      dateLine(store),
    ],
  });
  return { name: `Danh-muc-tai-lieu-het-gia-tri-${today}.pdf`, mime: 'application/pdf', bytes };
}
