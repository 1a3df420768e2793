import type { BotPauseState } from '@dnb/contracts';
import { useCallback, useSyncExternalStore } from 'react';
import { LocalTime } from '@/components/ui/local-time';
import { StatusBadge } from '@/components/ui/status-badge';
import type { LiveState } from '@/lib/live/live-state';
import { useLiveState } from '@/lib/live/use-live-state';
import { parseWireTime } from '@/lib/time';

/** Remembered per browser: which pause was acknowledged (a new pause needs its own). */
export const PAUSE_ACK_KEY = 'dnb.pause-ack';
const ackListeners = new Set<() => void>();

export function pauseIdentity(pause: BotPauseState): string {
  return [pause.scope, pause.paused_at ?? '', pause.reason ?? ''].join('|');
}

function readAck(): string | null {
  try {
    return localStorage.getItem(PAUSE_ACK_KEY);
  } catch {
    return null;
  }
}

function writeAck(identity: string): void {
  try {
    localStorage.setItem(PAUSE_ACK_KEY, identity);
  } catch {
    // Storage blocked: the acknowledgement lasts for this page only.
  }
  ackListeners.forEach((l) => l());
}

function subscribeAck(listener: () => void): () => void {
  ackListeners.add(listener);
  window.addEventListener('storage', listener);
  return () => {
    ackListeners.delete(listener);
    window.removeEventListener('storage', listener);
  };
}

/** The banner's slice of the live state: it re-renders when the pause changes, not on every feed message. */
const selectPause = (live: LiveState) => live.pause_state;

const SCOPE_TEXT: Record<BotPauseState['scope'], string> = {
  all: 'everything',
  entry: 'new entries',
  exit: 'exits',
  asgard: 'Asgard (Solana) operations',
  hyperliquid: 'Hyperliquid operations',
};

/**
 * Q18: while the bot is paused, every page says so, whatever the socket does (the live state is
 * polled every 10 s while the socket is down), across reloads, until a resume clears it. It
 * starts as an alert; acknowledging it (remembered in this browser) makes it quieter, not gone.
 */
export function PauseBanner() {
  const ack = useSyncExternalStore(subscribeAck, readAck);
  const pause = useLiveState(selectPause).data;
  const acknowledge = useCallback(() => pause && writeAck(pauseIdentity(pause)), [pause]);
  if (!pause?.paused) return null;
  const acknowledged = ack === pauseIdentity(pause);
  const since = parseWireTime(pause.paused_at);
  return (
    <div
      className={`pause-banner ${acknowledged ? 'pause-banner-acknowledged' : ''}`}
      role={acknowledged ? 'status' : 'alert'}
      data-testid="pause-banner"
      data-scope={pause.scope}
      data-acknowledged={acknowledged}
    >
      <StatusBadge tone={pause.scope === 'all' ? 'danger' : 'warning'}>Bot paused: {pause.scope}</StatusBadge>
      <p className="pause-banner-text">
        <strong>The bot is not doing {SCOPE_TEXT[pause.scope]}.</strong> {pause.reason ? `Reason: ${pause.reason}.` : null}
        {pause.active_breakers.length ? ` Circuit breakers: ${pause.active_breakers.join(', ')}.` : null}
        {since ? (
          <>
            {' '}
            Since <LocalTime date={since} />
            {pause.paused_by ? ` by ${pause.paused_by}` : ''}.
          </>
        ) : null}
      </p>
      {!acknowledged && (
        <button type="button" className="button button-secondary" onClick={acknowledge}>
          Acknowledge
        </button>
      )}
    </div>
  );
}
