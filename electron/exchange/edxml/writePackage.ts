// edXML messages VănThư sends: a document package (header, trace, manifest, attachments in
// base64) and a status message, laid out as QCVN 102:2016 and the public SDK sample do.
import { XMLBuilder } from 'fast-xml-parser';
import type { ExchangeOrgan } from '../../../shared/api/exchange.js';
import {
  BUSINESS_CODES,
  BUSINESS_LABELS,
  EXCHANGE_NAMESPACE,
  type BusinessKind,
  type StatusCode,
} from '../../../shared/domain/exchange.js';

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, suppressEmptyNode: true });

type Tree = Record<string, unknown>;
const e = (name: string) => `edXML:${name}`;

export interface OutgoingPackage {
  from: ExchangeOrgan;
  to: ExchangeOrgan;
  documentId: string;
  codeNumber: string;
  codeNotation: string;
  place: string | null;
  issuedDate: string;
  typeCode: string;
  typeName: string;
  summary: string;
  signer: { competence: string | null; position: string | null; fullName: string | null };
  dueDate: string | null;
  priority: string;
  copies: number | null;
  pages: number | null;
  toPlaces: string[];
  business: BusinessKind;
  /** For revoke/update/replace: the document it is about; else the document itself. */
  businessDocumentId: string;
  businessReason: string | null;
  staff: { department: string | null; name: string | null; email: string | null };
  sentAt: Date;
  attachments: { name: string; mime: string; bytes: Uint8Array }[];
}

const slash = (iso: string) => iso.replaceAll('-', '/');

/** Vietnam's wall time, as the trace's Timestamp is written: 2026/12/03 09:15:00. */
export function traceTime(at: Date): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const p = (t: string) => parts.find((x) => x.type === t)?.value ?? '00';
  return `${p('year')}/${p('month')}/${p('day')} ${p('hour')}:${p('minute')}:${p('second')}`;
}

function organ(o: ExchangeOrgan): Tree {
  const out: Tree = { [e('OrganId')]: o.organId, [e('OrganName')]: o.name, [e('OrganizationInCharge')]: o.name };
  if (o.address) out[e('OrganAdd')] = o.address;
  if (o.email) out[e('Email')] = o.email;
  if (o.phone) out[e('Telephone')] = o.phone;
  return out;
}

function staff(s: OutgoingPackage['staff']): Tree {
  const out: Tree = {};
  if (s.department) out[e('Department')] = s.department;
  if (s.name) out[e('Staff')] = s.name;
  if (s.email) out[e('Email')] = s.email;
  return out;
}

function document(xml: Tree): Buffer {
  return Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n${String(builder.build(xml))}`, 'utf8');
}

export function buildPackage(p: OutgoingPackage): Buffer {
  const cids = p.attachments.map((_, i) => `cid:${i + 1}`);
  const message: Tree = {
    [e('From')]: organ(p.from),
    [e('To')]: organ(p.to),
    [e('DocumentId')]: p.documentId,
    [e('Code')]: { [e('CodeNumber')]: p.codeNumber, [e('CodeNotation')]: p.codeNotation },
    [e('PromulgationInfo')]: { ...(p.place ? { [e('Place')]: p.place } : {}), [e('PromulgationDate')]: slash(p.issuedDate) },
    [e('DocumentType')]: { [e('Type')]: p.typeCode, [e('TypeName')]: p.typeName },
    [e('Subject')]: p.summary,
    [e('Content')]: p.summary,
    [e('SignerInfo')]: {
      ...(p.signer.competence ? { [e('Competence')]: p.signer.competence } : {}),
      ...(p.signer.position ? { [e('Position')]: p.signer.position } : {}),
      ...(p.signer.fullName ? { [e('FullName')]: p.signer.fullName } : {}),
    },
    ...(p.dueDate ? { [e('DueDate')]: slash(p.dueDate) } : {}),
    [e('OtherInfo')]: {
      [e('Priority')]: p.priority,
      ...(p.copies !== null ? { [e('PromulgationAmount')]: String(p.copies) } : {}),
      ...(p.pages !== null ? { [e('PageAmount')]: String(p.pages) } : {}),
    },
    ...(p.toPlaces.length ? { [e('ToPlaces')]: { [e('Place')]: p.toPlaces } } : {}),
  };
  const xml: Tree = {
    edXML: {
      '@_xmlns': EXCHANGE_NAMESPACE,
      [e('edXMLEnvelope')]: {
        '@_xmlns:edXML': EXCHANGE_NAMESPACE,
        [e('edXMLHeader')]: {
          [e('MessageHeader')]: message,
          [e('TraceHeaderList')]: {
            [e('TraceHeader')]: { [e('OrganId')]: p.from.organId, [e('Timestamp')]: traceTime(p.sentAt) },
            [e('Bussiness')]: {
              [e('DocumentId')]: p.businessDocumentId,
              [e('BussinessDocType')]: BUSINESS_CODES[p.business],
              [e('BussinessDocReason')]: p.businessReason ?? BUSINESS_LABELS[p.business],
              [e('Paper')]: '0',
              [e('StaffInfo')]: staff(p.staff),
            },
          },
        },
        [e('edXMLBody')]: {
          [e('edXMLManifest')]: {
            '@_version': '1.0',
            [e('Reference')]: p.attachments.map((a, i) => ({
              [e('ContentId')]: cids[i],
              [e('ContentType')]: a.mime,
              [e('Description')]: a.name,
              [e('AttachmentName')]: a.name,
            })),
          },
        },
      },
      AttachmentEncoded: {
        Attachment: p.attachments.map((a, i) => ({
          ContentId: cids[i],
          AttachmentName: a.name,
          Description: a.name,
          ContentType: a.mime,
          [e('ContentTransferEncoded')]: { '@_xmlns:edXML': EXCHANGE_NAMESPACE, '#text': Buffer.from(a.bytes).toString('base64') },
        })),
      },
    },
  };
  return document(xml);
}

export interface OutgoingStatus {
  from: ExchangeOrgan;
  responseFor: { organId: string | null; code: string | null; documentId: string };
  statusCode: StatusCode;
  description: string | null;
  at: Date;
  staff: { department: string | null; name: string | null; email: string | null };
}

export function buildStatus(s: OutgoingStatus): Buffer {
  return document({
    edXML: {
      '@_xmlns': EXCHANGE_NAMESPACE,
      [e('edXMLEnvelope')]: {
        '@_xmlns:edXML': EXCHANGE_NAMESPACE,
        [e('edXMLHeader')]: {
          [e('Status')]: {
            [e('ResponseFor')]: {
              ...(s.responseFor.organId ? { [e('OrganId')]: s.responseFor.organId } : {}),
              ...(s.responseFor.code ? { [e('Code')]: s.responseFor.code } : {}),
              [e('DocumentId')]: s.responseFor.documentId,
            },
            [e('From')]: organ(s.from),
            [e('StatusCode')]: s.statusCode,
            ...(s.description ? { [e('Description')]: s.description } : {}),
            [e('Timestamp')]: traceTime(s.at),
            [e('StaffInfo')]: staff(s.staff),
          },
        },
        [e('edXMLBody')]: {},
      },
    },
  });
}
