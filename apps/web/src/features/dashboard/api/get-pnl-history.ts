import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { components } from '@/lib/api-schema';

export type PnlHistory = components['schemas']['PnlHistoryDto'];
export type PnlPoint = components['schemas']['PnlPointDto'];

/** The dashboard's chart ranges: rolling windows (Q14), not calendar days. */
export const PNL_RANGES = [
  { key: '24h', label: '24h', days: 1 },
  { key: '7d', label: '7d', days: 7 },
  { key: '30d', label: '30d', days: 30 },
] as const;
export type PnlRangeKey = (typeof PNL_RANGES)[number]['key'];

export function getPnlHistory(days: number, { signal }: { signal?: AbortSignal } = {}): Promise<PnlHistory> {
  return apiClient.get<PnlHistory>('/history/pnl', { query: { days }, signal });
}

export const getPnlHistoryQueryOptions = (days: number) =>
  queryOptions({
    queryKey: ['history', 'pnl', { days }] as const,
    queryFn: ({ signal }) => getPnlHistory(days, { signal }),
    // History is sampled every minute: a minute-old chart is current.
    staleTime: 60_000,
    refetchInterval: 60_000,
  });

export function usePnlHistory(days: number) {
  return useQuery(getPnlHistoryQueryOptions(days));
}
