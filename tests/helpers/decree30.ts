// Documents laid out as Decree 30/2020 Appendix I draws them — organ header at top left, quốc
// hiệu at top right, số/ký hiệu under the organ, the date line under the quốc hiệu, the type and
// trích yếu (or "V/v …" under the số of a công văn), the body, the signature block and Nơi nhận —
// as PDFs with a Vietnamese text layer (Tinos, as Word embeds Times New Roman).
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { embedTinos } from '../../electron/pdf/fonts.js';

const MM = 72 / 25.4;

export interface Decree30Doc {
  /** One or two lines: "UBND TỈNH HÀ TĨNH", "SỞ GIÁO DỤC VÀ ĐÀO TẠO". */
  organ: string[];
  /** "142/KH-SGDĐT". */
  code: string;
  /** "Hà Tĩnh, ngày 26 tháng 02 năm 2019". */
  dateLine: string;
  /** The type's heading ("KẾ HOẠCH"); null for a công văn. */
  heading: string | null;
  /** The trích yếu, as lines. */
  subject: string[];
  body: string[];
  signer: { prefix?: string; title: string; name: string };
  recipients: string[];
  /** "KHẨN", "MẬT" … printed under the số. */
  marks?: string[];
  size?: [number, number];
}

export const SAMPLE_PLAN: Decree30Doc = {
  organ: ['UBND TỈNH HÀ TĨNH', 'SỞ GIÁO DỤC VÀ ĐÀO TẠO'],
  code: '142/KH-SGDĐT',
  dateLine: 'Hà Tĩnh, ngày 26 tháng 02 năm 2019',
  heading: 'KẾ HOẠCH',
  subject: ['Tổ chức kỳ thi chọn học sinh giỏi cấp tỉnh', 'lớp 12 năm học 2018 - 2019'],
  body: [
    'Căn cứ Thông tư số 56/2011/TT-BGDĐT ngày 25/11/2011 của Bộ Giáo dục và Đào tạo ban hành',
    'Quy chế thi chọn học sinh giỏi cấp quốc gia; Sở Giáo dục và Đào tạo xây dựng kế hoạch tổ chức',
    'kỳ thi chọn học sinh giỏi cấp tỉnh lớp 12 năm học 2018 - 2019 như sau:',
    'I. MỤC ĐÍCH, YÊU CẦU',
    '1. Phát hiện, bồi dưỡng học sinh có năng khiếu, tạo nguồn cho các đội tuyển dự thi cấp quốc gia.',
    '2. Kỳ thi được tổ chức nghiêm túc, an toàn, đúng quy chế.',
    'II. THỜI GIAN, ĐỊA ĐIỂM',
    'Thời gian thi: ngày 20 và 21 tháng 3 năm 2019. Địa điểm: Trường THPT chuyên Hà Tĩnh.',
  ],
  signer: { prefix: 'KT. GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC', name: 'Nguyễn Văn Minh' },
  recipients: ['- Các trường THPT;', '- Lưu: VT, GDTrH.'],
};

export const SAMPLE_LETTER: Decree30Doc = {
  organ: ['BỘ GIÁO DỤC VÀ ĐÀO TẠO'],
  code: '1234/BGDĐT-GDTrH',
  dateLine: 'Hà Nội, ngày 05 tháng 01 năm 2020',
  heading: null,
  subject: ['V/v hướng dẫn thực hiện nhiệm vụ', 'giáo dục trung học năm học 2019 - 2020'],
  body: [
    'Kính gửi: Các Sở Giáo dục và Đào tạo',
    'Thực hiện Chỉ thị số 2268/CT-BGDĐT ngày 08/8/2019 của Bộ trưởng Bộ Giáo dục và Đào tạo về nhiệm vụ',
    'và giải pháp năm học 2019 - 2020, Bộ Giáo dục và Đào tạo hướng dẫn các sở thực hiện như sau:',
    '1. Tiếp tục rà soát chương trình, sách giáo khoa hiện hành.',
    '2. Đổi mới phương pháp dạy học và kiểm tra, đánh giá theo định hướng phát triển năng lực.',
  ],
  signer: { prefix: 'KT. BỘ TRƯỞNG', title: 'THỨ TRƯỞNG', name: 'Nguyễn Hữu Độ' },
  recipients: ['- Như trên;', '- Lưu: VT, Vụ GDTrH.'],
  marks: ['KHẨN'],
};

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

/** Page 1 of the document (and `extraPages` of body text) as a PDF. */
export async function decree30Pdf(d: Decree30Doc, opts: { extraPages?: number } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const fonts = await embedTinos(doc);
  const page = doc.addPage(d.size ?? [595.28, 841.89]);
  drawDecree30(page, d, fonts);
  for (let i = 0; i < (opts.extraPages ?? 0); i++) {
    const next = doc.addPage(d.size ?? [595.28, 841.89]);
    d.body.forEach((line, j) => text(next, line, 30 * MM, 25 * MM + j * 7 * MM, 13, fonts.regular));
  }
  return doc.save();
}

/** y measured from the top of the page, as a reader reads it. */
function text(page: PDFPage, s: string, x: number, yTop: number, size: number, font: PDFFont) {
  page.drawText(s, { x, y: page.getHeight() - yTop - size * 0.8, size, font, color: rgb(0, 0, 0) });
}

function centred(page: PDFPage, s: string, centre: number, yTop: number, size: number, font: PDFFont) {
  text(page, s, centre - font.widthOfTextAtSize(s, size) / 2, yTop, size, font);
}

function rule(page: PDFPage, centre: number, yTop: number, width: number) {
  const y = page.getHeight() - yTop;
  page.drawLine({ start: { x: centre - width / 2, y }, end: { x: centre + width / 2, y }, thickness: 0.6 });
}

export function drawDecree30(page: PDFPage, d: Decree30Doc, f: Fonts): void {
  const left = 30 * MM;
  const leftCentre = 58 * MM;
  const rightCentre = 146 * MM;
  let y = 15 * MM;
  d.organ.forEach((line, i) => {
    centred(page, line, leftCentre, y, 12.5, i === d.organ.length - 1 ? f.bold : f.regular);
    y += 6 * MM;
  });
  rule(page, leftCentre, y, 28 * MM);
  centred(page, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', rightCentre, 15 * MM, 12, f.bold);
  centred(page, 'Độc lập - Tự do - Hạnh phúc', rightCentre, 21 * MM, 13, f.bold);
  rule(page, rightCentre, 27 * MM, 52 * MM);
  const numberTop = Math.max(y + 4 * MM, 32 * MM);
  centred(page, `Số: ${d.code}`, leftCentre, numberTop, 13, f.regular);
  centred(page, d.dateLine, rightCentre, numberTop, 13, f.regular);
  y = numberTop + 7 * MM;
  if (!d.heading) {
    for (const line of d.subject) {
      centred(page, line, leftCentre, y, 12, f.regular);
      y += 5.5 * MM;
    }
  }
  for (const mark of d.marks ?? []) {
    centred(page, mark, leftCentre, y + 2 * MM, 13, f.bold);
    y += 7 * MM;
  }
  if (d.heading) {
    y = Math.max(y, numberTop + 16 * MM);
    centred(page, d.heading, page.getWidth() / 2, y, 14, f.bold);
    y += 7 * MM;
    for (const line of d.subject) {
      centred(page, line, page.getWidth() / 2, y, 14, f.bold);
      y += 6.5 * MM;
    }
    rule(page, page.getWidth() / 2, y + 1 * MM, 40 * MM);
  }
  // The body begins well under the header: the blank band the stamp is meant for.
  y = Math.max(y + 40 * MM, 105 * MM);
  for (const line of d.body) {
    text(page, line, left, y, 12, f.regular);
    y += 7 * MM;
  }
  y += 6 * MM;
  const signTop = y;
  if (d.signer.prefix) {
    centred(page, d.signer.prefix, rightCentre, y, 13, f.bold);
    y += 6 * MM;
  }
  centred(page, d.signer.title, rightCentre, y, 13, f.bold);
  centred(page, d.signer.name, rightCentre, y + 28 * MM, 13, f.bold);
  text(page, 'Nơi nhận:', left, signTop, 12, f.bold);
  d.recipients.forEach((r, i) => text(page, r, left, signTop + (i + 1) * 5 * MM, 11, f.regular));
}

/** A page with text everywhere: no blank place of the stamp's size. */
export async function crowdedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const { regular } = await embedTinos(doc);
  const page = doc.addPage([595.28, 841.89]);
  for (let y = 20; y < 830; y += 14) {
    for (const x of [10, 300]) {
      page.drawText('Văn bản dày đặc chữ, không còn chỗ trống nào để đặt dấu.', {
        x: x + ((y / 14) % 3) * 4,
        y: 841.89 - y,
        size: 11,
        font: regular,
      });
    }
  }
  return doc.save();
}
