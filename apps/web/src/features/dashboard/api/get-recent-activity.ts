import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { components } from '@/lib/api-schema';

type Trade = components['schemas']['TradeDto'];
type Breaker = components['schemas']['CircuitBreakerEventDto'];
type Alert = components['schemas']['AlertDto'];

/** One line of the dashboard's recent activity (spec 4.1), from whichever history it came. */
export interface ActivityItem {
  key: string;
  at: string;
  kind: 'trade' | 'breaker' | 'alert';
  text: string;
  tone: 'success' | 'warning' | 'danger' | 'info' | 'neutral';
  /** A trade's PnL (decimal string), shown with its sign. */
  pnl?: string;
}

const LIMIT = 10;

function fromTrade(t: Trade): ActivityItem {
  const reason = t.close_reason ? ` (${t.close_reason.replace(/_/g, ' ')})` : '';
  return {
    key: `t${t.id}`,
    at: t.closed_at,
    kind: 'trade',
    text: `Position closed: ${t.asset} @ ${t.leverage}x${reason}`,
    tone: 'info',
    pnl: t.total_pnl_usd,
  };
}

function fromBreaker(b: Breaker, i: number): ActivityItem {
  return {
    key: `b${b.triggered_at}${i}`,
    at: b.triggered_at,
    kind: 'breaker',
    text: `Circuit breaker triggered: ${b.breaker_type} (pause ${b.scope})${b.resolved_at ? ', resolved' : ''}`,
    tone: b.resolved_at ? 'neutral' : 'warning',
  };
}

function fromAlert(a: Alert): ActivityItem {
  return {
    key: `a${a.id}`,
    at: a.created_at,
    kind: 'alert',
    text: a.title,
    tone: a.severity === 'critical' ? 'danger' : a.severity === 'warning' ? 'warning' : 'info',
  };
}

/** The newest trades, circuit breakers and alerts, merged newest first. */
export async function getRecentActivity({ signal }: { signal?: AbortSignal } = {}): Promise<ActivityItem[]> {
  const [trades, breakers, alerts] = await Promise.all([
    apiClient.get<components['schemas']['TradesPageDto']>('/history/trades', { query: { limit: LIMIT }, signal }),
    apiClient.get<components['schemas']['CircuitBreakersPageDto']>('/history/circuit-breakers', { query: { limit: LIMIT }, signal }),
    apiClient.get<components['schemas']['AlertHistoryDto']>('/alerts/history', { query: { limit: LIMIT }, signal }),
  ]);
  const items = [...trades.trades.map(fromTrade), ...breakers.circuit_breakers.map(fromBreaker), ...alerts.alerts.map(fromAlert)];
  return items.sort((x, y) => Date.parse(y.at) - Date.parse(x.at)).slice(0, LIMIT);
}

export const getRecentActivityQueryOptions = () =>
  queryOptions({
    // 'activity' is invalidated by the feed when a position closes or the pause state changes.
    queryKey: ['activity', 'recent'] as const,
    queryFn: ({ signal }) => getRecentActivity({ signal }),
    staleTime: 30_000,
    refetchInterval: 60_000,
  });

export function useRecentActivity() {
  return useQuery(getRecentActivityQueryOptions());
}
