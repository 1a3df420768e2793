import type { LiveState } from '@/lib/live/live-state';
import { isRecovering } from '@/lib/live/live-state';
import { parseWireTime } from '@/lib/time';
import { LocalTime } from './local-time';
import { StatusBadge } from './status-badge';

/**
 * Q6: while the bot starts or recovers, say so with the progress, never "No positions". While it
 * gives no answer, say that the figures are the last known ones, and as of when.
 */
export function BotStateNotice({ live }: { live: LiveState }) {
  if (isRecovering(live.bot.state)) {
    const progress = live.recovery_progress;
    // The feed adds positions as the bot recovers them; REST's count may be older.
    const found = Math.max(progress?.positions_found ?? 0, Object.keys(live.positions).length);
    const expected = progress?.positions_expected ?? null;
    return (
      <div className="notice notice-info" role="status" data-testid="bot-recovering">
        <span className="spinner" aria-hidden="true" />
        <div>
          <p className="notice-title">Reconnecting to trading bot…</p>
          <p>
            The bot is {live.bot.state === 'starting' ? 'starting' : 'recovering its positions'}
            {expected !== null
              ? `: ${found} of ${expected} positions recovered so far.`
              : found
                ? `: ${found} positions found so far.`
                : '.'}
          </p>
          {expected !== null && expected > 0 && (
            <progress max={expected} value={Math.min(found, expected)} aria-label="Positions recovered">
              {found} of {expected}
            </progress>
          )}
        </div>
      </div>
    );
  }
  if (live.bot_unavailable) {
    const asOf = parseWireTime(live.freshness?.as_of);
    return (
      <div className="notice notice-warning" role="status" data-testid="bot-unavailable">
        <StatusBadge tone="offline">Bot unavailable</StatusBadge>
        <p>
          The trading bot is not answering{live.bot.reason ? ` (${live.bot.reason})` : ''}. Figures below are the last known ones
          {asOf ? (
            <>
              , as of <LocalTime date={asOf} />
            </>
          ) : null}
          .
        </p>
      </div>
    );
  }
  return null;
}
