import { useFeedStatus } from '@/lib/live/feed-status';
import { LocalTime } from './local-time';
import { ToneIcon, type Tone } from './status-badge';

/** The live feed's state in the header: Live, Connecting, Reconnecting, or Stale since hh:mm. */
export function LiveIndicator() {
  const status = useFeedStatus();
  let tone: Tone = 'success';
  let label = 'Live';
  if (status.state === 'connecting') {
    tone = 'info';
    label = 'Connecting…';
  } else if (status.state === 'reconnecting') {
    tone = 'warning';
    label = 'Reconnecting…';
  } else if (status.state === 'offline') {
    tone = 'offline';
    label = 'Offline';
  }
  const stale = status.state !== 'live' && status.staleSince !== null ? new Date(status.staleSince) : null;
  return (
    <span
      className={`live-indicator tone-${tone}`}
      data-testid="live-indicator"
      data-state={status.state}
      data-gaps={status.gaps}
      role="status"
      title={status.reason ?? undefined}
    >
      <ToneIcon tone={tone} size={18} />
      <span className="live-indicator-text">
        <span className="live-indicator-label">{label}</span>
        {stale && (
          <span className="live-indicator-stale" data-testid="live-stale-since">
            Stale since <LocalTime date={stale} seconds={false} />
          </span>
        )}
      </span>
    </span>
  );
}
