import { useId, useState, type FormEvent } from 'react';
import { useChangePassword } from '../api/change-password';
import { FormError } from './form-error';

/** The first sign-in with a password an admin set: the API allows nothing else until it changes. */
export function ChangePasswordForm({ onChanged }: { onChanged: () => void }) {
  const change = useChangePassword();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const ids = { current: useId(), next: useId(), again: useId() };
  const mismatch = again !== '' && next !== again;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (mismatch) return;
    change.mutate({ current_password: current, new_password: next }, { onSuccess: onChanged });
  };

  return (
    <form className="auth-form" onSubmit={submit} noValidate>
      <p>Choose a new password before you continue.</p>
      <div className="field">
        <label htmlFor={ids.current}>Current password</label>
        <input
          id={ids.current}
          type="password"
          autoComplete="current-password"
          required
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={ids.next}>New password</label>
        <input id={ids.next} type="password" autoComplete="new-password" required value={next} onChange={(e) => setNext(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={ids.again}>New password again</label>
        <input
          id={ids.again}
          type="password"
          autoComplete="new-password"
          required
          aria-invalid={mismatch}
          value={again}
          onChange={(e) => setAgain(e.target.value)}
        />
        {mismatch && <p className="field-error">The two new passwords differ.</p>}
      </div>
      <FormError error={change.error} />
      <div className="actions">
        <button type="submit" className="button" disabled={change.isPending || !current || !next || next !== again}>
          {change.isPending ? 'Saving…' : 'Change password'}
        </button>
      </div>
    </form>
  );
}
