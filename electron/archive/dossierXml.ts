// A dossier's metadata as XML, with the fields of Thông tư 02/2019/TT-BNV (the standard of input
// data for the archive, Phụ lục I: "Thông tin đầu vào của hồ sơ" and "… của văn bản"): for the
// dossier its code, title, retention, access regime, dates, counts, language, description; for
// each document the Appendix VI fields of Decree 30 plus ký hiệu thông tin, từ khóa, chế độ sử
// dụng, mức độ tin cậy, bút tích, tình trạng vật lý. The Circular lists fields, not an XML schema:
// the element names are its field names without diacritics. Written as a stream of strings, a
// document at a time (5,000 documents never sit in memory as one tree). A dossier leaving the PC
// (reader null) carries no secret content (Luật 29/2018).
import { listAttachments } from '../../db/attachments/attachments.js';
import { currentUnit } from '../../db/admin/users.js';
import { getDocument } from '../../db/documents/documentRows.js';
import { getDossier } from '../../db/dossiers/dossiers.js';
import { shownDossier } from '../../db/dossiers/dossierSecrets.js';
import type { Store } from '../../db/core/store.js';
import { maskRecord, shownRecords, type Reader } from '../../db/secrets/secretAccess.js';
import { isSecret } from '../../shared/domain/secrecy.js';
import { retentionLabel, type DossierRecord } from '../../shared/api/dossiers.js';
import { CONFIDENTIALITY_LABELS, URGENCY_LABELS } from '../../shared/domain/enums.js';
import { xmlText } from '../../shared/text/xmlText.js';

export const DOSSIER_XML_NS = 'urn:vanthu:tt02-2019:hoso';

const el = (name: string, value: string | number | null | undefined) =>
  value === null || value === undefined || value === '' ? `<${name}/>` : `<${name}>${xmlText(String(value))}</${name}>`;

/** "Mức độ tin cậy": an electronic original (signed), digitised (a scan or a file), or paper only. */
function reliability(store: Store, documentId: string | null): string {
  if (!documentId) return 'Hỗn hợp';
  const files = listAttachments(store, documentId);
  if (files.some((f) => f.signed || f.role === 'signed')) return 'Gốc điện tử';
  if (files.length > 0) return 'Số hóa';
  return 'Bản giấy';
}

function* dossierXml(store: Store, reader: Reader | null, d: DossierRecord, organ: string): Generator<string> {
  yield '<HoSo>';
  yield el('MaHoSo', d.fullCode);
  yield el('KyHieuHoSo', d.notation);
  yield el('TieuDeHoSo', d.title);
  yield el('MaCoQuanLuuTru', organ);
  yield el('ThoiHanBaoQuan', retentionLabel(d.retention));
  yield el('CheDoSuDung', d.accessRegime);
  yield el('NgonNgu', d.language);
  yield el('ThoiGianBatDau', d.startDate);
  yield el('ThoiGianKetThuc', d.endDate);
  yield el('TongSoVanBan', d.documentCount);
  yield el('SoLuongTrang', d.pageCount);
  yield el('NguoiLapHoSo', d.keeperName);
  yield el('ChuGiai', d.description);
  yield el('TinhTrangVatLy', 'Bình thường');
  yield el('TrangThai', d.status === 'mo' ? 'Đang mở' : d.status === 'ket_thuc' ? 'Đã kết thúc' : 'Đã nộp lưu');
  yield '<DanhSachVanBan>';
  for (const item of d.items) {
    const raw = item.documentId ? getDocument(store, item.documentId) : null;
    // Leaving the PC (a package), a secret document is its register entry only.
    const doc = !raw
      ? null
      : reader
        ? shownRecords(store, reader, [raw], 'dossiers.exportXml')[0]!
        : isSecret(raw.confidentiality)
          ? maskRecord(raw)
          : raw;
    const slash = item.code.indexOf('/');
    yield '<VanBan>';
    // The register's own id: the same document filed in several dossiers is one document, named alike.
    yield el('MaDinhDanhVanBan', item.documentId ?? item.id);
    yield el('MaHoSo', d.fullCode);
    yield el('SoThuTuTrongHoSo', item.position);
    yield el('SoVaKyHieu', item.code);
    yield el('SoCuaVanBan', slash > 0 ? item.code.slice(0, slash) : item.code);
    yield el('KyHieuCuaVanBan', slash > 0 ? item.code.slice(slash + 1) : '');
    yield el('NgayThangNamVanBan', item.date);
    yield el('TenLoaiVanBan', doc?.typeName ?? null);
    yield el('TrichYeuNoiDung', doc ? doc.summary : item.summary);
    yield el('TacGia', item.author);
    yield el('NguoiKy', doc?.masked ? null : (doc?.signerName ?? null));
    yield el('NgonNgu', d.language);
    yield el('SoLuongTrang', item.pages);
    yield el('DoMat', doc ? CONFIDENTIALITY_LABELS[doc.confidentiality] : null);
    yield el('MucDoKhan', doc ? URGENCY_LABELS[doc.urgency] : null);
    yield el('KyHieuThongTin', `${d.fullCode}.${String(item.position).padStart(3, '0')}`);
    yield el('TuKhoa', doc?.masked ? null : (doc?.typeName ?? null));
    yield el('CheDoSuDung', d.accessRegime);
    yield el('MucDoTinCay', reliability(store, doc?.masked ? null : item.documentId));
    yield el('ButTich', null);
    yield el('TinhTrangVatLy', 'Bình thường');
    yield el('LuuChinh', item.primaryFiling ? 'Có' : 'Không (tham chiếu)');
    yield el('GhiChu', item.notes);
    yield '</VanBan>';
  }
  yield '</DanhSachVanBan></HoSo>';
}

/** The XML of these dossiers, as string pieces to stream: one dossier, or a handover package's all. */
export function* dossiersXml(store: Store, reader: Reader | null, dossierIds: string[]): Generator<string> {
  const unit = currentUnit(store);
  yield `<?xml version="1.0" encoding="UTF-8"?>\n<DuLieuDacTaHoSo xmlns="${DOSSIER_XML_NS}" chuan="Thông tư 02/2019/TT-BNV" taoLuc="${store.now().toISOString()}">`;
  yield el('CoQuan', unit.name);
  for (const id of dossierIds) {
    const d = shownDossier(store, reader, getDossier(store, id), 'dossiers.exportXml');
    yield* dossierXml(store, reader, d, unit.code ?? unit.name);
  }
  yield '</DuLieuDacTaHoSo>\n';
}
