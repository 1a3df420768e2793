import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
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

/** Validated inputs kept per DTO class (the oldest is dropped past this). */
const CACHE_PER_CLASS = 500;
/** Inputs larger than this (as JSON) are validated every time and not kept. */
const CACHE_MAX_INPUT = 1024;

type Plain = string | number | boolean | null | undefined;
type DtoClass = new () => object;

/**
 * ValidationPipe that remembers what it made of query strings and path parameters: those
 * repeat (every dashboard poll sends the same ones) and class-transformer + class-validator
 * cost tens of microseconds per request. Only successful results made of plain values are
 * kept, per DTO class and exact input; each request gets its own copy. Bodies are always
 * validated in full.
 */
export class CachingValidationPipe extends ValidationPipe {
  private readonly validated = new WeakMap<DtoClass, Map<string, Record<string, Plain | Plain[]>>>();

  /**
   * The DTO this pipe made before from the same query or params, without validating again;
   * undefined when it has not seen that input (or could not remember it): then run transform.
   */
  knownNow<T extends object>(value: unknown, metadata: ArgumentMetadata & { metatype: new () => T }): T | undefined {
    if ((metadata.type !== 'query' && metadata.type !== 'param') || !isStringRecord(value)) return undefined;
    const input = JSON.stringify(value);
    const known = this.validated.get(metadata.metatype)?.get(`${metadata.data ?? ''}\u0000${input}`);
    return known ? (instanceOf(metadata.metatype, known) as T) : undefined;
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const metatype = metadata.metatype as DtoClass | undefined;
    if ((metadata.type !== 'query' && metadata.type !== 'param') || typeof metatype !== 'function' || !isStringRecord(value)) {
      return super.transform(value, metadata);
    }
    const input = JSON.stringify(value);
    if (input.length > CACHE_MAX_INPUT) return super.transform(value, metadata);
    const key = `${metadata.data ?? ''}\u0000${input}`;
    let byInput = this.validated.get(metatype);
    const known = byInput?.get(key);
    if (known) return instanceOf(metatype, known);

    const result: unknown = await super.transform(value, metadata);
    const fields = result instanceof metatype ? plainFields(result) : undefined;
    if (fields) {
      if (!byInput) this.validated.set(metatype, (byInput = new Map()));
      if (byInput.size >= CACHE_PER_CLASS) byInput.delete(byInput.keys().next().value!);
      byInput.set(key, fields);
    }
    return result;
  }
}

/** A query or params object as Fastify parses it: strings, or arrays of strings for repeated keys. */
function isStringRecord(value: unknown): value is Record<string, string | string[]> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  // Fastify's parser (fast-querystring) makes `new Empty()`, whose prototype is itself Object.create(null).
  const proto = Object.getPrototypeOf(value) as object | null;
  if (proto !== null && proto !== Object.prototype && (Object.getPrototypeOf(proto) !== null || Reflect.ownKeys(proto).length))
    return false;
  for (const item of Object.values(value)) {
    if (typeof item === 'string') continue;
    if (Array.isArray(item) && item.every((v) => typeof v === 'string')) continue;
    return false;
  }
  return true;
}

/** The own fields of a validated DTO if they are all plain values (or arrays of them); else undefined. */
function plainFields(dto: object): Record<string, Plain | Plain[]> | undefined {
  const fields: Record<string, Plain | Plain[]> = {};
  for (const [name, item] of Object.entries(dto)) {
    if (Array.isArray(item)) {
      if (!item.every(isPlain)) return undefined;
      fields[name] = [...(item as Plain[])];
    } else if (isPlain(item)) fields[name] = item;
    else return undefined;
  }
  return fields;
}

function isPlain(value: unknown): value is Plain {
  return value === null || value === undefined || ['string', 'number', 'boolean'].includes(typeof value);
}

/** A fresh DTO instance with the remembered fields (arrays copied, so no request can change another's). */
function instanceOf(metatype: DtoClass, fields: Record<string, Plain | Plain[]>): object {
  const dto = new metatype() as Record<string, Plain | Plain[]>;
  for (const [name, item] of Object.entries(fields)) dto[name] = Array.isArray(item) ? [...item] : item;
  return dto;
}

/** Strict input: unknown fields are refused (no mass assignment), types are converted. */
export function createValidationPipe(): CachingValidationPipe {
  return new CachingValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => AppException.validation(toFieldErrors(errors)),
  });
}
