// The full handler map, assembled from one slice per domain (the way Actual's loot-core registers
// each domain's handlers in its own app file). The compiler checks that every contract method has
// a handler and that no two slices claim the same one; the same is checked again at start.
import type { MethodName } from '../../shared/api/contract.js';
import { adminHandlers } from './handlers/admin.js';
import { attachmentHandlers } from './handlers/attachments.js';
import { backupHandlers } from './handlers/backup.js';
import { dossierHandlers } from './handlers/dossiers.js';
import { handlingHandlers } from './handlers/handling.js';
import { incomingHandlers } from './handlers/incoming.js';
import { outgoingHandlers } from './handlers/outgoing.js';
import { reportHandlers } from './handlers/reports.js';
import { setupHandlers } from './handlers/setup.js';
import { syncHandlers } from './handlers/sync.js';
import { signingHandlers } from './handlers/signing.js';
import { exchangeHandlers } from './handlers/exchange.js';
import { accessHandlers } from './handlers/access.js';
import { searchHandlers } from './handlers/search.js';
import { unitHandlers } from './handlers/units.js';
import type { Handlers, Services } from './handlers/types.js';

export const SLICES = [
  setupHandlers,
  adminHandlers,
  incomingHandlers,
  attachmentHandlers,
  handlingHandlers,
  outgoingHandlers,
  dossierHandlers,
  reportHandlers,
  backupHandlers,
  syncHandlers,
  signingHandlers,
  exchangeHandlers,
  accessHandlers,
  searchHandlers,
  unitHandlers,
] as const;

type MapsOf<T extends readonly unknown[]> = { [I in keyof T]: T[I] extends (services: Services) => infer R ? R : never };
type SliceMaps = MapsOf<typeof SLICES>;
type Claimed<T extends readonly object[]> = T extends readonly [infer H, ...infer R extends readonly object[]]
  ? keyof H | Claimed<R>
  : never;
type ClaimedTwice<T extends readonly object[], Seen = never> = T extends readonly [infer H, ...infer R extends readonly object[]]
  ? (keyof H & Seen) | ClaimedTwice<R, Seen | keyof H>
  : never;
type Expect<T extends true> = T;
type IsNever<T> = [T] extends [never] ? true : false;
// A compile error here names the method: one without a handler, or one handled twice.
export type EveryMethodHandled = Expect<IsNever<Exclude<MethodName, Claimed<SliceMaps>>>>;
export type NoMethodHandledTwice = Expect<IsNever<ClaimedTwice<SliceMaps>>>;

/** Every slice built over the services and merged; throws on a gap or an overlap the types did not see. */
export function assembleHandlers(services: Services, methods: readonly MethodName[]): Handlers {
  const map: Record<string, unknown> = {};
  for (const slice of SLICES) {
    for (const [method, handler] of Object.entries(slice(services))) {
      if (method in map) throw new Error(`two handlers for ${method}`);
      map[method] = handler;
    }
  }
  const missing = methods.filter((m) => !(m in map));
  if (missing.length) throw new Error(`no handler for ${missing.join(', ')}`);
  return map as Handlers;
}
