import { PRODUCT_NAME } from '@/components/layouts/app-shell';
import { ErrorDetails } from '@/components/errors/error-details';
import { BotStateNotice } from '@/components/ui/bot-state-notice';
import { ActivePositions } from '@/features/dashboard/components/active-positions';
import { PnlChart } from '@/features/dashboard/components/pnl-chart';
import { RecentActivity } from '@/features/dashboard/components/recent-activity';
import { StatusCards } from '@/features/dashboard/components/status-cards';
import { ControlPanel } from '@/features/control/components/control-panel';
import { LocalTime } from '@/components/ui/local-time';
import { memo, useDeferredValue } from 'react';
import { useFeedStatus } from '@/lib/live/feed-status';
import type { LiveState } from '@/lib/live/live-state';
import { useLiveState } from '@/lib/live/use-live-state';

/** Spec 4.1 / 4.2: status cards, active positions beside the control panel, PnL chart, recent activity. */
export function DashboardRoute() {
  const live = useLiveState();
  const feed = useFeedStatus();
  // Feed messages (about one a second) render in the background, in slices React can interrupt,
  // so they never block a phone's main thread for long; this render only passes the last one on.
  const data = useDeferredValue(live.data);
  // Neither the socket nor REST answers: what is on screen is as old as its last update.
  const apiGone = live.isError && data !== undefined && feed.state !== 'live';
  const stale = apiGone || (data?.bot_unavailable ?? false);
  return (
    <div className="page dashboard">
      <title>{`Dashboard · ${PRODUCT_NAME}`}</title>
      <div className="page-header">
        <h1>Dashboard</h1>
      </div>
      {live.isError && !data && (
        <section className="card error-card" role="alert">
          <ErrorDetails error={live.error} headingLevel={2} />
        </section>
      )}
      {data && <BotStateNotice live={data} />}
      {apiGone && (
        <div className="notice notice-warning" role="status" data-testid="api-unreachable">
          <p>
            The control center API is not answering. Figures below are as of <LocalTime date={new Date(data.updated_at)} />; they update
            again by themselves once it is back.
          </p>
        </div>
      )}
      <DashboardLive live={data} stale={stale} />
      <PnlChart />
      <RecentActivity />
    </div>
  );
}

/** What the feed changes; memoised, so it renders only in the background render of a new state. */
const DashboardLive = memo(function DashboardLive({ live, stale }: { live: LiveState | undefined; stale: boolean }) {
  return (
    <div data-stale={stale} data-feed-seq={live?.seq ?? ''} className="dashboard-live">
      <StatusCards live={live} />
      <div className="dashboard-columns">
        <ActivePositions live={live} />
        <ControlPanel live={live} />
      </div>
    </div>
  );
});
