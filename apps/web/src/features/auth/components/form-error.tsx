import { isApiError } from '@/lib/api-client';

/** What went wrong with a form's request, with the correlation id when the API gave one. */
export function FormError({ error }: { error: unknown }) {
  if (!error) return null;
  let message = error instanceof Error ? error.message : String(error);
  if (isApiError(error) && error.code === 'RATE_LIMITED') message = `${message}.`;
  if (isApiError(error) && error.isUnreachable) message = 'The control center API is not answering; try again in a moment.';
  return (
    <div className="form-error" role="alert">
      <p>{message}</p>
      {isApiError(error) && error.correlationId && (
        <p className="muted">
          Correlation ID <code>{error.correlationId}</code>
        </p>
      )}
    </div>
  );
}
