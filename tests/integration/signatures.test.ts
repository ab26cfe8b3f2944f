// Signatures on incoming PDFs (#17 part 1), checked against a CA made here: who signed, which CA,
// when, whether the bytes are intact, whether the file changed after signing, whether the
// certificate chains to a trusted root and was valid then — and poppler's pdfsig agrees.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument as IncrementalPdf, PDFHexString, StandardFonts } from '@cantoo/pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkPdfSignatures, type CheckedSignature } from '../../electron/pdf/signatures/checkSignatures.js';
import { stampArrival } from '../../electron/pdf/arrivalStamp.js';
import { markCopy } from '../../electron/pdf/copyMark.js';
import { appendAnnotation } from '../../electron/pdf/incremental.js';
import { signPdf as signWith } from '../../electron/pdf/signing/signPdf.js';
import { SAMPLE_PLAN, decree30Pdf } from '../helpers/decree30.js';
import { findRedInk, hasPoppler } from '../helpers/pdfText.js';
import { sharedTestdata } from '../helpers/sharedTestdata.js';
import { signPdf, signerUnder, testCa, type TestCa } from '../helpers/testCa.js';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as x509 from '@peculiar/x509';
import { fetchLimited, type Fetcher } from '../../electron/pdf/signatures/revocation.js';
import { signatureVerdict } from '../../shared/domain/signatureVerdict.js';
import { bundleForTest } from '../helpers/bundle.js';
import { SAMPLE, setUpOffice } from '../helpers/office.js';
import { Readable } from 'node:stream';

let ca: TestCa;
let plain: Uint8Array;
const at = new Date();

beforeAll(async () => {
  ca = await testCa(at);
  plain = await decree30Pdf(SAMPLE_PLAN);
}, 60_000);

async function check(bytes: Uint8Array, roots = [ca.root]): Promise<CheckedSignature[]> {
  const { checks } = await checkPdfSignatures(
    bytes,
    roots.map((r) => new Uint8Array(r.cert.rawData)),
  );
  return checks ?? [];
}

/** pdfsig's word on the first signature ("Signature is Valid.", "Digest Mismatch." …), or null without poppler. */
function pdfsig(bytes: Uint8Array): string | null {
  if (!hasPoppler()) return null;
  const dir = mkdtempSync(join(tmpdir(), 'vanthu-pdfsig-'));
  try {
    writeFileSync(join(dir, 'a.pdf'), bytes);
    let out: string;
    try {
      out = execFileSync('pdfsig', [join(dir, 'a.pdf')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (e) {
      out = String((e as { stdout?: string }).stdout ?? '');
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('a signature that holds', () => {
  it('names the signer and the CA in Vietnamese, the time, and says intact and trusted; pdfsig agrees', async () => {
    const signed = await signPdf(plain, ca.signer, [ca.intermediate.cert], at);
    const [s] = await check(signed);
    expect(s).toMatchObject({
      signer: { name: 'Nguyễn Văn An', organisation: 'Sở Giáo dục và Đào tạo Hà Tĩnh', unit: 'Văn phòng' },
      issuer: 'VănThư Test CA cấp 2',
      digest: 'SHA-256',
      subFilter: 'ETSI.CAdES.detached',
      intact: true,
      coversWholeFile: true,
      trusted: true,
      validAtSigning: true,
      revocation: 'unchecked',
    });
    expect(Math.abs(new Date(s!.signedAt!).getTime() - at.getTime())).toBeLessThan(2000);
    const poppler = pdfsig(signed);
    if (poppler) {
      expect(poppler).toContain('Signature is Valid.');
      expect(poppler).toContain('Total document signed');
    }
  });

  it('a revision added after signing leaves the signature intact and is told: the file changed after it', async () => {
    const signed = await signPdf(plain, ca.signer, [ca.intermediate.cert], at);
    const doc = await IncrementalPdf.load(signed, { forIncrementalUpdate: true });
    doc.getPage(0).drawText('Added later', { x: 40, y: 40, size: 10, font: await doc.embedFont(StandardFonts.Helvetica) });
    const later = await doc.save();
    expect(Buffer.from(later.subarray(0, signed.length)).equals(Buffer.from(signed))).toBe(true);
    const [s] = await check(later);
    // Text drawn into the page: what is shown is not what was signed.
    expect(s).toMatchObject({ intact: true, coversWholeFile: false, trusted: true, later: 'content' });
    const poppler = pdfsig(later);
    if (poppler) {
      expect(poppler).toContain('Signature is Valid.');
      expect(poppler).toContain('Not total document signed');
    }
  });
});

describe('what came after the signature', () => {
  it('a comment added in a later revision is an annotation, not a change of content', async () => {
    const signed = await signPdf(plain, ca.signer, [ca.intermediate.cert], at);
    const doc = await IncrementalPdf.load(signed, { forIncrementalUpdate: true });
    const page = doc.getPage(0);
    const note = doc.context.obj({ Type: 'Annot', Subtype: 'Text', Rect: [40, 40, 60, 60], Contents: PDFHexString.fromText('Đã xem') });
    appendAnnotation(page, doc.context.register(note));
    const [s] = await check(await doc.save());
    expect(s).toMatchObject({ intact: true, coversWholeFile: false, later: 'annotations' });
  });

  it('a copy marked “Bản in/tải từ VănThư” keeps the signature: an annotation appended, the signed bytes untouched', async () => {
    const signed = await signPdf(plain, ca.signer, [ca.intermediate.cert], at);
    const copy = await markCopy(signed, 'Bản in/tải từ VănThư — Nguyễn Văn An — 03/12/2026 10:15');
    expect(Buffer.from(copy.bytes.subarray(0, signed.length)).equals(Buffer.from(signed))).toBe(true);
    const [s] = await check(copy.bytes);
    expect(s).toMatchObject({ intact: true, trusted: true, later: 'annotations' });
    const poppler = pdfsig(copy.bytes);
    if (poppler) expect(poppler).toContain('Signature is Valid.');
  });

  it('dấu ĐẾN on a signed original is an appended revision: the sender’s signature still verifies (VănThư and pdfsig)', async () => {
    const signed = await signPdf(plain, ca.signer, [ca.intermediate.cert], at);
    const stamped = await stampArrival(signed, { unitName: 'Trường THPT Chuyên Hà Tĩnh', number: 42, date: '03/12/2026' });
    expect(stamped.signed).toBe(true);
    // Every signed byte where it was: the stamp is only appended.
    expect(Buffer.from(stamped.bytes.subarray(0, signed.length)).equals(Buffer.from(signed))).toBe(true);
    const [s] = await check(stamped.bytes);
    expect(s).toMatchObject({
      intact: true,
      trusted: true,
      coversWholeFile: false,
      later: 'annotations',
      signer: { name: 'Nguyễn Văn An' },
    });
    const poppler = pdfsig(stamped.bytes);
    if (poppler) {
      expect(poppler).toContain('Signature is Valid.');
      expect(poppler).toContain('Not total document signed');
    }
    // The stamp is there for a reader: poppler draws it (red ink in the top-left corner of page 1).
    if (hasPoppler()) {
      const ink = findRedInk(stamped.bytes, 36, signed);
      expect(ink.box).not.toBeNull();
      expect(ink.box!.top).toBeLessThan(60); // page 1, near the top, where the office's rule put it
    }
  });
});

describe('revocation, asked of the CA when the network allows', () => {
  it('its CRL says not revoked, or revoked before the signing; a CRL signed by another key, or none to be had, is not believed', async () => {
    let crl: Uint8Array = new Uint8Array();
    const server = createServer((req, res) => {
      if (req.url === '/ca2.crl') res.end(Buffer.from(crl));
      else res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/ca2.crl`;
    try {
      const good = await signerUnder(ca, 'CN=Hoàng Văn Còn, O=Sở Giáo dục và Đào tạo Hà Tĩnh, C=VN', { crl: url });
      const gone = await signerUnder(ca, 'CN=Đỗ Thị Thu Hồi, O=Sở Giáo dục và Đào tạo Hà Tĩnh, C=VN', { crl: url });
      const makeCrl = async (key: CryptoKey) =>
        new Uint8Array(
          (
            await x509.X509CrlGenerator.create({
              issuer: ca.intermediate.cert.subject,
              thisUpdate: new Date(),
              nextUpdate: new Date(Date.now() + 7 * 86_400_000),
              // With a reason, as CAs write them (without one, @peculiar/x509 writes an empty entry extension pkijs rightly refuses).
              entries: [
                {
                  serialNumber: gone.cert.serialNumber,
                  revocationDate: new Date(Date.now() - 86_400_000),
                  reason: x509.X509CrlReason.keyCompromise,
                },
              ],
              signingKey: key,
              signingAlgorithm: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
            })
          ).rawData,
        );
      crl = await makeCrl(ca.intermediate.keys.privateKey);
      const roots = [new Uint8Array(ca.root.cert.rawData)];
      const first = async (party: typeof good, fetcher: Fetcher | null = fetchLimited) =>
        (await checkPdfSignatures(await signPdf(plain, party, [ca.intermediate.cert], at), roots, fetcher)).checks![0]!;

      const ok = await first(good);
      expect(ok).toMatchObject({ intact: true, trusted: true, revocation: 'good' });
      expect(signatureVerdict(ok)).toMatchObject({ level: 'valid' });
      expect(signatureVerdict(ok).notes.join(' ')).toMatch(/chưa bị thu hồi/);
      const revoked = await first(gone);
      expect(revoked.revocation).toBe('revoked');
      expect(signatureVerdict(revoked)).toMatchObject({ level: 'invalid', label: 'Không hợp lệ' });
      expect(signatureVerdict(revoked).notes[0]).toMatch(/thu hồi từ ngày .*trước lúc ký/);

      // A list signed by another key says nothing.
      crl = await makeCrl(ca.strangerRoot.keys.privateKey);
      expect((await first(gone)).revocation).toBe('unchecked');
      // No network (an air-gapped PC never asks): unchecked, and said.
      const offline = await first(good, null);
      expect(offline.revocation).toBe('unchecked');
      expect(signatureVerdict(offline).notes.at(-1)).toMatch(/Chưa kiểm tra được tình trạng thu hồi/);
    } finally {
      server.close();
    }
    // The CA's server gone: told why.
    const [unreachable] = (
      await checkPdfSignatures(
        await signPdf(plain, await signerUnder(ca, 'CN=Ngô Văn Mất Mạng, C=VN', { crl: url }), [ca.intermediate.cert], at),
        [new Uint8Array(ca.root.cert.rawData)],
        fetchLimited,
      )
    ).checks!;
    expect(unreachable!.revocationNote).toMatch(/không tải được danh sách thu hồi/);
  });
});

describe('a signature that does not', () => {
  it('a byte changed inside the signed range: not intact; pdfsig says the digest does not match', async () => {
    const signed = await signPdf(plain, ca.signer, [ca.intermediate.cert], at);
    const tampered = signed.slice();
    const i = Buffer.from(tampered).indexOf('/MediaBox');
    tampered[i + 2] = tampered[i + 2] === 0x65 ? 0x45 : 0x65; // /MediaBox → /MEdiaBox
    const [s] = await check(tampered);
    expect(s!.intact).toBe(false);
    expect(s!.problem).toMatch(/thay đổi sau khi ký/);
    const poppler = pdfsig(tampered);
    if (poppler) expect(poppler).toContain('Digest Mismatch');
  });

  it('an unknown root: intact but not trusted, and says why', async () => {
    const signed = await signPdf(plain, ca.stranger, [], at);
    const [s] = await check(signed);
    expect(s).toMatchObject({ intact: true, trusted: false, signer: { name: 'Người lạ' } });
    expect(s!.trustProblem).toMatch(/không do một tổ chức gốc/);
    // With no root at all the office is told how to add one.
    const [none] = await check(signed, []);
    expect(none!.trustProblem).toMatch(/Quản trị/);
  });

  it('a certificate expired, or not yet valid, when it signed', async () => {
    for (const party of [ca.expired, ca.notYet]) {
      const [s] = await check(await signPdf(plain, party, [ca.intermediate.cert], at));
      expect(s).toMatchObject({ intact: true, validAtSigning: false, trusted: false });
    }
  });

  it('a byte range pointing outside the file, or garbage where the CMS should be: a clear word, no throw', async () => {
    const signed = Buffer.from(await signPdf(plain, ca.signer, [ca.intermediate.cert], at));
    const m = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(signed.toString('latin1'))!;
    const outside = Buffer.from(
      signed.toString('latin1').replace(m[0], m[0].replace(new RegExp(`${m[4]}\\s*\\]$`), `${'9'.repeat(m[4]!.length)}]`)),
      'latin1',
    );
    const [s] = await check(outside);
    expect(s!.intact).toBe(false);
    expect(s!.problem).toMatch(/ngoài tệp|vùng ký/i);

    const start = Number(m[2]) + 1;
    const garbage = Buffer.from(signed);
    garbage.write('ABCDEF0123', start, 'latin1');
    const [g] = await check(garbage);
    expect(g!.intact).toBe(false);
    expect(g!.problem).toMatch(/Chữ ký hỏng|không khớp|CMS/);
  });
});

describe('hostile files', () => {
  const key = () => ({
    certificate: new Uint8Array(ca.signer.cert.rawData),
    chain: [new Uint8Array(ca.intermediate.cert.rawData)],
    sign: async (data: Uint8Array) =>
      new Uint8Array(await crypto.subtle.sign('RSASSA-PKCS1-v1_5', ca.signer.keys.privateKey, new Uint8Array(data))),
  });

  it('51 signatures: the first 50 are checked, the rest counted', async () => {
    let bytes = plain;
    for (let i = 0; i < 51; i++)
      bytes = await signWith(bytes, key(), { field: `Ky-${i}`, name: 'Nguyễn Văn An', reason: 'x', at: new Date() });
    const r = await checkPdfSignatures(bytes, [new Uint8Array(ca.root.cert.rawData)]);
    expect(r.checks).toHaveLength(50);
    expect(r.more).toBe(1);
    expect(r.checks!.every((c) => c.intact && c.trusted)).toBe(true);
    expect(r.checks![0]!.later).toBe('signatures');
  }, 60_000);

  it('a certificate chain that loops (two CAs issuing each other) ends, untrusted', async () => {
    const alg = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 };
    const [ka, kb] = await Promise.all([
      crypto.subtle.generateKey(alg, true, ['sign', 'verify']),
      crypto.subtle.generateKey(alg, true, ['sign', 'verify']),
    ]);
    const caCert = (subject: string, issuer: string, pub: CryptoKey, signing: CryptoKey) =>
      x509.X509CertificateGenerator.create({
        serialNumber: '0a' + Math.floor(Math.random() * 1e6).toString(16),
        subject,
        issuer,
        notBefore: new Date(Date.now() - 86_400_000),
        notAfter: new Date(Date.now() + 86_400_000 * 30),
        signingAlgorithm: alg,
        publicKey: pub,
        signingKey: signing,
        extensions: [new x509.BasicConstraintsExtension(true, undefined, true)],
      });
    const a = await caCert('CN=Vòng A', 'CN=Vòng B', ka.publicKey, kb.privateKey);
    const b = await caCert('CN=Vòng B', 'CN=Vòng A', kb.publicKey, ka.privateKey);
    const leaf = await x509.X509CertificateGenerator.create({
      serialNumber: '0b01',
      subject: 'CN=Người trong vòng',
      issuer: 'CN=Vòng A',
      notBefore: new Date(Date.now() - 86_400_000),
      notAfter: new Date(Date.now() + 86_400_000 * 30),
      signingAlgorithm: alg,
      publicKey: ca.signer.keys.publicKey,
      signingKey: ka.privateKey,
    });
    const looped = await signPdf(plain, { cert: leaf, keys: ca.signer.keys }, [a, b], at);
    const started = Date.now();
    const [s] = await check(looped);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(s).toMatchObject({ intact: true, trusted: false, signer: { name: 'Người trong vòng' } });
  }, 30_000);

  it('a certificate with no Vietnamese name, or no common name at all: named by what it has', async () => {
    const foreign = await signerUnder(ca, 'CN=John Smith, O=Example Ltd, C=GB');
    const [f] = await check(await signPdf(plain, foreign, [ca.intermediate.cert], at));
    expect(f).toMatchObject({ intact: true, trusted: true, signer: { name: 'John Smith', organisation: 'Example Ltd' } });
    const nameless = await signerUnder(ca, 'O=Trường THPT Chuyên Hà Tĩnh, C=VN');
    const [n] = await check(await signPdf(plain, nameless, [ca.intermediate.cert], at));
    expect(n).toMatchObject({ intact: true, signer: { name: null, organisation: 'Trường THPT Chuyên Hà Tĩnh' } });
  });
});

describe('real-world signed PDFs', () => {
  const shared = sharedTestdata('pdf', 'the shared signed PDF');
  it.runIf(shared.present)('signed_verified.pdf: what pdfsig says, VănThư says', async () => {
    const bytes = new Uint8Array(readFileSync(join(shared.dir, 'signed_verified.pdf')));
    const [s] = await check(bytes, []);
    expect(s!.signer?.name).toBe('test-pdf-signer');
    const poppler = pdfsig(bytes);
    if (poppler) expect(s!.intact).toBe(poppler.includes('Signature is Valid.'));
    expect(s!.coversWholeFile).toBe(!poppler?.includes('Not total document signed'));
  });
});

describe('through the backend: the file’s signatures and the roots the office trusts', () => {
  it('checks an attached PDF in the text worker; the admin adds the root (and only a root); the check then trusts it', async () => {
    const worker = await bundleForTest(join(import.meta.dirname, '../../electron/text/textWorker.ts'), 'textWorker');
    const office = await setUpOffice({}, { textWorker: worker.file });
    try {
      const doc = await office.clerk.ok('incoming.register', { ...SAMPLE });
      const signed = await signPdf(plain, ca.signer, [ca.intermediate.cert], at);
      const a = await office.backend.attachments.add(
        { userId: null },
        { documentId: doc.id, name: 'ky-so.pdf', source: Readable.from([Buffer.from(signed)]) },
      );
      const first = await office.specialist.ok('attachments.signatures', { id: a.id });
      expect(first).toMatchObject({ read: true, more: 0, checks: [{ intact: true, trusted: false, signer: { name: 'Nguyễn Văn An' } }] });
      expect(first.checks[0]!.trustProblem).toMatch(/Quản trị/);

      const pem = (c: { toString(f: 'pem'): string }) => Buffer.from(c.toString('pem')).toString('base64');
      expect((await office.clerk.fail('trust.add', { certificate: pem(ca.root.cert) })).code).toBe('FORBIDDEN');
      expect((await office.admin.fail('trust.add', { certificate: pem(ca.signer.cert) })).message).toMatch(/chứng thư gốc/);
      expect((await office.admin.fail('trust.add', { certificate: Buffer.from('not a certificate').toString('base64') })).message).toMatch(
        /không phải chứng thư số/,
      );
      const root = await office.admin.ok('trust.add', { certificate: pem(ca.root.cert) });
      expect(root).toMatchObject({ name: 'VănThư Test Root CA', organisation: 'Tổ chức chứng thực thử nghiệm' });
      expect(root.fingerprint).toMatch(/^[0-9A-F]{64}$/);
      expect((await office.specialist.ok('trust.list')).map((r) => r.fingerprint)).toEqual([root.fingerprint]);

      const second = await office.specialist.ok('attachments.signatures', { id: a.id });
      expect(second.checks[0]).toMatchObject({ intact: true, trusted: true, validAtSigning: true });

      // dấu ĐẾN through the backend: the stamped copy still carries a valid signature, and the history says both checks.
      const stamped = await office.clerk.ok('incoming.stamp', { documentId: doc.id, attachmentId: a.id });
      expect(stamped).toMatchObject({ role: 'stamped', signed: true });
      const onCopy = await office.specialist.ok('attachments.signatures', { id: stamped.id });
      expect(onCopy.checks[0]).toMatchObject({ intact: true, trusted: true, later: 'annotations', signer: { name: 'Nguyễn Văn An' } });
      const said = (await office.specialist.ok('incoming.history', { id: doc.id })).map((h) => h.summary);
      expect(said).toContain('Đính kèm tệp “ky-so.pdf” — chữ ký số: Nguyễn Văn An (Chưa tin cậy)');
      expect(said.find((h) => h.startsWith('Đóng dấu ĐẾN'))).toMatch(/— chữ ký số: Nguyễn Văn An \(Hợp lệ\)$/);
      await office.admin.ok('trust.remove', { fingerprint: root.fingerprint });
      expect(await office.specialist.ok('trust.list')).toEqual([]);
      // Whom the office trusted, and when it stopped, is on the audit record.
      const audited = office.t.store.sqlite.prepare("SELECT action FROM audit_log WHERE table_name = 'trust_roots' ORDER BY seq").all();
      expect(audited).toEqual([{ action: 'trust.add' }, { action: 'trust.remove' }]);
      // Not a PDF at all is "not read", not an error.
      const junk = await office.backend.attachments.add(
        { userId: null },
        { documentId: doc.id, name: 'hong.pdf', source: Readable.from([Buffer.from('%PDF-1.7 garbage')]) },
      );
      expect(await office.specialist.ok('attachments.signatures', { id: junk.id })).toMatchObject({ checks: [] });
    } finally {
      office.cleanup();
    }
  }, 60_000);
});
