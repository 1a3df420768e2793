import { useId } from 'react';

/** Password (and code, with two-factor on) to prove a login older than 15 minutes again (Q15). */
export function StepUpFields({
  password,
  totp,
  mfa,
  onPassword,
  onTotp,
}: {
  password: string;
  totp: string;
  mfa: boolean;
  onPassword: (value: string) => void;
  onTotp: (value: string) => void;
}) {
  const ids = { password: useId(), totp: useId() };
  return (
    <fieldset className="step-up" data-testid="step-up">
      <legend>Confirm it is you</legend>
      <p className="field-hint muted">Your sign-in is older than 15 minutes: enter your password again.</p>
      <div className="field">
        <label htmlFor={ids.password}>Your password</label>
        <input
          id={ids.password}
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => onPassword(e.target.value)}
        />
      </div>
      {mfa && (
        <div className="field">
          <label htmlFor={ids.totp}>Authentication code</label>
          <input id={ids.totp} inputMode="numeric" autoComplete="one-time-code" value={totp} onChange={(e) => onTotp(e.target.value)} />
        </div>
      )}
    </fieldset>
  );
}
