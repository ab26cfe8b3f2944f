// Signing outgoing PDFs (#17 part 3) with a real PKCS#11 token (SoftHSM2): PAdES B-B, each
// signature an appended revision so the leader's holds when the office signs after him; VănThư's
// check and poppler's pdfsig agree; a wrong PIN, a wrong module, a second signature in the same
// field each say what to do, and nothing half-signed comes out.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPdfSignatures } from '../../electron/pdf/signatures/checkSignatures.js';
import { openToken } from '../../electron/pdf/signing/pkcs11Signer.js';
import { signPdf } from '../../electron/pdf/signing/signPdf.js';
import { SAMPLE_PLAN, decree30Pdf } from '../helpers/decree30.js';
import { hasPoppler } from '../helpers/pdfText.js';
import { softHsmHome, softHsmMissing, tokenWith, type TestToken } from '../helpers/softhsm.js';
import { testCa, type TestCa } from '../helpers/testCa.js';
import * as x509 from '@peculiar/x509';
import { createCanvas } from '@napi-rs/canvas';
import { checkStampImage, imageAppearance } from '../../electron/pdf/signing/appearance.js';
import type { SignatureAppearance } from '../../electron/pdf/signing/signPdf.js';

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

  it('the same field twice is refused; the document stays as it was', async () => {
    const once = await sign(plain, leader, 'VanThu-LanhDao');
    await expect(sign(once, leader, 'VanThu-LanhDao')).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});

/** A PNG drawn like a scanned signature (blue strokes) or seal (red rings), on a transparent or white ground. */
function png(kind: 'signature' | 'seal', ground: 'transparent' | 'white' = 'transparent'): Uint8Array {
  const c = createCanvas(300, kind === 'seal' ? 300 : 120);
  const g = c.getContext('2d');
  if (ground === 'white') {
    g.fillStyle = '#fff';
    g.fillRect(0, 0, c.width, c.height);
  }
  g.lineWidth = 8;
  g.strokeStyle = kind === 'seal' ? '#d00000' : '#0033cc';
  g.beginPath();
  if (kind === 'seal') {
    g.arc(150, 150, 130, 0, Math.PI * 2);
    g.moveTo(240, 150);
    g.arc(150, 150, 90, 0, Math.PI * 2);
  } else {
    g.moveTo(20, 90);
    g.bezierCurveTo(80, 0, 140, 120, 280, 30);
  }
  g.stroke();
  return new Uint8Array(c.toBuffer('image/png'));
}

/** Pixels of page 1 at 72 dpi (1 px = 1 pt) inside a box in PDF points, counted by colour. */
function inkIn(bytes: Uint8Array, box: { x: number; y: number; width: number; height: number }, colour: 'blue' | 'red'): number {
  const dir = mkdtempSync(join(tmpdir(), 'vanthu-ink-'));
  try {
    writeFileSync(join(dir, 'a.pdf'), bytes);
    const ppm = execFileSync('pdftoppm', ['-f', '1', '-l', '1', '-r', '72', join(dir, 'a.pdf')], { maxBuffer: 64 << 20 });
    const m = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 32).toString('latin1'))!;
    const [w, h, off] = [Number(m[1]), Number(m[2]), m[0].length];
    let n = 0;
    for (let y = Math.max(0, Math.round(h - box.y - box.height)); y < Math.min(h, Math.round(h - box.y)); y++)
      for (let x = Math.max(0, Math.round(box.x)); x < Math.min(w, Math.round(box.x + box.width)); x++) {
        const [r, g, b] = [ppm[off + (y * w + x) * 3]!, ppm[off + (y * w + x) * 3 + 1]!, ppm[off + (y * w + x) * 3 + 2]!];
        if (colour === 'blue' ? b > 120 && r < 90 && g < 120 : r > 150 && g < 80 && b < 80) n++;
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
      const leaderBox = { x: 330, y: 180, width: 150, height: 60 };
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
