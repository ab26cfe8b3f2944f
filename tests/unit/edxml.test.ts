import { describe, expect, it } from 'vitest';
import { decodeAttachment, readEdxml, type EdxmlMessage } from '../../electron/exchange/edxml/readPackage.js';
import { buildPackage, buildStatus } from '../../electron/exchange/edxml/writePackage.js';
import { samplePackage } from '../helpers/edxmlSample.js';
import { samplePdf } from '../helpers/pdfFixtures.js';

const bytes = (s: string) => Buffer.from(s, 'utf8');
const refusal = (b: Uint8Array) => {
  try {
    readEdxml(b);
  } catch (err) {
    return (err as Error).message;
  }
  return 'accepted';
};

describe('edXML packages', () => {
  it('reads a package laid out as the public SDK sample into what the register needs', async () => {
    const pdf = Buffer.from(await samplePdf(2));
    const m = readEdxml(
      bytes(
        samplePackage({
          attachments: [
            { name: 'CV-1234.pdf', contentType: 'application/pdf', base64: pdf.toString('base64').replace(/(.{76})/g, '$1\n') },
          ],
        }),
      ),
    );
    if (m.kind !== 'package') throw new Error('not a package');
    const h = m.header;
    expect(h.from).toMatchObject({ organId: '000.00.00.H42', name: 'Sở Giáo dục và Đào tạo Hà Tĩnh' });
    expect(h.to.map((t) => t.organId)).toEqual(['000.00.12.H42']);
    expect(h.code).toBe('1234/SGDĐT-GDTrH');
    expect(h.documentId).toBe('000.00.00.H42,2026/11/20,1234/SGDĐT-GDTrH');
    expect(h.issuedDate).toBe('2026-11-20');
    expect(h.dueDate).toBe('2026-12-15');
    expect(h.typeName).toBe('Công văn');
    expect(h.summary).toBe('V/v tổ chức kỳ thi chọn học sinh giỏi cấp tỉnh năm học 2026 - 2027');
    expect(h.signer).toEqual({ competence: 'KT. GIÁM ĐỐC', position: 'Phó Giám đốc', fullName: 'Nguyễn Văn Đức' });
    expect(h.urgency).toBe('khan');
    expect(h.pages).toBe(2);
    expect(h.copies).toBe(30);
    expect(h.business).toBe('new');
    expect(h.trace).toEqual([{ organId: '000.00.00.H42', at: '2026-11-20T08:30:00.000Z' }]);
    expect(h.xmlSigned).toBe(true);
    expect(h.confidentiality).toBe('thuong');
    expect(m.attachments).toHaveLength(1);
    expect(decodeAttachment(m.attachments[0]!).equals(pdf)).toBe(true);
  });

  it('writes a package that reads back to the same fields, with its signed PDF byte for byte', async () => {
    const pdf = Buffer.from(await samplePdf(1));
    const organ = (organId: string, name: string) => ({ organId, name, address: null, email: null, phone: null });
    const built = buildPackage({
      from: organ('000.00.12.H42', 'Trường THPT Phan Đình Phùng'),
      to: organ('000.00.00.H42', 'Sở Giáo dục và Đào tạo Hà Tĩnh'),
      documentId: '000.00.12.H42,2026/12/02,45/PĐP-VP',
      codeNumber: '45',
      codeNotation: 'PĐP-VP',
      place: 'Hà Tĩnh',
      issuedDate: '2026-12-02',
      typeCode: 'CV',
      typeName: 'Công văn',
      summary: 'Báo cáo danh sách học sinh dự thi <chọn> & “đội tuyển”',
      signer: { competence: 'KT. HIỆU TRƯỞNG', position: 'Phó Hiệu trưởng', fullName: 'Lê Thị Hoa' },
      dueDate: null,
      priority: '2',
      copies: 3,
      pages: 1,
      toPlaces: ['Sở GD&ĐT Hà Tĩnh'],
      business: 'new',
      businessDocumentId: '000.00.12.H42,2026/12/02,45/PĐP-VP',
      businessReason: null,
      staff: { department: 'Văn phòng', name: 'Phạm Thu', email: null },
      sentAt: new Date('2026-12-02T02:00:00Z'),
      attachments: [{ name: '45-PĐP-VP.pdf', mime: 'application/pdf', bytes: pdf }],
    });
    const m = readEdxml(built);
    if (m.kind !== 'package') throw new Error('not a package');
    expect(m.header).toMatchObject({
      code: '45/PĐP-VP',
      documentId: '000.00.12.H42,2026/12/02,45/PĐP-VP',
      issuedDate: '2026-12-02',
      summary: 'Báo cáo danh sách học sinh dự thi <chọn> & “đội tuyển”',
      urgency: 'thuong_khan',
      toPlaces: ['Sở GD&ĐT Hà Tĩnh'],
      trace: [{ organId: '000.00.12.H42', at: '2026-12-02T02:00:00.000Z' }],
    });
    expect(m.header.from.organId).toBe('000.00.12.H42');
    expect(m.attachments.map((a) => a.name)).toEqual(['45-PĐP-VP.pdf']);
    expect(decodeAttachment(m.attachments[0]!).equals(pdf)).toBe(true);

    const status = readEdxml(
      buildStatus({
        from: organ('000.00.00.H42', 'Sở Giáo dục và Đào tạo Hà Tĩnh'),
        responseFor: { organId: '000.00.12.H42', code: '45/PĐP-VP', documentId: '000.00.12.H42,2026/12/02,45/PĐP-VP' },
        statusCode: '03',
        description: 'Đã vào sổ, số đến 812',
        at: new Date('2026-12-02T03:04:05Z'),
        staff: { department: null, name: 'Trần Thị Lan', email: null },
      }),
    );
    expect(status).toMatchObject({
      kind: 'status',
      status: { statusCode: '03', at: '2026-12-02T03:04:05.000Z', responseFor: { documentId: '000.00.12.H42,2026/12/02,45/PĐP-VP' } },
    });
  });

  it('refuses hostile or broken packages with a Vietnamese reason', () => {
    const good = samplePackage();
    expect(refusal(bytes('1212' + good))).toMatch(/4 byte lạ trước <\?xml/);
    expect(refusal(bytes(good.replaceAll('http://www.mic.gov.vn/TBT/QCVN_102_2016', 'urn:khac')))).toMatch(/không gian tên “urn:khac”/);
    expect(refusal(bytes(good.replace(/<edXML:CodeNumber>.*<\/edXML:CodeNumber>/, '')))).toMatch(/thiếu Code\/CodeNumber \(số văn bản\)/);
    expect(refusal(bytes(good.replace(/<edXML:Subject>.*<\/edXML:Subject>/, '')))).toMatch(/trích yếu/);
    const xxe = good
      .replace('<edXML xmlns', '<!DOCTYPE edXML [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<edXML xmlns')
      .replace('Hà Tĩnh</edXML:Place>', '&x;</edXML:Place>');
    expect(refusal(bytes(xxe))).toMatch(/DOCTYPE\/ENTITY/);
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016">&lol2;</edXML>`;
    expect(refusal(bytes(laughs))).toMatch(/DOCTYPE\/ENTITY/);
    expect(refusal(bytes(good.slice(0, good.length / 2)))).toMatch(/không phải XML hợp lệ/);
    expect(refusal(Buffer.concat([bytes(good.slice(0, 200)), Buffer.from([0xff, 0xfe]), bytes(good.slice(200))]))).toMatch(/UTF-8/);
    expect(refusal(bytes(good.replace('encoding="UTF-8"', 'encoding="windows-1258"')))).toMatch(/windows-1258/);
    expect(refusal(bytes(good.replace('<edXML:Priority>1', '<edXML:Priority>9')))).toMatch(/Priority/);
    expect(refusal(bytes(good.replace('2026/11/20</edXML:PromulgationDate>', '2026/02/30</edXML:PromulgationDate>')))).toMatch(
      /không phải ngày có thật/,
    );
    expect(refusal(bytes('<html><body>not edxml</body></html>'))).toMatch(/<html>/);
    const deep = `<edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016">${'<a>'.repeat(5000)}${'</a>'.repeat(5000)}</edXML>`;
    expect(refusal(bytes(deep))).toMatch(/lồng quá sâu/);
    expect(refusal(bytes(good.replace('Hà Tĩnh</edXML:Place>', '&x;</edXML:Place>')))).toMatch(/không phải XML hợp lệ/);
    expect(refusal(bytes(good.replace('<edXML:Place>', '<khac:Place>').replace('</edXML:Place>', '</khac:Place>')))).toMatch(
      /tiền tố “khac:” chưa khai báo/,
    );
  });

  it('reads a package of several MB slice by slice: a letter split across slices stays whole, a bad byte far in is found', () => {
    // 600,000 “ệ” (3 bytes each) in a comment put slice boundaries inside letters, before the header.
    const padded = samplePackage().replace('<edXML xmlns', `<!-- ${'ệ'.repeat(600_000)} -->\n<edXML xmlns`);
    const m = readEdxml(bytes(padded));
    expect(m.kind === 'package' && m.header.summary).toBe(
      (readEdxml(bytes(samplePackage())) as Extract<EdxmlMessage, { kind: 'package' }>).header.summary,
    );
    const b = bytes(padded);
    b[1_500_001] = 0xff;
    expect(refusal(b)).toMatch(/UTF-8/);
  });

  it('refuses base64 with garbage in it rather than decoding what it can', () => {
    const m = readEdxml(
      bytes(samplePackage({ attachments: [{ name: 'a.pdf', contentType: 'application/pdf', base64: 'JVBERi0x!!LjQK' }] })),
    );
    if (m.kind !== 'package') throw new Error('not a package');
    expect(() => decodeAttachment(m.attachments[0]!)).toThrow(/“a.pdf” .* không phải base64 hợp lệ/);
  });

  it('reads a secret claim so the package is kept as metadata only', () => {
    const m = readEdxml(bytes(samplePackage({ otherInfoExtra: '<edXML:SecurityLevel>Mật</edXML:SecurityLevel>' })));
    expect(m.kind === 'package' && m.header.confidentiality).toBe('mat');
  });
});
