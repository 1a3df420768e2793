import { useId } from 'react';
import { REASON_MAX, reasonProblem } from '../reason';

/** The reason every control action needs (3-500 characters), with what is wrong once touched. */
export function ReasonField({
  value,
  onChange,
  label = 'Reason',
  autoFocus,
}: {
  value: string;
  onChange: (value: string) => void;
  label?: string;
  autoFocus?: boolean;
}) {
  const id = useId();
  const problem = value === '' ? null : reasonProblem(value);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        value={value}
        maxLength={REASON_MAX + 50}
        rows={2}
        required
        aria-invalid={problem !== null}
        aria-describedby={`${id}-hint`}
        onChange={(e) => onChange(e.target.value)}
        data-autofocus={autoFocus ? true : undefined}
      />
      <p id={`${id}-hint`} className={problem ? 'field-error' : 'field-hint muted'}>
        {problem ?? `Required, 3 to ${REASON_MAX} characters; recorded in the audit log.`}
      </p>
    </div>
  );
}
