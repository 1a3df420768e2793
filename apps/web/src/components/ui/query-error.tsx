import { ErrorDetails } from '@/components/errors/error-details';

/** A failed read inside a page: what failed, the correlation id, and a retry. */
export function QueryError({ error, onRetry, title }: { error: unknown; onRetry?: () => void; title?: string }) {
  return (
    <div className="card error-card" role="alert">
      {title && <p className="error-context">{title}</p>}
      <ErrorDetails error={error} headingLevel={3} />
      {onRetry && (
        <div className="actions">
          <button type="button" className="button button-secondary" onClick={onRetry}>
            Try again
          </button>
        </div>
      )}
    </div>
  );
}
