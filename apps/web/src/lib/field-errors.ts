import { isApiError } from './api-client';

/** Field name -> messages, from a 400's `errors: [{field, messages}]`; empty for any other error. */
export type FieldErrors = Readonly<Record<string, readonly string[]>>;

export function fieldErrorsOf(error: unknown): FieldErrors {
  if (!isApiError(error) || !Array.isArray(error.errors)) return {};
  const out: Record<string, string[]> = {};
  for (const item of error.errors as unknown[]) {
    if (typeof item !== 'object' || item === null) continue;
    const { field, messages } = item as { field?: unknown; messages?: unknown };
    if (typeof field !== 'string' || !Array.isArray(messages)) continue;
    (out[field] ??= []).push(...messages.filter((m): m is string => typeof m === 'string'));
  }
  return out;
}

/** The messages for one field (the API names nested fields with dots, e.g. config.risk.max_leverage). */
export function messagesFor(errors: FieldErrors, field: string): readonly string[] {
  return errors[field] ?? [];
}
