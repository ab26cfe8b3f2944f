// Signing outgoing PDFs (#17 part 3) with a real PKCS#11 token (SoftHSM2): PAdES B-B, each
// signature an appended revision so the leader's holds when the office signs after him; VănThư's
// check and poppler's pdfsig agree; a wrong PIN, a wrong module, a second signature in the same
// field each say what to do, and nothing half-signed comes out.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { sharedTestdata } from '../helpers/sharedTestdata.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPdfSignatures } from '../../electron/pdf/signatures/checkSignatures.js';
import { openToken } from '../../electron/pdf/signing/pkcs11Signer.js';
import { signPdf, signPdfWithOutcome } from '../../electron/pdf/signing/signPdf.js';
import { startTsa } from '../helpers/testTsa.js';
import { p12Of } from '../helpers/p12.js';
import { SAMPLE_PLAN, decree30Pdf } from '../helpers/decree30.js';
import { hasPoppler } from '../helpers/pdfText.js';
import { softHsmHome, softHsmMissing, tokenWith, type TestToken } from '../helpers/softhsm.js';
import { signPdf as signWithTestCa, signerUnder, testCa, type TestCa } from '../helpers/testCa.js';
import * as x509 from '@peculiar/x509';
import { checkStampImage, imageAppearance } from '../../electron/pdf/signing/appearance.js';
import type { SignatureAppearance } from '../../electron/pdf/signing/signPdf.js';
import { Readable } from 'node:stream';
import { SAMPLE, setUpOffice, type Office } from '../helpers/office.js';
import { findUserByUsername } from '../../db/admin/users.js';
import { inkPng as png } from '../helpers/inkImages.js';

const missing = softHsmMissing();
if (missing) console.log(`signing tests skipped: ${missing}`);

let ca: TestCa;
let plain: Uint8Array;
let home: ReturnType<typeof softHsmHome>;
let leader: TestToken;
let office: TestToken;

beforeAll(async () => {
  if (missing) return;
  home = softHsmHome();
  ca = await testCa();
  plain = await decree30Pdf(SAMPLE_PLAN);
  leader = await tokenWith(home.dir, 'lanh-dao', ca.signer, [ca.intermediate.cert]);
  // The office's own certificate (ký số của cơ quan): the organisation is the subject.
  const seal = await x509.X509CertificateGenerator.create({
    serialNumber: '0badc0de',
    subject: 'C=VN, O=Sở Giáo dục và Đào tạo Hà Tĩnh, CN=Sở Giáo dục và Đào tạo Hà Tĩnh',
    issuer: ca.intermediate.cert.subject,
    notBefore: new Date(Date.now() - 86_400_000),
    notAfter: new Date(Date.now() + 365 * 86_400_000),
    signingAlgorithm: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
    publicKey: ca.signer.keys.publicKey,
    signingKey: ca.intermediate.keys.privateKey,
    extensions: [new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation, true)],
  });
  office = await tokenWith(home.dir, 'co-quan', { cert: seal, keys: ca.signer.keys }, [ca.intermediate.cert]);
}, 120_000);
afterAll(() => home?.cleanup());

const roots = () => [new Uint8Array(ca.root.cert.rawData)];

/** An issued kế hoạch signed by the test office's leader (Người lanhdao), and its PDF attached. */
async function issuedWithFile(o: Office, pdf: Uint8Array, extra: Record<string, unknown> = {}, name = 'ke-hoach.pdf') {
  const issued = await o.clerk.ok('outgoing.issue', {
    type: 'KH',
    summary: 'Tổ chức kỳ thi chọn học sinh giỏi cấp tỉnh lớp 12',
    issuedDate: '2026-12-03',
    signerName: 'Người lanhdao',
    recipients: 'Các trường THPT;\nLưu: VT.',
    copies: 3,
    ...extra,
  });
  const file = await o.backend.attachments.add(
    { userId: null },
    { documentId: issued.id, name, source: Readable.from([Buffer.from(pdf)]) },
  );
  return { issued, file };
}

/** The CA and the plain PDF where the SoftHSM suite (which makes them) was skipped. */
async function ready(): Promise<void> {
  if (ca) return;
  ca = await testCa();
  plain = await decree30Pdf(SAMPLE_PLAN);
}

function pdfsig(bytes: Uint8Array): string | null {
  if (!hasPoppler()) return null;
  const dir = mkdtempSync(join(tmpdir(), 'vanthu-pdfsig-'));
  try {
    writeFileSync(join(dir, 'a.pdf'), bytes);
    try {
      return execFileSync('pdfsig', [join(dir, 'a.pdf')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (e) {
      return String((e as { stdout?: string }).stdout ?? '');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function sign(
  bytes: Uint8Array,
  token: TestToken,
  field: string,
  pin = token.pin,
  appearance?: SignatureAppearance,
): Promise<Uint8Array> {
  const signer = openToken({ module: token.module, label: token.label, pin });
  try {
    return await signPdf(bytes, signer, {
      field,
      name: token.label,
      reason: 'Ban hành văn bản',
      location: 'Hà Tĩnh',
      at: new Date(),
      appearance,
    });
  } finally {
    signer.close();
  }
}

describe.skipIf(!!missing)('signing with a PKCS#11 token (SoftHSM2)', () => {
  it('the leader signs, then the office: both signatures valid, the first told that only a signature came after it; pdfsig agrees', async () => {
    const started = performance.now();
    const byLeader = await sign(plain, leader, 'VanThu-LanhDao');
    const leaderMs = performance.now() - started;
    const first = await checkPdfSignatures(byLeader, roots());
    expect(first.checks).toHaveLength(1);
    expect(first.checks![0]).toMatchObject({
      intact: true,
      trusted: true,
      coversWholeFile: true,
      subFilter: 'ETSI.CAdES.detached',
      signer: { name: 'Nguyễn Văn An', organisation: 'Sở Giáo dục và Đào tạo Hà Tĩnh' },
    });

    const byBoth = await sign(byLeader, office, 'VanThu-CoQuan');
    // The leader's bytes are all there: his signature holds.
    expect(Buffer.from(byBoth.subarray(0, byLeader.length)).equals(Buffer.from(byLeader))).toBe(true);
    const both = await checkPdfSignatures(byBoth, roots());
    expect(both.checks!.map((c) => [c.field, c.intact, c.trusted, c.later])).toEqual([
      ['VanThu-LanhDao', true, true, 'signatures'],
      ['VanThu-CoQuan', true, true, 'none'],
    ]);
    expect(both.checks![1]!.signer?.name).toBe('Sở Giáo dục và Đào tạo Hà Tĩnh');
    const poppler = pdfsig(byBoth);
    if (poppler) {
      expect(poppler.match(/Signature is Valid\./g)).toHaveLength(2);
      expect(poppler).toContain('Total document signed');
    }
    console.log(`signing with SoftHSM2: ${leaderMs.toFixed(0)} ms (open token, sign, check read-back)`);
  });

  it('a wrong PIN is told and signs nothing; a module that is not there is told where to set it', async () => {
    await expect(sign(plain, leader, 'VanThu-LanhDao', '9999')).rejects.toMatchObject({
      code: 'SIGN_FAILED',
      message: expect.stringMatching(/Mã PIN không đúng/) as unknown,
    });
    // The token still works after a wrong PIN (the count is the token's; it was told).
    expect((await checkPdfSignatures(await sign(plain, leader, 'VanThu-LanhDao'), roots())).checks).toHaveLength(1);
    expect(() => openToken({ module: '/khong/co/thu-vien.so', pin: '1234' })).toThrow(/Quản trị → Ký số/);
    expect(() => openToken({ module: leader.module, pin: '1234', label: 'khong-co' })).toThrow(/Không thấy thiết bị ký số có tên/);
  });

  const shared = sharedTestdata('pdf', 'the shared encrypted PDF');
  it.runIf(shared.present)('a PDF with a password is refused in the words of signing, not of stamping', async () => {
    const locked = new Uint8Array(readFileSync(join(shared.dir, 'pr6531_2.pdf')));
    await expect(sign(locked, leader, 'VanThu-LanhDao')).rejects.toMatchObject({
      code: 'PDF_ENCRYPTED',
      message: expect.stringMatching(/không ký số được/) as unknown,
    });
  });

  it('the same field twice is refused; the document stays as it was', async () => {
    const once = await sign(plain, leader, 'VanThu-LanhDao');
    await expect(sign(once, leader, 'VanThu-LanhDao')).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});

/** Pixels of page 1 at 72 dpi (1 px = 1 pt) inside a box in display points from the top-left, counted by colour. */
function inkIn(bytes: Uint8Array, box: { x: number; y: number; width: number; height: number }, colour: 'blue' | 'red' | 'dark'): number {
  const dir = mkdtempSync(join(tmpdir(), 'vanthu-ink-'));
  try {
    writeFileSync(join(dir, 'a.pdf'), bytes);
    const ppm = execFileSync('pdftoppm', ['-f', '1', '-l', '1', '-r', '72', join(dir, 'a.pdf')], { maxBuffer: 64 << 20 });
    const m = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 32).toString('latin1'))!;
    const [w, h, off] = [Number(m[1]), Number(m[2]), m[0].length];
    let n = 0;
    for (let y = Math.max(0, Math.round(box.y)); y < Math.min(h, Math.round(box.y + box.height)); y++)
      for (let x = Math.max(0, Math.round(box.x)); x < Math.min(w, Math.round(box.x + box.width)); x++) {
        const [r, g, b] = [ppm[off + (y * w + x) * 3]!, ppm[off + (y * w + x) * 3 + 1]!, ppm[off + (y * w + x) * 3 + 2]!];
        if (colour === 'dark' ? r + g + b < 200 : colour === 'blue' ? b > 120 && r < 90 && g < 120 : r > 150 && g < 80 && b < 80) n++;
      }
    return n;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('what the signatures show (Appendix I §II.7–8)', () => {
  it('a signature or seal image must be a PNG with a transparent background', () => {
    expect(checkStampImage(png('signature'), 'chữ ký')).toEqual({ width: 300, height: 120 });
    expect(() => checkStampImage(png('seal', 'white'), 'con dấu')).toThrow(/nền trong suốt/);
    expect(() => checkStampImage(new TextEncoder().encode('GIF89a not a png at all, long enough'), 'con dấu')).toThrow(/PNG/);
  });

  it.skipIf(!!missing || !hasPoppler())(
    'the leader’s blue signature, then the red seal over its left third: both drawn, both valid',
    async () => {
      const leaderBox = { x: 330, y: 600, width: 150, height: 60 };
      const sealBox = { x: leaderBox.x - 60, y: leaderBox.y - 30, width: 110, height: 110 };
      const byLeader = await sign(plain, leader, 'VanThu-LanhDao', leader.pin, imageAppearance(png('signature'), 0, leaderBox));
      const byBoth = await sign(byLeader, office, 'VanThu-CoQuan', office.pin, imageAppearance(png('seal'), 0, sealBox));
      expect(inkIn(plain, leaderBox, 'blue')).toBe(0);
      expect(inkIn(byLeader, leaderBox, 'blue')).toBeGreaterThan(100);
      expect(inkIn(byBoth, sealBox, 'red')).toBeGreaterThan(200);
      // The seal covers the left of the signature, not the right: blue still shows right of the seal.
      const right = {
        ...leaderBox,
        x: sealBox.x + sealBox.width + 2,
        width: leaderBox.x + leaderBox.width - (sealBox.x + sealBox.width + 2),
      };
      expect(inkIn(byBoth, right, 'blue')).toBeGreaterThan(30);
      const checks = (await checkPdfSignatures(byBoth, roots())).checks!;
      expect(checks.map((c) => [c.intact, c.trusted])).toEqual([
        [true, true],
        [true, true],
      ]);
      const poppler = pdfsig(byBoth);
      if (poppler) expect(poppler.match(/Signature is Valid\./g)).toHaveLength(2);
    },
  );
});

describe.skipIf(!!missing || !hasPoppler())('through the backend: the leader signs the issued PDF, then the văn thư for the office', () => {
  it('images from Quản trị, where the decree puts them; both valid; refusals in words; the history says who used which image', async () => {
    const office2 = await setUpOffice();
    // Two tokens, one plugged in at a time: the leader's on his PC, then the office's at the văn thư's.
    const leaderHome = softHsmHome();
    const leaderToken = await tokenWith(leaderHome.dir, 'lanh-dao', ca.signer, [ca.intermediate.cert], '2468');
    const officeHome = softHsmHome();
    await tokenWith(officeHome.dir, 'co-quan', ca.signer, [ca.intermediate.cert], '1357');
    try {
      const o = office2;
      await o.admin.ok('signing.setModule', { pkcs11Module: leaderToken.module });
      const pdf = await decree30Pdf({ ...SAMPLE_PLAN, signer: { ...SAMPLE_PLAN.signer, name: 'Người lanhdao' } });
      const { issued, file } = await issuedWithFile(o, pdf, { signerPosition: 'Phó Giám đốc', signerPrefix: 'KT.' });
      const asLeader = { documentId: issued.id, attachmentId: file.id, as: 'leader' as const, pin: '2468' };

      // No image yet: told where to put it. Only the owner sets his image; the seal is the admin's; a white ground is refused.
      expect((await o.leader.fail('outgoing.signFile', asLeader)).message).toMatch(/Chưa có ảnh chữ ký/);
      const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');
      expect((await o.leader.fail('signing.setImage', { kind: 'signature', png: b64(png('signature', 'white')) })).message).toMatch(
        /nền trong suốt/,
      );
      await o.leader.ok('signing.setImage', { kind: 'signature', png: b64(png('signature')) });
      expect((await o.clerk.fail('signing.setImage', { kind: 'seal', png: b64(png('seal')), diameterMm: 36 })).code).toBe('FORBIDDEN');
      await o.admin.ok('signing.setImage', { kind: 'seal', png: b64(png('seal')), diameterMm: 36 });
      const leaderId = findUserByUsername(o.t.store, 'lanhdao')!.id;
      expect((await o.clerk.fail('signing.image', { kind: 'signature', userId: leaderId })).code).toBe('FORBIDDEN');
      expect((await o.clerk.fail('signing.setImage', { kind: 'signature', userId: leaderId, png: b64(png('signature')) })).code).toBe(
        'FORBIDDEN',
      );
      expect((await o.clerk.ok('signing.image', { kind: 'seal' })).png).toBeTruthy();
      expect(await o.leader.ok('signing.settings')).toMatchObject({
        pkcs11Module: leaderToken.module,
        seal: { diameterMm: 36 },
        mySignature: true,
      });

      // Only the document's signer signs as the authority; the văn thư cannot.
      expect((await o.clerk.fail('outgoing.signFile', asLeader)).code).toBe('FORBIDDEN');
      process.env.SOFTHSM2_CONF = join(leaderHome.dir, 'softhsm2.conf');
      expect((await o.leader.fail('outgoing.signFile', { ...asLeader, pin: '0000' })).message).toMatch(/Mã PIN không đúng/);
      const byLeader = await o.leader.ok('outgoing.signFile', asLeader);
      expect(byLeader).toMatchObject({ role: 'signed', parentId: file.id, signed: true, name: 'ke-hoach (ký số lãnh đạo).pdf' });
      expect((await o.leader.fail('outgoing.signFile', asLeader)).code).toBe('CONFLICT'); // the original already has a signed copy

      process.env.SOFTHSM2_CONF = join(officeHome.dir, 'softhsm2.conf');
      const byOffice = await o.clerk.ok('outgoing.signFile', {
        documentId: issued.id,
        attachmentId: byLeader.id,
        as: 'office',
        pin: '1357',
      });
      expect(byOffice).toMatchObject({ role: 'signed', parentId: byLeader.id, name: 'ke-hoach (ký số cơ quan).pdf' });
      const signed = (await o.backend.attachments.content(byOffice.id)).bytes;
      const checks = (await checkPdfSignatures(signed, roots())).checks!;
      expect(checks.map((c) => [c.field, c.intact, c.trusted])).toEqual([
        ['VanThu-LanhDao', true, true],
        ['VanThu-CoQuan', true, true],
      ]);
      expect(pdfsig(signed)!.match(/Signature is Valid\./g)).toHaveLength(2);

      // The blue signature between "PHÓ GIÁM ĐỐC" and the name; the red seal over its left third.
      const { readPageText } = await import('../../electron/pdf/pageText.js');
      const lines = (await readPageText(signed, 'last')).lines;
      const title = lines.find((l) => l.text === 'PHÓ GIÁM ĐỐC')!;
      const name = lines.find((l) => l.text === 'Người lanhdao')!;
      const between = { x: name.x - 40, y: title.y + title.height, width: name.width + 80, height: name.y - title.y - title.height };
      expect(inkIn(signed, between, 'blue')).toBeGreaterThan(80);
      expect(inkIn(signed, { ...between, x: between.x - 80, width: between.width / 2 + 40 }, 'red')).toBeGreaterThan(150);

      if (process.env.VANTHU_KEEP_SIGNED) writeFileSync(process.env.VANTHU_KEEP_SIGNED, signed);
      // Using the images is on the record: who signed, in which capacity, with which image.
      const said = (await o.clerk.ok('incoming.history', { id: issued.id })).map((h) => `${h.userName}: ${h.summary}`);
      expect(said).toContain('Người lanhdao: Ký số (ký số của người có thẩm quyền) — tệp “ke-hoach (ký số lãnh đạo).pdf”, dùng ảnh chữ ký');
      expect(said).toContain('Người vanthu: Ký số (ký số của cơ quan) — tệp “ke-hoach (ký số cơ quan).pdf”, dùng ảnh con dấu');
      // A signed copy is the record of what was issued: it is not taken off.
      expect((await o.clerk.fail('attachments.remove', { id: byOffice.id })).message).toMatch(/đã ký số/);
    } finally {
      leaderHome.cleanup();
      officeHome.cleanup();
      office2.cleanup();
    }
  }, 120_000);
});

describe.skipIf(!hasPoppler())('a .p12/.pfx file instead of a token', () => {
  it('the văn thư signs an attachment in a separate file: the số, ký hiệu and time at the top right; a wrong password or an old cipher is told', async () => {
    await ready();
    const organisation = await signerUnder(ca, 'CN=Sở Giáo dục và Đào tạo Hà Tĩnh, O=Sở Giáo dục và Đào tạo Hà Tĩnh, C=VN');
    const p12 = await p12Of(organisation, [ca.intermediate.cert], 'mật khẩu 2026');
    if (!p12) return console.log('p12 test skipped: openssl is not installed');
    const o = await setUpOffice();
    try {
      const { issued, file: annex } = await issuedWithFile(o, plain, { summary: 'Phụ lục kế hoạch thi học sinh giỏi' }, 'phu-luc.pdf');
      const input = { documentId: issued.id, attachmentId: annex.id, as: 'office' as const, p12: Buffer.from(p12).toString('base64') };
      expect((await o.clerk.fail('outgoing.signFile', { ...input, pin: 'sai' })).message).toMatch(/Mật khẩu của tệp chứng thư không đúng/);
      const legacy = await p12Of(organisation, [ca.intermediate.cert], 'cu', true);
      if (legacy)
        expect(
          (await o.clerk.fail('outgoing.signFile', { ...input, p12: Buffer.from(legacy).toString('base64'), pin: 'cu' })).message,
        ).toMatch(/mã hóa cũ/);
      expect(
        (await o.clerk.fail('outgoing.signFile', { ...input, p12: Buffer.from('not a p12').toString('base64'), pin: 'x' })).message,
      ).toMatch(/không phải tệp chứng thư/);
      const signed = await o.clerk.ok('outgoing.signFile', { ...input, pin: 'mật khẩu 2026' });
      const bytes = (await o.backend.attachments.content(signed.id)).bytes;
      const [check] = (await checkPdfSignatures(bytes, roots())).checks!;
      expect(check).toMatchObject({
        field: 'VanThu-CoQuan',
        intact: true,
        trusted: true,
        signer: { name: 'Sở Giáo dục và Đào tạo Hà Tĩnh' },
      });
      // The mark is black text in the top right corner of page 1 (§II.8.b), where the page had none.
      const corner = { x: 595 - 230, y: 24, width: 205, height: 16 };
      expect(inkIn(plain, corner, 'dark')).toBe(0);
      expect(inkIn(bytes, corner, 'dark')).toBeGreaterThan(40);
      // No image on an attachment: the history says the signature, and no image used.
      const said = (await o.clerk.ok('incoming.history', { id: issued.id })).map((h) => h.summary);
      expect(said).toContain(`Ký số (ký số của cơ quan) — tệp “${signed.name}”`);
    } finally {
      o.cleanup();
    }
  }, 60_000);
});

describe('PAdES B-T: a timestamp from the office’s time-stamp authority', () => {
  it('granted: the token is in the signature and its time read back; refused, over another hash or unreachable: B-B, and why', async () => {
    await ready();
    const tsa = await startTsa(await signerUnder(ca, 'CN=Dịch vụ cấp dấu thời gian thử nghiệm, O=Tổ chức chứng thực thử nghiệm, C=VN'));
    const key = {
      certificate: new Uint8Array(ca.signer.cert.rawData),
      chain: [new Uint8Array(ca.intermediate.cert.rawData)],
      sign: async (d: Uint8Array) =>
        new Uint8Array(await crypto.subtle.sign('RSASSA-PKCS1-v1_5', ca.signer.keys.privateKey, new Uint8Array(d))),
    };
    const sign = (tsaUrl: string) =>
      signPdfWithOutcome(plain, key, { field: 'VanThu-LanhDao', name: 'Nguyễn Văn An', reason: 'Ban hành', at: new Date(), tsaUrl });
    try {
      const granted = await sign(tsa.url);
      expect(granted.timestampProblem).toBeNull();
      const [c] = (await checkPdfSignatures(granted.bytes, roots())).checks!;
      expect(c).toMatchObject({ intact: true, trusted: true });
      expect(Math.abs(new Date(c!.timestampAt!).getTime() - Date.now())).toBeLessThan(60_000);
      const poppler = pdfsig(granted.bytes);
      if (poppler) expect(poppler).toContain('Signature is Valid.');

      tsa.mode = 'refuse';
      const refused = await sign(tsa.url);
      expect(refused.timestampProblem).toMatch(/từ chối/);
      expect((await checkPdfSignatures(refused.bytes, roots())).checks![0]).toMatchObject({ intact: true, timestampAt: null });
      tsa.mode = 'wrong-hash';
      expect((await sign(tsa.url)).timestampProblem).toMatch(/không khớp/);
    } finally {
      await tsa.close();
    }
    expect((await sign(tsa.url)).timestampProblem).toMatch(/không kết nối/);
  }, 60_000);
});

describe.skipIf(!hasPoppler())('ký số dấu đến: the receiving office signs its stamped copy', () => {
  it('the văn thư signs the dấu ĐẾN copy of a signed incoming PDF: the sender’s signature and the office’s both valid; only a stamped copy, only the văn thư', async () => {
    await ready();
    const organisation = await signerUnder(ca, 'CN=Trường THPT Chuyên Hà Tĩnh, O=Trường THPT Chuyên Hà Tĩnh, C=VN');
    const p12 = await p12Of(organisation, [ca.intermediate.cert], '2026');
    if (!p12) return console.log('dấu đến signing test skipped: openssl is not installed');
    const o = await setUpOffice();
    try {
      const doc = await o.clerk.ok('incoming.register', { ...SAMPLE });
      const fromSender = await signWithTestCa(plain, ca.signer, [ca.intermediate.cert]);
      const original = await o.backend.attachments.add(
        { userId: null },
        { documentId: doc.id, name: 'cong-van.pdf', source: Readable.from([Buffer.from(fromSender)]) },
      );
      const key = { documentId: doc.id, pin: '2026', p12: Buffer.from(p12).toString('base64') };
      expect((await o.clerk.fail('incoming.signStamp', { ...key, attachmentId: original.id })).message).toMatch(/đóng dấu trước/);
      const stamped = await o.clerk.ok('incoming.stamp', { documentId: doc.id, attachmentId: original.id });
      expect((await o.specialist.fail('incoming.signStamp', { ...key, attachmentId: stamped.id })).code).toBe('FORBIDDEN');
      const signed = await o.clerk.ok('incoming.signStamp', { ...key, attachmentId: stamped.id });
      expect(signed).toMatchObject({
        role: 'signed',
        parentId: stamped.id,
        name: expect.stringContaining('(ký số dấu đến).pdf') as unknown,
      });
      const bytes = (await o.backend.attachments.content(signed.id)).bytes;
      const checks = (await checkPdfSignatures(bytes, roots())).checks!;
      expect(checks.map((c) => [c.signer?.name, c.intact, c.trusted, c.later])).toEqual([
        ['Nguyễn Văn An', true, true, 'annotations'],
        ['Trường THPT Chuyên Hà Tĩnh', true, true, 'none'],
      ]);
      expect(pdfsig(bytes)!.match(/Signature is Valid\./g)).toHaveLength(2);
      const said = (await o.clerk.ok('incoming.history', { id: doc.id })).map((h) => h.summary);
      expect(said).toContain(`Ký số (ký số dấu đến của cơ quan) — tệp “${signed.name}”`);
    } finally {
      o.cleanup();
    }
  }, 60_000);
});

describe.skipIf(!hasPoppler())('the số and the date the leader signed blank', () => {
  it('are written in before the office signs: as annotations after his signature, which still holds', async () => {
    await ready();
    const leaderKey = await p12Of(ca.signer, [ca.intermediate.cert], '1');
    const officeKey = await p12Of(await signerUnder(ca, 'CN=Sở Giáo dục và Đào tạo Hà Tĩnh, C=VN'), [ca.intermediate.cert], '2');
    if (!leaderKey || !officeKey) return console.log('blank-filling test skipped: openssl is not installed');
    const o = await setUpOffice();
    try {
      await o.leader.ok('signing.setImage', { kind: 'signature', png: Buffer.from(png('signature')).toString('base64') });
      await o.admin.ok('signing.setImage', { kind: 'seal', png: Buffer.from(png('seal')).toString('base64'), diameterMm: 36 });
      const blank = await decree30Pdf({
        ...SAMPLE_PLAN,
        code: '          /KH-SGDĐT',
        dateLine: 'Hà Tĩnh, ngày        tháng        năm 2026',
        signer: { ...SAMPLE_PLAN.signer, name: 'Người lanhdao' },
      });
      const { issued, file } = await issuedWithFile(o, blank, { issuedDate: '2026-02-05' });
      const withKey = (attachmentId: string, as: 'leader' | 'office', p12: Uint8Array, pin: string) => ({
        documentId: issued.id,
        attachmentId,
        as,
        pin,
        p12: Buffer.from(p12).toString('base64'),
      });
      const byLeader = await o.leader.ok('outgoing.signFile', withKey(file.id, 'leader', leaderKey, '1'));
      const byOffice = await o.clerk.ok('outgoing.signFile', withKey(byLeader.id, 'office', officeKey, '2'));
      const bytes = (await o.backend.attachments.content(byOffice.id)).bytes;
      const checks = (await checkPdfSignatures(bytes, roots())).checks!;
      expect(checks.map((c) => [c.field, c.intact, c.later])).toEqual([
        ['VanThu-LanhDao', true, 'annotations'],
        ['VanThu-CoQuan', true, 'none'],
      ]);
      // Ink where the blanks were: the number before the slash, the day and the month in their gaps.
      const { readPageText } = await import('../../electron/pdf/pageText.js');
      if (process.env.VANTHU_KEEP_SIGNED) writeFileSync(process.env.VANTHU_KEEP_SIGNED, bytes);
      const items = (await readPageText(blank, 0)).items;
      const at = (t: string) => items.find((i) => i.text === t)!;
      const [so, slash, ngay, nam] = [at('Số:'), at('/KH-SGDĐT'), at('Hà Tĩnh, ngày'), at('năm 2026')];
      const numberGap = { x: so.x + so.width + 1, y: so.y, width: slash.x - so.x - so.width - 2, height: so.height };
      const dateGaps = { x: ngay.x + ngay.width + 1, y: ngay.y, width: nam.x - ngay.x - ngay.width - 2, height: ngay.height };
      expect(inkIn(blank, numberGap, 'dark')).toBe(0);
      expect(inkIn(bytes, numberGap, 'dark')).toBeGreaterThan(6);
      expect(inkIn(bytes, dateGaps, 'dark')).toBeGreaterThan(inkIn(blank, dateGaps, 'dark') + 30);
    } finally {
      o.cleanup();
    }
  }, 60_000);
});
