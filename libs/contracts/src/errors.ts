/** Codes of the API's error answers; the SPA and integrators switch on these, never on messages. */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'BAD_REQUEST',
  'UNAUTHENTICATED',
  'PERMISSION_DENIED',
  'STEP_UP_REQUIRED',
  'PASSWORD_CHANGE_REQUIRED',
  'MFA_ENROLMENT_REQUIRED',
  'MFA_REQUIRED',
  'NOT_FOUND',
  'CONFLICT',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'RATE_LIMITED',
  'BOT_UNAVAILABLE',
  'BOT_TIMEOUT',
  'BOT_INVALID_RESPONSE',
  'BOT_REJECTED',
  'BOT_FEATURE_UNSUPPORTED',
  'SERVICE_UNAVAILABLE',
  'NOT_SUPPORTED',
  'INTERNAL_ERROR',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldError {
  /** Dotted path of the offending field, e.g. "reason" or "config.risk.max_leverage". */
  field: string;
  messages: string[];
}

/** The one error shape every API error answer has. */
export interface ApiErrorBody {
  statusCode: number;
  code: ErrorCode;
  message: string;
  errors?: FieldError[];
  correlationId: string;
}
