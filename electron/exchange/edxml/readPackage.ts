// An edXML message read into the header the registration form is filled from, or into a status
// message (QCVN 102:2016). Every required field is named when missing; nothing is guessed.
import type { ExchangeHeader, ExchangeOrgan, ExchangeStatus } from '../../../shared/api/exchange.js';
import { EXCHANGE_NAMESPACE, STATUS_CODES, businessOf, urgencyOfPriority, type StatusCode } from '../../../shared/domain/exchange.js';
import type { Confidentiality } from '../../../shared/domain/enums.js';
import { cleanLine, cleanText } from '../../../shared/text/cleanText.js';
import { isRealDate } from '../../../shared/text/dates.js';
import { child, childrenNamed, readTree, unreadable, type XNode } from './xmlTree.js';

const NS = EXCHANGE_NAMESPACE;

export interface EncodedAttachment {
  contentId: string | null;
  name: string;
  description: string | null;
  contentType: string | null;
  /** As it came (whitespace and all); decoded by decodeAttachment. */
  base64: string;
}

export type EdxmlMessage =
  { kind: 'package'; header: ExchangeHeader; attachments: EncodedAttachment[] } | { kind: 'status'; status: ExchangeStatus };

export function readEdxml(bytes: Uint8Array): EdxmlMessage {
  const root = readTree(bytes);
  if (root.name !== 'edXML' && root.name !== 'edXMLEnvelope')
    throw unreadable(`Phần tử gốc là <${root.name}>, không phải <edXML> của QCVN 102:2016.`);
  if (root.ns !== NS)
    throw unreadable(
      `Gói tin dùng không gian tên “${root.ns ?? '(không có)'}”, không phải ${NS} của QCVN 102:2016 — có thể là định dạng khác hoặc phiên bản khác.`,
    );
  const envelope = root.name === 'edXMLEnvelope' ? root : child(root, NS, 'edXMLEnvelope');
  const header = child(envelope, NS, 'edXMLHeader');
  if (!header) throw missing('edXMLEnvelope/edXMLHeader');
  const status = child(header, NS, 'Status');
  if (status) return { kind: 'status', status: readStatus(status) };
  const message = child(header, NS, 'MessageHeader');
  if (!message) throw missing('edXMLHeader/MessageHeader');
  return {
    kind: 'package',
    header: readHeader(message, header),
    attachments: readAttachments(root, child(envelope, NS, 'edXMLBody')),
  };
}

function missing(path: string, what?: string): Error {
  return unreadable(`Gói tin thiếu ${path}${what ? ` (${what})` : ''} — trường bắt buộc của QCVN 102:2016.`);
}

function text(node: XNode | undefined, max = 2000): string | null {
  if (!node) return null;
  const value = cleanText(node.text).trim();
  return value ? value.slice(0, max) : null;
}

function line(node: XNode | undefined, max = 500): string | null {
  const value = text(node, max);
  return value === null ? null : cleanLine(value);
}

function required(parent: XNode | undefined, name: string, path: string, what: string, max = 500): string {
  const value = line(child(parent, NS, name), max);
  if (!value) throw missing(path, what);
  return value;
}

/** `2019/01/16` (the standard) or `2019-01-16` → YYYY-MM-DD, or null if it is no real day. */
function dateOf(value: string | null): string | null {
  if (!value) return null;
  const m = /^(\d{4})[/-](\d{2})[/-](\d{2})/.exec(value);
  const iso = m ? `${m[1]}-${m[2]}-${m[3]}` : null;
  return iso && isRealDate(iso) ? iso : null;
}

/** `2018/09/28 13:05:00` in Vietnam's time (or ISO 8601) → an ISO instant, or null. */
function instantOf(value: string | null): string | null {
  if (!value) return null;
  const m = /^(\d{4})[/-](\d{2})[/-](\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:?\d{2})?$/.exec(value.trim());
  if (!m) return dateOf(value) ? `${dateOf(value)}T00:00:00+07:00` : null;
  const zone = m[7] ?? '+07:00';
  const d = new Date(
    `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? '00'}${zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone}`,
  );
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

function organ(node: XNode | undefined, path: string): ExchangeOrgan {
  if (!node) throw missing(path);
  return {
    organId: required(node, 'OrganId', `${path}/OrganId`, 'mã định danh', 40),
    name: line(child(node, NS, 'OrganName')) ?? line(child(node, NS, 'OrganizationInCharge')) ?? '',
    address: line(child(node, NS, 'OrganAdd')),
    email: line(child(node, NS, 'Email'), 200),
    phone: line(child(node, NS, 'Telephone'), 100),
  };
}

function staffOf(node: XNode | undefined) {
  if (!node) return null;
  return {
    department: line(child(node, NS, 'Department')),
    name: line(child(node, NS, 'Staff')),
    email: line(child(node, NS, 'Email'), 200),
  };
}

function count(node: XNode | undefined): number | null {
  const v = line(node, 20);
  if (!v || !/^\d{1,6}$/.test(v)) return null;
  return Number(v);
}

/** A claim of secrecy: OtherInfo/SecurityLevel 1–3 or its name (QCVN 102 has no such field; some systems add it). */
function secrecyOf(other: XNode | undefined): Confidentiality {
  const v = (line(child(other, NS, 'SecurityLevel')) ?? line(child(other, NS, 'Confidentiality')) ?? '').toLowerCase();
  if (!v || v === '0' || v === 'thường' || v === 'thuong') return 'thuong';
  if (v === '3' || v.includes('tuyệt mật') || v.includes('tuyet mat')) return 'tuyet_mat';
  if (v === '2' || v.includes('tối mật') || v.includes('toi mat')) return 'toi_mat';
  return 'mat';
}

function readHeader(message: XNode, header: XNode): ExchangeHeader {
  const from = organ(child(message, NS, 'From'), 'MessageHeader/From');
  const to = childrenNamed(message, NS, 'To').map((t) => organ(t, 'MessageHeader/To'));
  if (to.length === 0) throw missing('MessageHeader/To', 'nơi nhận');
  const codeNode = child(message, NS, 'Code');
  if (!codeNode) throw missing('MessageHeader/Code', 'số, ký hiệu');
  const codeNumber = required(codeNode, 'CodeNumber', 'Code/CodeNumber', 'số văn bản', 20);
  const codeNotation = line(child(codeNode, NS, 'CodeNotation'), 80) ?? '';
  const promulgation = child(message, NS, 'PromulgationInfo');
  const rawDate = required(promulgation, 'PromulgationDate', 'PromulgationInfo/PromulgationDate', 'ngày ban hành', 40);
  const issuedDate = dateOf(rawDate);
  if (!issuedDate) throw unreadable(`Ngày ban hành “${rawDate}” trong gói tin không phải ngày có thật (yyyy/MM/dd).`);
  const summary = text(child(message, NS, 'Subject'), 2000);
  if (!summary) throw missing('MessageHeader/Subject', 'trích yếu');
  const type = child(message, NS, 'DocumentType');
  const signer = child(message, NS, 'SignerInfo');
  const other = child(message, NS, 'OtherInfo');
  const urgency = urgencyOfPriority(line(child(other, NS, 'Priority'), 5) ?? undefined);
  if (!urgency) throw unreadable('OtherInfo/Priority phải là 0–4 (thường, khẩn, thượng khẩn, hỏa tốc, hỏa tốc hẹn giờ).');
  const code = codeNotation ? `${codeNumber}/${codeNotation}` : codeNumber;
  const documentId = line(child(message, NS, 'DocumentId'), 200) ?? `${from.organId},${issuedDate.replaceAll('-', '/')},${code}`;
  const traces = child(header, NS, 'TraceHeaderList');
  const bussiness = child(traces, NS, 'Bussiness');
  const business = businessOf(line(child(bussiness, NS, 'BussinessDocType'), 5) ?? undefined);
  if (!business) throw unreadable('Bussiness/BussinessDocType phải là 0 (mới), 1 (thu hồi), 2 (cập nhật) hoặc 3 (thay thế).');
  return {
    from,
    to,
    documentId,
    codeNumber,
    codeNotation,
    code,
    place: line(child(promulgation, NS, 'Place')),
    issuedDate,
    typeCode: line(child(type, NS, 'Type'), 20),
    typeName: line(child(type, NS, 'TypeName'), 200),
    summary,
    content: text(child(message, NS, 'Content'), 20_000),
    signer: {
      competence: line(child(signer, NS, 'Competence')),
      position: line(child(signer, NS, 'Position')),
      fullName: line(child(signer, NS, 'FullName')),
    },
    dueDate: dateOf(line(child(message, NS, 'DueDate'), 40)),
    urgency,
    confidentiality: secrecyOf(other),
    pages: count(child(other, NS, 'PageAmount')),
    copies: count(child(other, NS, 'PromulgationAmount')),
    appendixes: childrenNamed(child(other, NS, 'Appendixes'), NS, 'Appendix')
      .map((a) => line(a))
      .filter((a): a is string => !!a)
      .slice(0, 100),
    toPlaces: childrenNamed(child(message, NS, 'ToPlaces'), NS, 'Place')
      .map((p) => line(p))
      .filter((p): p is string => !!p)
      .slice(0, 500),
    steeringType: line(child(message, NS, 'SteeringType'), 5),
    business,
    businessDocumentId: line(child(bussiness, NS, 'DocumentId'), 200),
    businessReason: line(child(bussiness, NS, 'BussinessDocReason')),
    staff: staffOf(child(bussiness, NS, 'StaffInfo')),
    trace: childrenNamed(traces, NS, 'TraceHeader').map((t) => ({
      organId: line(child(t, NS, 'OrganId'), 40) ?? '',
      at: instantOf(line(child(t, NS, 'Timestamp'), 40)),
    })),
    xmlSigned: header.children.some((c) => c.name === 'Signature'),
  };
}

function readStatus(status: XNode): ExchangeStatus {
  const response = child(status, NS, 'ResponseFor');
  if (!response) throw missing('Status/ResponseFor', 'văn bản được báo trạng thái');
  const code = line(child(status, NS, 'StatusCode'), 5);
  if (!code || !(STATUS_CODES as readonly string[]).includes(code))
    throw unreadable(`Mã trạng thái “${code ?? ''}” không có trong QCVN 102 (01, 02, 03, 04, 05, 06, 13, 15, 16).`);
  const at = instantOf(line(child(status, NS, 'Timestamp'), 40));
  if (!at) throw missing('Status/Timestamp', 'thời điểm');
  return {
    responseFor: {
      organId: line(child(response, NS, 'OrganId'), 40),
      code: line(child(response, NS, 'Code'), 120),
      documentId: required(response, 'DocumentId', 'ResponseFor/DocumentId', 'mã văn bản', 200),
    },
    from: organ(child(status, NS, 'From'), 'Status/From'),
    statusCode: code as StatusCode,
    description: line(child(status, NS, 'Description'), 1000),
    at,
    staff: staffOf(child(status, NS, 'StaffInfo')),
  };
}

/** The attachments: outside the envelope (AttachmentEncoded, as the SDKs write them), each named in the manifest. */
function readAttachments(root: XNode, body: XNode | undefined): EncodedAttachment[] {
  const manifest = childrenNamed(child(body, NS, 'edXMLManifest'), NS, 'Reference');
  const declared = new Map(manifest.map((r) => [line(child(r, NS, 'ContentId')) ?? '', r]));
  const encoded = childrenNamed(child(root, NS, 'AttachmentEncoded'), NS, 'Attachment');
  return encoded.map((a, i) => {
    const contentId = line(child(a, NS, 'ContentId'));
    const ref = contentId ? declared.get(contentId) : undefined;
    const name = line(child(a, NS, 'AttachmentName'), 255) ?? line(child(ref, NS, 'AttachmentName'), 255) ?? `tep-${i + 1}`;
    const data = child(a, NS, 'ContentTransferEncoded');
    if (!data) throw missing(`Attachment “${name}”/ContentTransferEncoded`, 'nội dung tệp');
    return {
      contentId,
      name,
      description: line(child(a, NS, 'Description')) ?? line(child(ref, NS, 'Description')),
      contentType: line(child(a, NS, 'ContentType'), 200) ?? line(child(ref, NS, 'ContentType'), 200),
      base64: data.text,
    };
  });
}

/** An attachment's bytes, or a message saying its base64 is not base64. */
export function decodeAttachment(a: EncodedAttachment): Buffer {
  const compact = a.base64.replace(/[\s]+/g, '');
  if (compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(compact))
    throw unreadable(`Tệp đính kèm “${a.name}” trong gói tin không phải base64 hợp lệ (có ký tự lạ hoặc bị cắt) — gói tin bị hỏng.`);
  return Buffer.from(compact, 'base64');
}
