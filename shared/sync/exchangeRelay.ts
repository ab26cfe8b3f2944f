// The sync server's relay of edXML messages between units (#18): what a PC sends and receives.
import { z } from 'zod';
import { ORGAN_ID_PATTERN } from '../domain/exchange.js';
import { SHA256_PATTERN } from './protocol.js';

const messageId = z.string().regex(/^[0-9A-Za-z-]{8,64}$/);

export const relaySendSchema = z.object({
  id: messageId,
  to: z.string().regex(ORGAN_ID_PATTERN),
  kind: z.enum(['package', 'status']),
  sha256: z.string().regex(SHA256_PATTERN),
});
export type RelaySend = z.infer<typeof relaySendSchema>;

export const relayInboxSchema = z.object({
  messages: z.array(
    z.object({
      id: messageId,
      from: z.string(),
      kind: z.enum(['package', 'status']),
      sha256: z.string().regex(SHA256_PATTERN),
      size: z.number().int().nonnegative(),
    }),
  ),
});
export type RelayInbox = z.infer<typeof relayInboxSchema>;

export const relayTakenSchema = z.object({ ids: z.array(messageId).min(1).max(100) });

/** The office setting holding the unit's mã định danh: the server reads it from the unit's signed settings. */
export const ORGAN_ID_SETTING = 'exchange.organId';
