import { cloneElement, useId, type ReactElement, type ReactNode } from 'react';
import { isApiError } from '@/lib/api-client';

interface FormFieldProps {
  label: ReactNode;
  /** The input, select or textarea; it receives id, aria-invalid and aria-describedby. */
  children: ReactElement<{ id?: string; 'aria-invalid'?: boolean; 'aria-describedby'?: string }>;
  hint?: ReactNode;
  errors?: readonly string[];
  className?: string;
}

/** A labelled control with its hint and the API's field-level errors, announced with the control. */
export function FormField({ label, children, hint, errors = [], className }: FormFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, errors.length ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['field', 'form-field', className].filter(Boolean).join(' ')} data-invalid={errors.length > 0 || undefined}>
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, { id, 'aria-invalid': errors.length > 0 || undefined, 'aria-describedby': describedBy })}
      {hint && (
        <p id={hintId} className="form-hint">
          {hint}
        </p>
      )}
      {errors.length > 0 && (
        <p id={errorId} className="form-error">
          {errors.join('; ')}
        </p>
      )}
    </div>
  );
}

/**
 * A form's failed submit that is not about one shown field: the API's message and the
 * correlation id to quote. Field-level messages are shown at their fields instead.
 */
export function FormErrorSummary({ error }: { error: unknown }) {
  if (!error) return null;
  const message =
    isApiError(error) && error.isUnreachable
      ? 'The control center API is not answering; try again in a moment.'
      : error instanceof Error
        ? error.message
        : String(error);
  return (
    <div className="form-summary-error" role="alert">
      <p>{message}</p>
      {isApiError(error) && (
        <p className="muted">
          {error.code}
          {error.correlationId && (
            <>
              {' · '}Correlation ID <code data-testid="correlation-id">{error.correlationId}</code>
            </>
          )}
        </p>
      )}
    </div>
  );
}
