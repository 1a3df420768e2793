import { useId, useState, type FormEvent } from 'react';
import { ErrorDetails } from '@/components/errors/error-details';
import { Pnl } from '@/components/ui/pnl';
import { Skeleton } from '@/components/ui/skeleton';
import { isApiError } from '@/lib/api-client';
import { needsStepUp } from '@/lib/auth/step-up-policy';
import { useStepUp } from '@/lib/auth/step-up';
import { useSession } from '@/lib/auth/use-session';
import { formatUsd } from '@/lib/format';
import { useEmergencyStop } from '../api/emergency-stop';
import { usePreview } from '../api/get-preview';
import { reasonProblem } from '../reason';
import { Modal } from './modal';
import { ReasonField } from './reason-field';
import { StepUpFields } from './step-up-fields';

export const CONFIRM_WORD = 'STOP';

/**
 * Q15's last steps: the impact (GET /control/preview), a reason, typing STOP, and the password
 * again when the login is older than 15 minutes (or when the API says so: STEP_UP_REQUIRED).
 */
export function EmergencyStopDialog({ initialReason, onClose }: { initialReason: string; onClose: () => void }) {
  const { user } = useSession();
  const preview = usePreview('emergency-stop');
  const stop = useEmergencyStop();
  const stepUp = useStepUp();
  const [reason, setReason] = useState(initialReason);
  const [typed, setTyped] = useState('');
  const [stepUpNeeded, setStepUpNeeded] = useState(() => needsStepUp());
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const confirmId = useId();
  const mfa = user?.mfa_enabled ?? false;

  const ready =
    reasonProblem(reason) === null && typed === CONFIRM_WORD && (!stepUpNeeded || (password !== '' && (!mfa || totp.length >= 6)));
  const busy = stop.isPending || stepUp.isPending;
  const failure = stepUp.error ?? stop.error;
  // STEP_UP_REQUIRED is not shown as an error: it brings up the password fields.
  const error = isApiError(failure) && failure.code === 'STEP_UP_REQUIRED' ? null : failure;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!ready || busy) return;
    try {
      if (stepUpNeeded) {
        await stepUp.mutateAsync({ password, totp: mfa ? totp : undefined });
        setStepUpNeeded(false);
      }
      await stop.mutateAsync({ reason });
      onClose();
    } catch (caught) {
      if (isApiError(caught) && caught.code === 'STEP_UP_REQUIRED') setStepUpNeeded(true);
    }
  };

  const positions = preview.data?.positions_to_close ?? [];
  return (
    <Modal title="Confirm emergency stop" onClose={onClose} danger>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate data-testid="emergency-stop-dialog">
        <section aria-labelledby={`${confirmId}-impact`} className="impact">
          <h3 id={`${confirmId}-impact`}>What this does</h3>
          {preview.isPending ? (
            <Skeleton height="4rem" />
          ) : preview.isError ? (
            <ErrorDetails error={preview.error} headingLevel={3} />
          ) : (
            <>
              <p data-testid="impact-effect">{preview.data.effect}</p>
              {preview.data.supported === false && (
                <p className="field-error">The bot reports that it does not support an emergency stop.</p>
              )}
              <p data-testid="impact-summary">
                <strong>{positions.length}</strong> {positions.length === 1 ? 'position' : 'positions'} to close,{' '}
                {formatUsd(preview.data.total_deployed_usd)} deployed, PnL <Pnl value={preview.data.total_pnl_usd} />.
              </p>
              {positions.length > 0 && (
                <ul className="impact-list">
                  {positions.map((p) => (
                    <li key={p.position_id}>
                      {p.asset} · {formatUsd(p.deployed_usd)} · <Pnl value={p.total_pnl_usd} />
                    </li>
                  ))}
                </ul>
              )}
              <p className="muted">It cannot be undone: an admin must resume the bot afterwards.</p>
            </>
          )}
        </section>
        <ReasonField value={reason} onChange={setReason} />
        <div className="field">
          <label htmlFor={confirmId}>
            Type <strong>{CONFIRM_WORD}</strong> to confirm
          </label>
          <input
            id={confirmId}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            data-autofocus
          />
        </div>
        {stepUpNeeded && <StepUpFields password={password} totp={totp} mfa={mfa} onPassword={setPassword} onTotp={setTotp} />}
        {error && (
          <div className="form-error" role="alert">
            <ErrorDetails error={error} headingLevel={3} />
          </div>
        )}
        <div className="actions">
          <button type="submit" className="button button-danger" disabled={!ready || busy}>
            {busy ? 'Stopping…' : 'Stop everything'}
          </button>
          <button type="button" className="button button-secondary" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Modal>
  );
}
