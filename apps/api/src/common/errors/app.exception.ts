import type { ErrorCode, FieldError } from '@dnb/contracts';

/** A coded error the global filter turns into `{statusCode, code, message, errors?, correlationId}`. */
export class AppException extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string,
    readonly errors?: FieldError[],
    /** Extra top-level fields of the answer (e.g. cached data while the bot is down). */
    readonly extra?: Record<string, unknown>,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppException';
  }

  static validation(errors: FieldError[]): AppException {
    const fields = errors.map((e) => e.field).join(', ');
    return new AppException(400, 'VALIDATION_FAILED', `Invalid input: ${fields}`, errors);
  }

  static notFound(message: string): AppException {
    return new AppException(404, 'NOT_FOUND', message);
  }
}
