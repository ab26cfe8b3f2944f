// Exchange between offices (#18): what an edXML header says, the inbox and the statuses that
// came back, as the UI and the contract see them.
import { z } from 'zod';
import { BUSINESS_KINDS, ORGAN_ID_MESSAGE, ORGAN_ID_PATTERN, STATUS_CODES } from '../domain/exchange.js';
import { CONFIDENTIALITIES, URGENCIES } from '../domain/enums.js';
import { id } from './fields.js';

export const organId = z.string().trim().regex(ORGAN_ID_PATTERN, { error: ORGAN_ID_MESSAGE });

export const exchangeOrgan = z.object({
  organId: z.string(),
  name: z.string(),
  address: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
});
export type ExchangeOrgan = z.infer<typeof exchangeOrgan>;

export const exchangeHeader = z.object({
  from: exchangeOrgan,
  to: z.array(exchangeOrgan),
  /** `<OrganId>,<yyyy/MM/dd>,<số/ký hiệu>` */
  documentId: z.string(),
  codeNumber: z.string(),
  codeNotation: z.string(),
  /** Số và ký hiệu as the register writes it: 7816/VPCP-TTĐT. */
  code: z.string(),
  place: z.string().nullable(),
  issuedDate: z.string(),
  typeCode: z.string().nullable(),
  typeName: z.string().nullable(),
  summary: z.string(),
  content: z.string().nullable(),
  signer: z.object({ competence: z.string().nullable(), position: z.string().nullable(), fullName: z.string().nullable() }),
  dueDate: z.string().nullable(),
  urgency: z.enum(URGENCIES),
  confidentiality: z.enum(CONFIDENTIALITIES),
  pages: z.number().int().nullable(),
  copies: z.number().int().nullable(),
  appendixes: z.array(z.string()),
  toPlaces: z.array(z.string()),
  steeringType: z.string().nullable(),
  business: z.enum(BUSINESS_KINDS),
  /** The document a revoke/update/replace is about (the Bussiness block's DocumentId). */
  businessDocumentId: z.string().nullable(),
  businessReason: z.string().nullable(),
  staff: z.object({ department: z.string().nullable(), name: z.string().nullable(), email: z.string().nullable() }).nullable(),
  trace: z.array(z.object({ organId: z.string(), at: z.string().nullable() })),
  /** The envelope carries an XML signature (XMLDSig); VănThư checks the PDFs' signatures, not this one. */
  xmlSigned: z.boolean(),
});
export type ExchangeHeader = z.infer<typeof exchangeHeader>;

export const exchangeStatus = z.object({
  responseFor: z.object({ organId: z.string().nullable(), code: z.string().nullable(), documentId: z.string() }),
  from: exchangeOrgan,
  statusCode: z.enum(STATUS_CODES),
  description: z.string().nullable(),
  at: z.string(),
  staff: z.object({ department: z.string().nullable(), name: z.string().nullable(), email: z.string().nullable() }).nullable(),
});
export type ExchangeStatus = z.infer<typeof exchangeStatus>;

export const exchangeAttachment = z.object({
  name: z.string(),
  mime: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  signed: z.boolean(),
});

export const EXCHANGE_STATES = ['moi', 'da_vao_so', 'tu_choi', 'loi', 'cho_gui', 'da_gui', 'da_nhan'] as const;
export const EXCHANGE_STATE_LABELS: Record<(typeof EXCHANGE_STATES)[number], string> = {
  moi: 'Chờ vào sổ',
  da_vao_so: 'Đã vào sổ',
  tu_choi: 'Đã từ chối',
  loi: 'Không nhận được',
  cho_gui: 'Chờ gửi',
  da_gui: 'Đã gửi',
  da_nhan: 'Đã nhận',
};

export const exchangeMessageOutput = z.object({
  id: z.string(),
  direction: z.enum(['in', 'out']),
  kind: z.enum(['package', 'status']),
  state: z.enum(EXCHANGE_STATES),
  transport: z.enum(['file', 'server', 'axis']),
  edxmlId: z.string().nullable(),
  documentId: z.string().nullable(),
  peerOrganId: z.string().nullable(),
  peerName: z.string().nullable(),
  business: z.enum(BUSINESS_KINDS).nullable(),
  statusCode: z.enum(STATUS_CODES).nullable(),
  description: z.string().nullable(),
  error: z.string().nullable(),
  fileName: z.string().nullable(),
  size: z.number().int().nullable(),
  at: z.string(),
  sentAt: z.string().nullable(),
  /** Received as metadata only: it claims a secret level (Luật 29/2018 Điều 5). */
  metadataOnly: z.boolean(),
  header: exchangeHeader.nullable(),
  attachments: z.array(exchangeAttachment),
});
export type ExchangeMessage = z.infer<typeof exchangeMessageOutput>;

export const exchangeListInput = z
  .object({
    direction: z.enum(['in', 'out']).optional(),
    kind: z.enum(['package', 'status']).optional(),
    state: z.enum(EXCHANGE_STATES).optional(),
    documentId: id.optional(),
    limit: z.number().int().min(1).max(1000).optional().default(200),
  })
  .optional()
  .transform((v) => v ?? { limit: 200 });

export const exchangeSendInput = z.object({
  documentId: id,
  organIds: z.array(organId).min(1, { error: 'Chọn ít nhất một nơi nhận có mã định danh.' }).max(200),
});

export const exchangeRefuseInput = z.object({
  id,
  reason: z.string().trim().min(3, { error: 'Ghi lý do từ chối (ít nhất 3 ký tự).' }).max(500),
});

/** The latest status each recipient sent back for one outgoing document. */
export const recipientStatusOutput = z.object({
  organId: z.string(),
  name: z.string().nullable(),
  sentAt: z.string().nullable(),
  state: z.enum(EXCHANGE_STATES),
  error: z.string().nullable(),
  statusCode: z.enum(STATUS_CODES).nullable(),
  statusAt: z.string().nullable(),
  description: z.string().nullable(),
});

export const exchangeSettingsOutput = z.object({
  organId: z.string().nullable(),
  officeName: z.string(),
  /** Local to this PC: where packages are written for an axis client or a USB stick, and read from. */
  outFolder: z.string().nullable(),
  inFolder: z.string().nullable(),
  axisUrl: z.string().nullable(),
  axisTokenSet: z.boolean(),
  /** The token is sealed by the OS keychain (the desktop app); in browser mode it stays plain in the data folder. */
  axisTokenSealed: z.boolean(),
  /** The sync server carries packages between its units. */
  viaServer: z.boolean(),
  maxPackageMb: z.number().int(),
});

const folder = z.string().trim().max(4096).nullable();

/** The axis token goes in every call: plain http only to this PC or the office's own network. */
function plainHttpOnlyNearby(url: string): boolean {
  if (!url.startsWith('http://')) return true;
  const host = /^http:\/\/(?:[^@/]*@)?(\[[^\]]*\]|[^/:?#]+)/.exec(url)?.[1]?.toLowerCase() ?? '';
  return /^(localhost|127\.\d+\.\d+\.\d+|\[::1\]|10\.\d+\.\d+\.\d+|192\.168\.\d+\.\d+|172\.(1[6-9]|2\d|3[01])\.\d+\.\d+)$/.test(host);
}
export const exchangeRoutesInput = z.object({
  outFolder: folder,
  inFolder: folder,
  axisUrl: z
    .string()
    .trim()
    .max(500)
    .regex(/^https?:\/\/[^\s]+$/, { error: 'Địa chỉ trục phải bắt đầu bằng https:// (hoặc http:// trong mạng nội bộ).' })
    .refine(plainHttpOnlyNearby, {
      error: 'Trục ngoài mạng nội bộ phải dùng https:// — mã truy cập của cơ quan không được đi qua mạng không mã hóa.',
    })
    .nullable(),
  /** Left out: kept as it is. */
  axisToken: z.string().max(2000).optional(),
});

export const exchangePumpOutput = z.object({ sent: z.number().int(), received: z.number().int(), problems: z.array(z.string()) });

export const agencyOutput = z.object({ id: z.string(), name: z.string(), organId: z.string().nullable() });
export const agencySaveInput = z.object({
  id: id.optional(),
  name: z.string().trim().min(2, { error: 'Nhập tên cơ quan.' }).max(300),
  organId: organId.nullable(),
});

export const organImportOutput = z.object({
  fileName: z.string(),
  sheet: z.string(),
  saved: z.number().int(),
  skipped: z.array(z.object({ row: z.number().int(), problem: z.string() })),
});
