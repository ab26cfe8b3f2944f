// The api contract: every method the renderer may call, its input and output schemas, and who
// may call it. The backend enforces `access`; the UI only hides what a role cannot do.
import { z } from 'zod';
import type { Role } from '../domain/enums.js';
import {
  auditVerifyOutput,
  departmentCreateInput,
  departmentOutput,
  departmentUpdateInput,
  loginInput,
  meOutput,
  setupInitializeInput,
  thisPcInput,
  thisPcOutput,
  userCreateInput,
  userOutput,
  userUpdateInput,
} from './admin.js';
import {
  documentList,
  documentOutput,
  incomingCancelInput,
  incomingListInput,
  incomingRegisterInput,
  incomingUpdateInput,
} from './documents.js';
import {
  attachmentCheckOutput,
  attachmentOutput,
  pageHitsOutput,
  readForRegistrationOutput,
  stampInput,
  stampPreviewInput,
  stampPreviewOutput,
} from './attachments.js';
import { empty, id, isoDate, optionalText, text } from './fields.js';
import { fileOutput, largeFileOutput } from './files.js';
import { accessEntryOutput, accessHistoryInput, accessReportInput, accessReportOutput, takeCopyInput } from './accessLog.js';
import { addItemsInput, catalogueOutput, dossierOutput, entryInput, headingInput, openDossierInput } from './dossiers.js';
import {
  officeUpdateInput,
  takeOverInput,
  takeOverInspectInput,
  takeOverInspectOutput,
  takeOverOutput,
  takeOverProgressOutput,
  unitOutput,
} from './units.js';
import { saveSearchInput, savedSearchOutput, searchExportInput, searchInput, searchOutput } from './search.js';
import { dossierSuggestionOutput, routingSuggestionOutput, suggestInput } from './suggestions.js';
import { attachmentSignaturesOutput, trustAddInput, trustedRootOutput } from './signatures.js';
import { waitingOutput } from './waiting.js';
import {
  backupCreateInput,
  backupCreateOutput,
  backupPathInput,
  backupRestoreOutput,
  backupScheduleInput,
  backupStatusOutput,
  backupVerifyOutput,
  exportAllInput,
  exportAllOutput,
} from './backup.js';
import { importPreviewInput, importPreviewOutput, importRunInput, importRunOutput, importStageOutput } from './imports.js';
import { overviewOutput, REPORT_GROUPS, reportInput, reportOutput, unitsReportOutput } from './reports.js';
import {
  conflictIdInput,
  renumberInput,
  renumberOutput,
  syncClashOutput,
  syncConflictOutput,
  syncConnectInput,
  syncSettingsInput,
  syncStatusOutput,
} from './sync.js';
import {
  agencyOutput,
  agencySaveInput,
  organImportOutput,
  exchangeListInput,
  exchangeMessageOutput,
  exchangePumpOutput,
  exchangeRefuseInput,
  exchangeRoutesInput,
  exchangeSendInput,
  exchangeSettingsOutput,
  organId,
  recipientStatusOutput,
} from './exchange.js';
import { officeSettingsInput, officeSettingsOutput, symbolSettingsInput, symbolSettingsOutput } from './settings.js';
import {
  signFileInput,
  signingImageInput,
  signingImageOutput,
  signingImageQuery,
  signingModuleInput,
  signingSettingsOutput,
  signingTsaInput,
  signStampInput,
} from './signing.js';
import {
  DRAFT_STATUSES,
  draftInput,
  draftOutput,
  draftSignInput,
  draftSubmitInput,
  outgoingCancelInput,
  outgoingRecallInput,
  outgoingIssueInput,
  outgoingPreviewInput,
  outgoingPreviewOutput,
  outgoingRepliesOutput,
  outgoingVersionsOutput,
  outgoingReserveInput,
} from './outgoing.js';
import {
  assignInput,
  deadlinesOutput,
  followUpInput,
  followUpOutput,
  handlingOutput,
  historyOutput,
  notificationsOutput,
  reasonInput,
  submitInput,
  taskCompleteInput,
  taskOutput,
  taskReassignInput,
  taskUpdateInput,
} from './handling.js';

/** 'public': no login needed; 'user': any logged-in user; a list: those roles (admin always). */
export type Access = 'public' | 'user' | readonly Role[];
/** 'ipc': the desktop window; 'http': POST /api (JSON); 'download': GET /download/<method> (a file). */
export type Transport = 'ipc' | 'http' | 'download';

interface MethodSpec<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
  access: Access;
  /** Methods that take a file path or give raw bytes exist only inside the desktop program. */
  transports?: readonly Transport[];
}

function method<I extends z.ZodType, O extends z.ZodType>(
  input: I,
  output: O,
  access: Access,
  transports?: readonly Transport[],
): MethodSpec<I, O> {
  return transports ? { input, output, access, transports } : { input, output, access };
}

const REGISTRARS = ['clerk'] as const;
const bookOutput = z.object({
  id: z.string(),
  kind: z.enum(['incoming', 'outgoing']),
  name: z.string(),
  year: z.number().int().nullable(),
  series: z.string(),
  closed: z.boolean(),
  printedAt: z.string().nullable(),
  nextNumber: z.number().int(),
  /** A book of a unit taken over: its id and how it reads ("… (giải thể từ 01/07/2025)"); null: this office's. */
  unitId: z.string().nullable(),
  unitLabel: z.string().nullable(),
});
const LEADERS = ['leader'] as const;
const IPC_ONLY = ['ipc'] as const;
const FILE_ANSWER = ['ipc', 'download'] as const;
/** A list of ids, also as "a,b,c" (how a /download query string carries it). */
const dossierIdList = z
  .union([z.array(id), z.string().transform((s) => s.split(',').filter(Boolean))])
  .pipe(z.array(id).min(1, { error: 'Chưa chọn hồ sơ.' }).max(1000));
const registerInput = z.object({
  kind: z.enum(['incoming', 'outgoing', 'followup'], { error: 'Loại sổ phải là incoming, outgoing hoặc followup.' }),
  bookId: id.optional(),
  from: isoDate('từ ngày').optional(),
  to: isoDate('đến ngày').optional(),
});
const ok = z.object({ ok: z.literal(true) });

export const contract = {
  'setup.status': method(
    empty,
    z.object({
      initialized: z.boolean(),
      preset: z.object({ unitName: z.string().nullable(), unitCode: z.string().nullable() }).nullable(),
      /** The office's sync server and code from vanthu.config.json: a new PC joins instead of setting up. */
      join: z.object({ url: z.string(), code: z.string().nullable() }).nullable(),
    }),
    'public',
  ),
  'setup.initialize': method(setupInitializeInput, meOutput, 'public'),

  'auth.login': method(loginInput, meOutput, 'public'),
  'auth.logout': method(empty, ok, 'public'),
  'auth.me': method(empty, meOutput, 'user'),

  'users.list': method(empty, z.array(userOutput), ['admin']),
  'users.create': method(userCreateInput, userOutput, ['admin']),
  'users.update': method(userUpdateInput, userOutput, ['admin']),

  'departments.list': method(empty, z.array(departmentOutput), 'user'),
  'departments.create': method(departmentCreateInput, departmentOutput, ['admin']),
  'departments.update': method(departmentUpdateInput, departmentOutput, ['admin']),
  'departments.delete': method(z.object({ id }), ok, ['admin']),

  'agencies.search': method(
    z
      .object({ q: z.string().max(200).optional(), limit: z.number().int().min(1).max(5000).optional() })
      .optional()
      .transform((v) => v ?? {}),
    z.array(z.object({ id: z.string(), name: z.string() })),
    'user',
  ),
  'docTypes.list': method(empty, z.array(z.object({ id: z.string(), code: z.string(), name: z.string() })), 'user'),
  'books.list': method(
    z
      .object({ kind: z.enum(['incoming', 'outgoing']).optional() })
      .optional()
      .transform((v) => v ?? {}),
    z.array(bookOutput),
    'user',
  ),
  'books.close': method(z.object({ id }), bookOutput, ['clerk']),

  'incoming.register': method(incomingRegisterInput, documentOutput, REGISTRARS),
  'incoming.list': method(incomingListInput, documentList, 'user'),
  'incoming.get': method(z.object({ id }), documentOutput, 'user'),
  'incoming.update': method(incomingUpdateInput, documentOutput, REGISTRARS),
  'incoming.cancel': method(incomingCancelInput, documentOutput, REGISTRARS),

  'outgoing.preview': method(outgoingPreviewInput, outgoingPreviewOutput, REGISTRARS),
  'outgoing.reserve': method(outgoingReserveInput, documentOutput, REGISTRARS),
  'outgoing.issue': method(outgoingIssueInput, documentOutput, REGISTRARS),
  'outgoing.cancel': method(outgoingCancelInput, documentOutput, REGISTRARS),
  'outgoing.recall': method(outgoingRecallInput, documentOutput, REGISTRARS),
  'outgoing.list': method(incomingListInput, documentList, 'user'),
  'outgoing.get': method(z.object({ id }), documentOutput, 'user'),
  'outgoing.replies': method(z.object({ id }), outgoingRepliesOutput, 'user'),
  /** Văn bản thay thế: what this document replaced and what replaced it. */
  'outgoing.versions': method(z.object({ id }), outgoingVersionsOutput, 'user'),
  'outgoing.listDrafts': method(
    z
      .object({ statuses: z.array(z.enum(DRAFT_STATUSES)).optional() })
      .optional()
      .transform((v) => v ?? {}),
    z.array(draftOutput),
    'user',
  ),
  'outgoing.createDraft': method(draftInput, draftOutput, ['clerk', 'specialist', 'leader']),
  'outgoing.submitDraft': method(draftSubmitInput, draftOutput, ['clerk', 'specialist', 'leader']),
  'outgoing.signDraft': method(draftSignInput, draftOutput, LEADERS),

  'attachments.list': method(z.object({ documentId: id }), z.array(attachmentOutput), 'user'),
  'attachments.check': method(z.object({ id }), attachmentCheckOutput, 'user'),
  'attachments.remove': method(z.object({ id }), ok, REGISTRARS),
  /** OCR of a scan on this PC: stop it (what was read is kept), or read it again. */
  'attachments.ocrStop': method(z.object({ id }), ok, 'user'),
  /** Each digital signature of a PDF: who, when, intact, trusted (revocation: not checked offline). */
  'attachments.signatures': method(z.object({ id }), attachmentSignaturesOutput, 'user'),
  'trust.list': method(empty, z.array(trustedRootOutput), 'user'),
  'trust.add': method(trustAddInput, trustedRootOutput, ['admin']),
  'trust.remove': method(z.object({ fingerprint: z.string().regex(/^[0-9A-F]{64}$/) }), ok, ['admin']),
  /** Signing (#17 part 3): this PC's token library, the office's seal and each leader's signature image. */
  'signing.settings': method(empty, signingSettingsOutput, 'user'),
  'signing.setModule': method(signingModuleInput, ok, ['admin']),
  /** The office's RFC 3161 time-stamp authority: signatures become PAdES B-T. */
  'signing.setTsa': method(signingTsaInput, ok, ['admin']),
  /** The owner sets his signature image (or the admin for him); the seal is the admin's. */
  'signing.setImage': method(signingImageInput, ok, 'user'),
  'signing.image': method(signingImageQuery, signingImageOutput, 'user'),
  /** An issued PDF signed: by its signer (a leader), or by the văn thư for the office; a new file each time. */
  'outgoing.signFile': method(signFileInput, attachmentOutput, ['leader', 'clerk']),
  /** ký số dấu đến: the văn thư signs the stamped copy of an incoming document for the office. */
  'incoming.signStamp': method(signStampInput, attachmentOutput, REGISTRARS),
  /** Where the words of a search stand on a scan's pages (a text layer: none stored, read: false). */
  'attachments.hits': method(z.object({ id, q: z.string().min(1).max(200) }), pageHitsOutput, 'user'),
  'attachments.ocrResume': method(z.object({ id }), ok, 'user'),
  'attachments.add': method(z.object({ documentId: id, path: z.string().min(1).max(4096) }), attachmentOutput, REGISTRARS, IPC_ONLY),
  'attachments.get': method(z.object({ id }), fileOutput, 'user', IPC_ONLY),
  /** A copy taken out: downloaded or printed — recorded, and a PDF marked as the office's setting says. */
  'attachments.copy': method(takeCopyInput, z.union([fileOutput, largeFileOutput]), 'user', FILE_ANSWER),
  'incoming.stampPreview': method(stampPreviewInput, stampPreviewOutput, REGISTRARS),
  /** A dispatch picked in the registration form (the window reads it by path; browser mode: POST /upload?purpose=read). */
  'incoming.readPath': method(z.object({ path: z.string().min(1).max(4096) }), readForRegistrationOutput, REGISTRARS, IPC_ONLY),
  'incoming.attachRead': method(z.object({ documentId: id, token: z.string().regex(/^[0-9a-f]{32}$/) }), attachmentOutput, REGISTRARS),
  'incoming.stamp': method(stampInput, attachmentOutput, REGISTRARS),

  'incoming.submit': method(submitInput, handlingOutput, REGISTRARS),
  'incoming.assign': method(assignInput, handlingOutput, LEADERS),
  /** Chủ trì, phối hợp and hạn xử lý as the office gave them for alike documents. */
  'incoming.suggestRouting': method(suggestInput, routingSuggestionOutput, LEADERS),
  'incoming.return': method(reasonInput, handlingOutput, ['clerk', 'leader']),
  'incoming.recall': method(reasonInput, handlingOutput, REGISTRARS),
  'incoming.handling': method(z.object({ id }), handlingOutput, 'user'),
  'incoming.history': method(z.object({ id }), historyOutput, 'user'),
  'incoming.followUp': method(followUpInput, followUpOutput, 'user'),
  'tasks.mine': method(
    z
      .object({ includeDone: z.boolean().optional() })
      .optional()
      .transform((v) => v ?? {}),
    z.array(taskOutput),
    'user',
  ),
  'tasks.update': method(taskUpdateInput, ok, 'user'),
  'tasks.complete': method(taskCompleteInput, ok, 'user'),
  'tasks.reassign': method(taskReassignInput, ok, LEADERS),
  'tasks.waiting': method(empty, waitingOutput, 'user'),
  'notifications.list': method(empty, notificationsOutput, 'user'),
  'notifications.markRead': method(empty, ok, 'user'),
  'dashboard.deadlines': method(empty, deadlinesOutput, 'user'),
  'users.directory': method(
    empty,
    z.array(z.object({ id: z.string(), fullName: z.string(), roles: z.array(z.string()), departmentId: z.string().nullable() })),
    'user',
  ),

  'settings.symbols': method(empty, symbolSettingsOutput, 'user'),
  'settings.saveSymbols': method(symbolSettingsInput, symbolSettingsOutput, ['clerk']),
  'settings.office': method(empty, officeSettingsOutput, 'user'),
  'settings.saveOffice': method(officeSettingsInput, officeSettingsOutput, ['admin']),
  'pc.get': method(empty, thisPcOutput, 'user'),
  'pc.setAirGapped': method(thisPcInput, thisPcOutput, ['admin']),

  // unitId: the catalogue of a unit taken over (units.list), kept apart from the office's own.
  'catalogue.get': method(z.object({ year: z.number().int(), unitId: id.nullish() }), catalogueOutput, 'user'),
  'catalogue.saveHeading': method(headingInput, catalogueOutput, ['clerk', 'leader', 'archivist']),
  'catalogue.saveEntry': method(entryInput, catalogueOutput, ['clerk', 'leader', 'archivist']),
  'catalogue.copyFromYear': method(z.object({ from: z.number().int(), to: z.number().int() }), catalogueOutput, [
    'clerk',
    'leader',
    'archivist',
  ]),
  'dossiers.open': method(openDossierInput, dossierOutput, 'user'),
  'dossiers.list': method(
    z
      .object({ year: z.number().int().optional(), status: z.enum(['mo', 'ket_thuc', 'nop_luu']).optional(), keeperId: id.optional() })
      .optional()
      .transform((v) => v ?? {}),
    z.array(dossierOutput),
    'user',
  ),
  'dossiers.get': method(z.object({ id }), dossierOutput, 'user'),
  'dossiers.addItems': method(addItemsInput, dossierOutput, 'user'),
  /** The open dossiers alike documents were filed in (id: the document's). */
  'dossiers.suggest': method(suggestInput, dossierSuggestionOutput, 'user'),
  'dossiers.reorder': method(z.object({ dossierId: id, itemIds: z.array(id).max(5000) }), dossierOutput, 'user'),
  'dossiers.removeItem': method(z.object({ itemId: id }), dossierOutput, 'user'),
  'dossiers.close': method(z.object({ id }), dossierOutput, 'user'),
  'dossiers.reopen': method(z.object({ id, reason: text('lý do mở lại', 1000) }), dossierOutput, ['admin']),
  'dossiers.describe': method(
    z.object({
      id,
      description: optionalText('mô tả', 2000),
      pageCount: z.number({ error: 'Số trang phải là một số.' }).int().min(0).max(1000000).nullish(),
    }),
    dossierOutput,
    'user',
  ),
  'archive.handover': method(z.object({ dossierIds: z.array(id).max(1000) }), z.array(dossierOutput), ['archivist', 'clerk']),
  'archive.handoverList': method(z.object({ dossierIds: dossierIdList }), fileOutput, ['archivist', 'clerk', 'leader'], FILE_ANSWER),
  'archive.exportPackage': method(z.object({ dossierIds: dossierIdList }), largeFileOutput, ['archivist', 'clerk', 'leader'], FILE_ANSWER),
  'catalogue.print': method(
    z.object({ year: z.coerce.number().int().min(1990).max(2200), unitId: id.nullish() }),
    fileOutput,
    'user',
    FILE_ANSWER,
  ),
  'dossiers.print': method(z.object({ id }), fileOutput, 'user', FILE_ANSWER),
  /** The dossier as one PDF: its item list, then its documents' files by date. */
  'dossiers.exportPdf': method(z.object({ id }), z.union([fileOutput, largeFileOutput]), 'user', FILE_ANSWER),
  /** The dossier's and its documents' metadata as XML (Thông tư 02/2019/TT-BNV). */
  'dossiers.exportXml': method(z.object({ id }), largeFileOutput, 'user', FILE_ANSWER),
  /** Closed dossiers whose thời hạn bảo quản has ended, for the council (nothing is ever deleted by the program). */
  'dossiers.retentionEnded': method(
    z
      .object({ asOf: isoDate('tính đến ngày').optional() })
      .optional()
      .transform((v) => v ?? {}),
    z.array(z.object({ dossier: dossierOutput, endYear: z.number().int(), keptThrough: z.number().int() })),
    ['archivist', 'clerk', 'leader'],
  ),
  'dossiers.printRetentionEnded': method(
    z.object({ asOf: isoDate('tính đến ngày').optional() }),
    fileOutput,
    ['archivist', 'clerk', 'leader'],
    FILE_ANSWER,
  ),

  'search.query': method(searchInput, searchOutput, 'user'),
  /** His saved searches; missingBook: the book a filter named is gone (the filter is dropped). */
  'search.saved': method(empty, z.array(savedSearchOutput.extend({ missingBook: z.boolean() })), 'user'),
  'search.save': method(saveSearchInput, savedSearchOutput, 'user'),
  'search.deleteSaved': method(z.object({ id }), ok, 'user'),
  /** The whole result list (up to 100,000) as PDF or Word, with the query and the time on it. */
  'search.export': method(searchExportInput, z.union([fileOutput, largeFileOutput]), 'user', FILE_ANSWER),
  'backup.status': method(empty, backupStatusOutput, ['admin']),
  'backup.setSchedule': method(backupScheduleInput, ok, ['admin']),
  'backup.create': method(backupCreateInput, backupCreateOutput, ['admin']),
  'backup.verify': method(backupPathInput, backupVerifyOutput, ['admin']),
  'backup.restore': method(backupPathInput, backupRestoreOutput, ['admin']),
  'backup.exportAll': method(exportAllInput, exportAllOutput, ['admin']),
  // The office and the units it took over (the 2025 reorganisation); the list names old books and dossiers.
  'units.list': method(empty, z.array(unitOutput), 'user'),
  'units.updateOffice': method(officeUpdateInput, z.array(unitOutput), ['admin']),
  'units.inspectTakeOver': method(takeOverInspectInput, takeOverInspectOutput, ['admin']),
  'units.takeOver': method(takeOverInput, takeOverOutput, ['admin']),
  'units.takeOverProgress': method(empty, takeOverProgressOutput, ['admin']),
  'imports.stagePath': method(z.object({ path: z.string().min(1).max(4096) }), importStageOutput, REGISTRARS, IPC_ONLY),
  'imports.preview': method(importPreviewInput, importPreviewOutput, REGISTRARS),
  'imports.run': method(importRunInput, importRunOutput, REGISTRARS),
  'dashboard.overview': method(empty, overviewOutput, 'user'),
  'reports.summary': method(reportInput, reportOutput, ['clerk', 'leader', 'archivist']),
  // The supervising office's report over the units under it (the sync server's tree, reorganisations included).
  'reports.units': method(reportInput, unitsReportOutput, ['clerk', 'leader', 'archivist']),
  'reports.export': method(
    z.object({ from: isoDate('từ ngày'), to: isoDate('đến ngày'), groupBy: z.enum(REPORT_GROUPS), format: z.enum(['pdf', 'xlsx']) }),
    fileOutput,
    ['clerk', 'leader', 'archivist'],
    FILE_ANSWER,
  ),

  'registers.print': method(registerInput, fileOutput, ['clerk', 'leader', 'archivist'], FILE_ANSWER),
  'registers.export': method(registerInput, fileOutput, ['clerk', 'leader', 'archivist'], FILE_ANSWER),

  'audit.verify': method(empty, auditVerifyOutput, ['admin']),
  /** Lịch sử truy cập of a document or a dossier: who viewed, downloaded, printed it (or its files), where, how often. */
  'access.history': method(accessHistoryInput, z.array(accessEntryOutput), ['clerk', 'leader', 'archivist']),
  'access.report': method(accessReportInput, accessReportOutput, ['admin']),
  'access.print': method(accessReportInput, fileOutput, ['admin'], FILE_ANSWER),

  'sync.status': method(empty, syncStatusOutput, 'user'),
  'sync.connect': method(syncConnectInput, syncStatusOutput, ['admin']),
  'sync.disconnect': method(empty, syncStatusOutput, ['admin']),
  'sync.settings': method(syncSettingsInput, syncStatusOutput, ['admin']),
  'sync.now': method(empty, syncStatusOutput, 'user'),
  'sync.conflicts': method(empty, z.array(syncConflictOutput), 'user'),
  'sync.restoreConflict': method(conflictIdInput, ok, ['clerk', 'leader']),
  'sync.dismissConflict': method(conflictIdInput, ok, ['clerk', 'leader']),
  'sync.clashes': method(empty, z.array(syncClashOutput), 'user'),
  'sync.renumber': method(renumberInput, renumberOutput, ['admin']),
  /** A new PC joins its office: enrolled and filled from the server instead of a first-run setup. */
  'setup.join': method(syncConnectInput, z.object({ initialized: z.boolean(), status: syncStatusOutput }), 'public'),

  // Exchange between offices (#18): edXML packages and statuses.
  'exchange.settings': method(empty, exchangeSettingsOutput, ['clerk', 'leader']),
  'exchange.setOrganId': method(z.object({ organId }), exchangeSettingsOutput, ['admin']),
  /** This PC's folders and axis (local values: another PC has its own). */
  'exchange.setRoutes': method(exchangeRoutesInput, exchangeSettingsOutput, ['admin']),
  /** An .edxml file picked or dropped (browser mode: POST /upload?purpose=edxml). */
  'exchange.receivePath': method(z.object({ path: z.string().min(1).max(4096) }), exchangeMessageOutput, REGISTRARS, IPC_ONLY),
  'exchange.list': method(exchangeListInput, z.array(exchangeMessageOutput), ['clerk', 'leader']),
  'exchange.get': method(z.object({ id }), exchangeMessageOutput, ['clerk', 'leader']),
  'exchange.register': method(incomingRegisterInput.extend({ messageId: id }), documentOutput, REGISTRARS),
  'exchange.refuse': method(exchangeRefuseInput, exchangeMessageOutput, REGISTRARS),
  'exchange.send': method(exchangeSendInput, z.array(exchangeMessageOutput), REGISTRARS),
  'exchange.recipients': method(z.object({ documentId: id }), z.array(recipientStatusOutput), 'user'),
  /** Send what waits and take what came, now (it also runs after each sync round). */
  'exchange.pump': method(empty, exchangePumpOutput, REGISTRARS),
  'exchange.print': method(
    z.object({ from: isoDate('từ ngày').optional(), to: isoDate('đến ngày').optional() }),
    fileOutput,
    ['clerk', 'leader'],
    FILE_ANSWER,
  ),
  'agencies.list': method(empty, z.array(agencyOutput), ['clerk', 'leader']),
  'agencies.save': method(agencySaveInput, agencyOutput, REGISTRARS),
  'agencies.importOrgans': method(importPreviewInput.pick({ uploadId: true }), organImportOutput, REGISTRARS),
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
