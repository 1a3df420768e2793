import type { BotLifecycle, BotPositionSummary } from '@dnb/contracts';
import { memo, type ReactNode } from 'react';
import { HealthBadge } from '@/components/ui/health-badge';
import { Pnl } from '@/components/ui/pnl';
import { Skeleton } from '@/components/ui/skeleton';
import { StatusBadge } from '@/components/ui/status-badge';
import { positionHealth, worstLevel } from '@/lib/risk';
import { formatUptime } from '@/lib/time';
import { isRecovering, type LiveState } from '@/lib/live/live-state';
import { usePnlHistory } from '../api/get-pnl-history';
import { pnlChange } from '../pnl-change';
import { botPresentation } from '@/components/ui/bot-presentation';

function Card({ label, children, testId }: { label: string; children: ReactNode; testId: string }) {
  return (
    <div className="card status-card" data-testid={testId}>
      <dt className="status-card-label">{label}</dt>
      <dd className="status-card-value">{children}</dd>
    </div>
  );
}

/** Spec 4.1's four cards: uptime, open positions, PnL over 24 h, health. */
export function StatusCards({ live }: { live: LiveState | undefined }) {
  // Only what the cards show goes down, so a feed message that changes none of it renders nothing.
  return live ? (
    <StatusCardList
      loaded
      positions={live.positions}
      uptime={live.stats?.uptime_seconds ?? live.uptime_seconds ?? null}
      botState={live.bot.state}
      complete={live.complete}
    />
  ) : (
    <StatusCardList loaded={false} positions={undefined} uptime={null} botState={undefined} complete={false} />
  );
}

interface StatusCardListProps {
  loaded: boolean;
  positions: Record<string, BotPositionSummary> | undefined;
  uptime: number | null;
  botState: BotLifecycle | undefined;
  complete: boolean;
}

const StatusCardList = memo(function StatusCardList({ loaded, positions, uptime, botState, complete }: StatusCardListProps) {
  const pnl = usePnlHistory(1);
  const change = pnl.data ? pnlChange(pnl.data.data_points) : null;
  const open = positions ? Object.values(positions).filter((p) => p.status !== 'closed') : [];
  const bot = botState ? botPresentation(botState) : null;
  const health = worstLevel(...open.map(positionHealth));
  const recovering = botState ? isRecovering(botState) : false;

  return (
    <section aria-labelledby="status-heading">
      <h2 id="status-heading" className="visually-hidden">
        Status overview
      </h2>
      <dl className="status-cards">
        <Card label="Uptime" testId="card-uptime">
          {!loaded ? <Skeleton width="6rem" height="1.5rem" /> : uptime === null ? '—' : formatUptime(uptime)}
        </Card>
        <Card label="Open positions" testId="card-positions">
          {!loaded ? (
            <Skeleton width="3rem" height="1.5rem" />
          ) : recovering || !complete ? (
            <span className="muted">Recovering…</span>
          ) : (
            <span data-testid="open-count">{open.length}</span>
          )}
        </Card>
        <Card label="PnL 24h" testId="card-pnl">
          {pnl.isPending ? (
            <Skeleton width="6rem" height="1.5rem" />
          ) : change === null ? (
            <span className="muted">No data yet</span>
          ) : (
            <Pnl value={change} />
          )}
        </Card>
        <Card label="Health" testId="card-health">
          {!loaded || !bot ? (
            <Skeleton width="6rem" height="1.5rem" />
          ) : botState !== 'running' ? (
            <StatusBadge tone={bot.tone}>{bot.label}</StatusBadge>
          ) : open.length ? (
            <HealthBadge level={health} size="md" />
          ) : (
            <StatusBadge tone="success">Running</StatusBadge>
          )}
        </Card>
      </dl>
    </section>
  );
});
