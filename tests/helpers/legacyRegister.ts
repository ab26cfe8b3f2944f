// Old registers as offices kept them in Excel: a title, a two-row header with merged cells, a
// row numbering the columns, TCVN3 text in .VnTime and VNI text in VNI-Times, dates as text,
// as dates and as serials, a formula, a hidden sheet — and rows with mistakes.
import ExcelJS from 'exceljs';

/** Literal TCVN3 strings as Windows-1252 characters (what Excel holds for a .VnTime cell). */
export const TCVN3 = {
  so: 'Së Gi¸o dôc vµ §µo t¹o Hµ Néi', // Sở Giáo dục và Đào tạo Hà Nội
  keHoach: 'KÕ ho¹ch tæ chøc kú thi chän häc sinh giái', // Kế hoạch tổ chức kỳ thi chọn học sinh giỏi
  truong: 'Tr\u00adêng THCS NguyÔn Tr·i', // Trường THCS Nguyễn Trãi (0xAD is ư: never strip it)
  phong: 'Phßng Tæ chøc c¸n bé', // Phòng Tổ chức cán bộ
};
/** Literal VNI strings (VNI-Times). */
export const VNI = {
  ubnd: 'UÛy ban nhaân daân huyeän Ñoâng Anh', // Ủy ban nhân dân huyện Đông Anh
  huongDan: 'Höôùng daãn thöïc hieän nhieäm vuï naêm hoïc', // Hướng dẫn thực hiện nhiệm vụ năm học
};

export async function legacyIncomingRegister(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('So den 2019');
  ws.addRow(['SỔ ĐĂNG KÝ VĂN BẢN ĐẾN NĂM 2019']);
  ws.addRow([]);
  ws.addRow([
    'Ngày đến',
    'Số đến',
    'Tác giả',
    'Văn bản',
    null,
    'Tên loại và trích yếu nội dung',
    'Đơn vị hoặc người nhận',
    'Ký nhận',
    'Ghi chú',
  ]);
  ws.addRow([null, null, null, 'Số, ký hiệu', 'Ngày tháng', null, null, null, null]);
  ws.mergeCells('D3:E3');
  for (const col of ['A', 'B', 'C', 'F', 'G', 'H', 'I']) ws.mergeCells(`${col}3:${col}4`);
  ws.addRow(['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)', '(8)', '(9)']);
  const rows: unknown[][] = [
    [
      '05/03/2019',
      1,
      'Bộ Giáo dục và Đào tạo',
      '142/KH-BGDĐT',
      '01/03/2019',
      'Kế hoạch tổ chức kỳ thi tốt nghiệp',
      'Văn phòng',
      null,
      null,
    ],
    [new Date(Date.UTC(2019, 2, 6)), 2, TCVN3.so, '0012/SGDĐT-VP', new Date(Date.UTC(2019, 2, 4)), TCVN3.keHoach, TCVN3.phong, null, null],
    [43531, 3, VNI.ubnd, '45/UBND', '5/3/19', VNI.huongDan, null, null, 'Bản sao'],
    [
      '08/03/2019',
      4,
      'Công đoàn Giáo dục Việt Nam',
      '7/CĐGDVN',
      '01/03/2019',
      { formula: 'CONCATENATE("Về việc ","tổ chức Hội khỏe Phù Đổng")', result: 'Về việc tổ chức Hội khỏe Phù Đổng' },
      TCVN3.truong,
      null,
      null,
    ],
    ['31/02/2019', 5, 'Sở Tài chính', '9/STC', '01/02/2019', 'Phân bổ kinh phí', null, null, null],
    ['09/03/2019', 4, 'Sở Nội vụ', '11/SNV', '01/03/2019', 'Trùng số đến', null, null, null],
    ['10/03/2019', 6, 'Sở Y tế', '12/SYT', '01/03/2019', null, null, null, null],
    ['11/03/2019', 'bảy', 'Sở Y tế', '13/SYT', '01/03/2019', 'Số đến viết bằng chữ', null, null, null],
  ];
  for (const r of rows) ws.addRow(r);
  // Fonts as the old files had them: the TCVN3 cells in .VnTime, the VNI cells in VNI-Times.
  ws.getCell('C7').font = { name: '.VnTime' };
  ws.getCell('F7').font = { name: '.VnTime' };
  ws.getCell('G7').font = { name: '.VnTime' };
  ws.getCell('C8').font = { name: 'VNI-Times' };
  ws.getCell('F8').font = { name: 'VNI-Times' };
  ws.getCell('G9').font = { name: '.VnTime' };
  ws.getCell('D7').numFmt = '@';
  ws.getCell('A7').numFmt = 'dd/mm/yyyy';
  ws.getCell('E7').numFmt = 'dd/mm/yyyy';
  const hidden = wb.addWorksheet('Nhap', { state: 'hidden' });
  hidden.addRow(['Ngày đến', 'Số đến', 'Tác giả', 'Trích yếu']);
  hidden.addRow(['01/01/2019', 99, 'Nháp', 'Không được nhập']);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
