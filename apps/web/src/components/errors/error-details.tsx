import { isApiError } from '@/lib/api-client';

function describe(error: unknown): { title: string; message: string } {
  if (isApiError(error)) {
    if (error.isUnreachable) return { title: 'Cannot reach the control center API', message: error.message };
    return { title: error.status ? `The API answered ${error.status}` : 'Unexpected answer from the API', message: error.message };
  }
  if (
    error instanceof Error &&
    /dynamically imported module|Importing a module script failed|error loading dynamically/i.test(error.message)
  ) {
    return {
      title: 'This page could not be loaded',
      message: `The control center may have been updated or the connection dropped; reload the page. (${error.message})`,
    };
  }
  if (error instanceof Error) return { title: 'Something went wrong', message: error.message };
  if (typeof error === 'string') return { title: 'Something went wrong', message: error };
  return { title: 'Something went wrong', message: 'An unknown error occurred.' };
}

/** What went wrong, with the correlation id the API gave (quote it when reporting the problem). */
export function ErrorDetails({ error, headingLevel = 2 }: { error: unknown; headingLevel?: 1 | 2 | 3 }) {
  const { title, message } = describe(error);
  const Heading = `h${headingLevel}` as const;
  return (
    <div className="error-details">
      <Heading className="error-details-title">{title}</Heading>
      <p className="error-details-message">{message}</p>
      {isApiError(error) && (
        <dl className="facts">
          {error.code && (
            <div>
              <dt>Code</dt>
              <dd>
                <code>{error.code}</code>
              </dd>
            </div>
          )}
          <div>
            <dt>Request</dt>
            <dd>
              <code>
                {error.method} {error.path}
              </code>
            </dd>
          </div>
          {error.correlationId && (
            <div>
              <dt>Correlation ID</dt>
              <dd>
                <code data-testid="correlation-id">{error.correlationId}</code>
              </dd>
            </div>
          )}
        </dl>
      )}
    </div>
  );
}
