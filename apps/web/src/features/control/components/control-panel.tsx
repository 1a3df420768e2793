import { Permission, type BotPauseState } from '@dnb/contracts';
import { memo, useId, useState } from 'react';
import { LocalTime } from '@/components/ui/local-time';
import { Skeleton } from '@/components/ui/skeleton';
import { StatusBadge } from '@/components/ui/status-badge';
import { showErrorToast } from '@/components/ui/toast';
import { isApiError } from '@/lib/api-client';
import { useStepUp } from '@/lib/auth/step-up';
import { useCan, useSession } from '@/lib/auth/use-session';
import type { LiveState } from '@/lib/live/live-state';
import { usePause } from '../api/pause';
import { useResume } from '../api/resume';
import { reasonProblem } from '../reason';
import { EmergencyStopDialog } from './emergency-stop-dialog';
import { HoldButton } from './hold-button';
import { Modal } from './modal';
import { PauseAllDialog } from './pause-all-dialog';
import { ReasonField } from './reason-field';
import { StepUpFields } from './step-up-fields';

const ADMIN_ONLY = 'Needs the admin role.';

/** Memoised: the feed keeps the pause state's object until it changes, so other messages skip it. */
const PauseStatus = memo(function PauseStatus({ pause }: { pause: BotPauseState | null }) {
  if (!pause) return <StatusBadge tone="neutral">Unknown</StatusBadge>;
  if (!pause.paused) return <StatusBadge tone="success">Running</StatusBadge>;
  return <StatusBadge tone={pause.scope === 'all' ? 'danger' : 'warning'}>Paused: {pause.scope}</StatusBadge>;
});

/** A control the role may not use: shown disabled, with why (from the shared matrix). */
function Denied({ children, reason }: { children: string; reason: string }) {
  const id = useId();
  return (
    <span className="control-denied">
      <button type="button" className="button button-secondary" disabled aria-describedby={id}>
        {children}
      </button>
      <span id={id} className="field-hint muted">
        {reason}
      </span>
    </span>
  );
}

/** After an emergency stop the API wants a fresh login to resume: ask for the password here. */
function ResumeStepUp({ onDone, onClose }: { onDone: () => void; onClose: () => void }) {
  const { user } = useSession();
  const stepUp = useStepUp();
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  return (
    <Modal title="Confirm it is you" onClose={onClose}>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          stepUp.mutate({ password, totp: user?.mfa_enabled ? totp : undefined }, { onSuccess: onDone });
        }}
      >
        <StepUpFields password={password} totp={totp} mfa={user?.mfa_enabled ?? false} onPassword={setPassword} onTotp={setTotp} />
        {stepUp.isError && (
          <p className="field-error" role="alert">
            {stepUp.error.message}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="button" disabled={!password || stepUp.isPending}>
            Confirm and resume
          </button>
          <button type="button" className="button button-secondary" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Modal>
  );
}

/**
 * Spec 4.1's control panel with Q15's progressive friction: Pause Entry at once, Pause All after
 * a confirmation, Emergency Stop after a 3 s hold, the impact, typing STOP and (for an old login)
 * the password. Controls the role may not use are disabled with the reason; a viewer gets none.
 */
export function ControlPanel({ live }: { live: LiveState | undefined }) {
  const { user } = useSession();
  const canEntry = useCan(Permission.ControlPauseEntry);
  const canAll = useCan(Permission.ControlPauseAll);
  const canStop = useCan(Permission.ControlEmergencyStop);
  const canResumeEntryExit = useCan(Permission.ControlResumeEntryExit);
  const canResumeAny = useCan(Permission.ControlResumeAny);
  const pause = usePause();
  const resume = useResume();
  const [reason, setReason] = useState('');
  const [dialog, setDialog] = useState<'none' | 'pause-all' | 'emergency' | 'resume-step-up'>('none');
  const holdHintId = useId();

  const pauseState = live?.pause_state ?? null;
  const reasonOk = reasonProblem(reason) === null;
  const anyControl = canEntry || canAll || canStop || canResumeEntryExit;
  const resumable = pauseState?.paused === true;
  const canResumeThis =
    resumable && (canResumeAny || (canResumeEntryExit && (pauseState.scope === 'entry' || pauseState.scope === 'exit')));
  const needReason = reasonOk ? undefined : 'Give a reason first.';
  const close = () => setDialog('none');

  const doResume = () =>
    resume.mutate(
      { reason },
      {
        onSuccess: () => setReason(''),
        onError: (error) => {
          if (isApiError(error) && error.code === 'STEP_UP_REQUIRED') setDialog('resume-step-up');
          else showErrorToast('Resume failed', error);
        },
      },
    );

  return (
    <section className="card dashboard-section control-panel" aria-labelledby="control-heading" data-testid="control-panel">
      <div className="section-header">
        <h2 id="control-heading">Control panel</h2>
      </div>
      <dl className="facts">
        <div>
          <dt>Status</dt>
          <dd data-testid="pause-status">
            <PauseStatus pause={pauseState} />
          </dd>
        </div>
        {/* The row is there while loading too, so the panel keeps its height when the data comes (CLS). */}
        <div>
          <dt>Last update</dt>
          <dd>{live ? <LocalTime date={new Date(live.updated_at)} /> : <Skeleton width="5rem" height="1.2em" />}</dd>
        </div>
      </dl>
      {!anyControl ? (
        <p className="muted" data-testid="no-controls">
          Your role ({user?.role ?? 'none'}) can watch the bot but not control it.
        </p>
      ) : (
        <div className="controls">
          <ReasonField value={reason} onChange={setReason} />
          <div className="actions control-actions">
            {canEntry ? (
              <button
                type="button"
                className="button button-warning"
                disabled={!reasonOk || pause.isPending}
                title={needReason}
                onClick={() => pause.mutate({ scope: 'entry', reason }, { onSuccess: () => setReason('') })}
              >
                Pause Entry
              </button>
            ) : (
              <Denied reason="Needs the operator role.">Pause Entry</Denied>
            )}
            {canAll ? (
              <button
                type="button"
                className="button button-warning"
                disabled={!reasonOk || pause.isPending}
                title={needReason}
                onClick={() => setDialog('pause-all')}
              >
                Pause All
              </button>
            ) : (
              <Denied reason={ADMIN_ONLY}>Pause All</Denied>
            )}
            {resumable &&
              (canResumeThis ? (
                <button type="button" className="button" disabled={!reasonOk || resume.isPending} title={needReason} onClick={doResume}>
                  Resume
                </button>
              ) : (
                <Denied reason={`Resuming a "${pauseState.scope}" pause needs the admin role.`}>Resume</Denied>
              ))}
          </div>
          <div className="emergency">
            {canStop ? (
              <>
                <HoldButton disabled={!reasonOk} onHeld={() => setDialog('emergency')} describedBy={holdHintId}>
                  Emergency Stop
                </HoldButton>
                <p id={holdHintId} className="field-hint muted">
                  {reasonOk ? 'Hold for 3 seconds (or hold Space / Enter) to continue.' : 'Give a reason, then hold for 3 seconds.'}
                </p>
              </>
            ) : (
              <Denied reason={ADMIN_ONLY}>Emergency Stop</Denied>
            )}
          </div>
        </div>
      )}
      {dialog === 'pause-all' && (
        <PauseAllDialog
          reason={reason}
          busy={pause.isPending}
          onClose={close}
          onConfirm={() =>
            pause.mutate(
              { scope: 'all', reason },
              {
                onSuccess: () => setReason(''),
                onSettled: close,
              },
            )
          }
        />
      )}
      {dialog === 'emergency' && (
        <EmergencyStopDialog
          initialReason={reason}
          onClose={() => {
            close();
          }}
        />
      )}
      {dialog === 'resume-step-up' && (
        <ResumeStepUp
          onClose={close}
          onDone={() => {
            close();
            doResume();
          }}
        />
      )}
    </section>
  );
}
