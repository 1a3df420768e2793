import { ValidationPipe, type ValidationError } from '@nestjs/common';
import type { FieldError } from '@dnb/contracts';
import { AppException } from './app.exception';

/** Flattens class-validator's nested errors into `{field: "a.b.c", messages}`. */
export function toFieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own: FieldError[] = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...toFieldErrors(error.children ?? [], field)];
  });
}

/** Strict input: unknown fields are refused (no mass assignment), types are converted. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => AppException.validation(toFieldErrors(errors)),
  });
}
