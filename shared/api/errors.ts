// Errors cross every boundary as { code, message, field? }: message in Vietnamese, no stack.
export const ERROR_CODES = [
  'VALIDATION',
  'DUPLICATE',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'LOCKED',
  'NOT_FOUND',
  'CONFLICT',
  'ALREADY_INITIALIZED',
  'NOT_INITIALIZED',
  'UNKNOWN_METHOD',
  'BAD_REQUEST',
  'TOO_LARGE',
  'NEWER_DATABASE',
  'PDF_ENCRYPTED',
  'PDF_BROKEN',
  'FILE_TYPE',
  'FILE_DAMAGED',
  /** A workbook or backup that cannot be read: password, damage, wrong structure. */
  'FILE_UNREADABLE',
  /** Signing did not happen: the token, the PIN, the key; the file is as it was. */
  'SIGN_FAILED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiError {
  code: ErrorCode;
  message: string;
  field?: string;
  /** Extra facts for the UI, e.g. the existing number of a duplicate. */
  details?: Record<string, unknown>;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, opts: { field?: string; details?: Record<string, unknown> } = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.field = opts.field;
    this.details = opts.details;
  }

  toJSON(): ApiError {
    const out: ApiError = { code: this.code, message: this.message };
    if (this.field) out.field = this.field;
    if (this.details) out.details = this.details;
    return out;
  }
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };
