// Errors the endpoint answers: an HTTP status and { code, message } in Vietnamese, which the
// desktop shows as it is.
import type { SyncErrorCode } from '../shared/sync/protocol.js';

const STATUS: Record<SyncErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  TOO_LARGE: 413,
  CLOCK_SKEW: 422,
  HASH_MISMATCH: 422,
  ENROLL_CODE: 400,
  UNIT_HAS_DATA: 409,
  INTERNAL: 500,
};

export class SyncError extends Error {
  constructor(
    readonly code: SyncErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'SyncError';
  }

  get status(): number {
    return STATUS[this.code];
  }

  toJSON(): { code: string; message: string; details?: Record<string, unknown> } {
    return this.details ? { code: this.code, message: this.message, details: this.details } : { code: this.code, message: this.message };
  }
}
