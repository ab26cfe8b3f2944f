// What a handler gets: the services the backend wired, and the request as the gate let it in.
import type { TrustStore } from '../../pdf/signatures/trustStore.js';
import type { MethodName, MethodOutput, ParsedInput } from '../../../shared/api/contract.js';
import type { Actor } from '../../../db/handling/state.js';
import type { Store } from '../../../db/core/store.js';
import type { WriteContext } from '../../../db/core/write.js';
import type { BackupService } from '../../backup/backupService.js';
import type { AttachmentsService } from '../../files/attachmentsService.js';
import type { ImportService } from '../../imports/importService.js';
import type { SyncEngine } from '../../sync/syncEngine.js';
import type { ExchangeService } from '../../exchange/exchangeService.js';
import type { Session, SessionStore } from '../sessions.js';
import type { TakeOverService } from '../../reform/takeOverService.js';

export interface Services {
  store: Store;
  sessions: SessionStore;
  files: AttachmentsService;
  imports: ImportService;
  backups: BackupService;
  sync: SyncEngine;
  /** The roots this PC trusts for digital signatures. */
  trust: TrustStore;
  exchange: ExchangeService;
  /** Tiếp nhận đơn vị: a unit taken over from its backup folder. */
  takeOvers: TakeOverService;
  /** Called once a verified restore is staged: the host restarts so it applies before the store opens. */
  onRestoreStaged?: (() => void) | undefined;
  /** Where large file answers are written before the transport streams them out (and deletes them). */
  spoolDir: string;
}

export interface RequestContext {
  session: Session | null;
  /** The logged-in user the gate found (null only for public methods called without a session). */
  user: Actor | null;
  write: WriteContext;
  setToken(token: string | null): void;
}

export type Handler<M extends MethodName> = (input: ParsedInput<M>, req: RequestContext) => Promise<MethodOutput<M>> | MethodOutput<M>;
export type HandlerSlice<K extends MethodName> = { [M in K]: Handler<M> };
export type Handlers = HandlerSlice<MethodName>;

/** One domain's handlers, typed by the contract's method names (inputs parsed, outputs checked). */
export function defineSlice<K extends MethodName>(handlers: HandlerSlice<K>): HandlerSlice<K> {
  return handlers;
}

/** The logged-in user of a method whose access is not 'public' (the gate has checked). */
export function userOf(req: RequestContext): Actor {
  if (!req.user) throw new Error('a handler that needs a user was reached without one');
  return req.user;
}

export const ok = { ok: true as const };
