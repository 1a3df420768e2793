import { PAUSE_SCOPES } from '@dnb/contracts';
import { z } from 'zod';

export const pauseBody = z.object({
  api_key: z.string(),
  reason: z.string(),
  scope: z.enum(PAUSE_SCOPES).optional(),
});

export const resumeBody = z.object({ api_key: z.string() });

export const emergencyStopBody = z.object({ api_key: z.string(), reason: z.string() });

export const configPutBody = z.object({ api_key: z.string(), config: z.record(z.string(), z.unknown()) });

export type ParseResult<T> = { ok: true; value: T } | { ok: false; detail: string };

/** Validates a body and words the first problem like pydantic ("body.reason: Field required"). */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): ParseResult<T> {
  if (body === undefined || body === null) return { ok: false, detail: 'body: Field required' };
  const parsed = schema.safeParse(body);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0]!;
  const where = ['body', ...issue.path.map(String)].join('.');
  const missing = issue.code === 'invalid_type' && issue.message.endsWith('received undefined');
  return { ok: false, detail: `${where}: ${missing ? 'Field required' : issue.message}` };
}
