import { memo } from 'react';
import { LocalTime } from '@/components/ui/local-time';
import { Pnl } from '@/components/ui/pnl';
import { Skeleton } from '@/components/ui/skeleton';
import { ToneIcon } from '@/components/ui/status-badge';
import { ErrorDetails } from '@/components/errors/error-details';
import { parseWireTime } from '@/lib/time';
import { useRecentActivity } from '../api/get-recent-activity';

/** Spec 4.1's recent activity: closes, circuit breakers and alerts, newest first (no props: feed messages do not re-render it). */
export const RecentActivity = memo(function RecentActivity() {
  const activity = useRecentActivity();
  return (
    <section className="card dashboard-section" aria-labelledby="activity-heading">
      <h2 id="activity-heading">Recent activity</h2>
      {activity.isPending ? (
        <ul className="activity-list" aria-busy="true">
          {[0, 1, 2].map((i) => (
            <li key={i}>
              <Skeleton width="80%" />
            </li>
          ))}
        </ul>
      ) : activity.isError ? (
        <ErrorDetails error={activity.error} headingLevel={3} />
      ) : activity.data.length === 0 ? (
        <p className="muted">Nothing has happened yet.</p>
      ) : (
        <ul className="activity-list" data-testid="activity-list">
          {activity.data.map((item) => {
            const at = parseWireTime(item.at);
            return (
              <li key={item.key} className="activity-item">
                <ToneIcon tone={item.tone} size={16} />
                {at && <LocalTime date={at} className="activity-time" />}
                <span className="activity-text">{item.text}</span>
                {item.pnl !== undefined && <Pnl value={item.pnl} />}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
});
