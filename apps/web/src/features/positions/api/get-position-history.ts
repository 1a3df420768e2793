import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { components } from '@/lib/api-schema';

export type PositionHistory = components['schemas']['PositionHistoryDto'];
export type PositionPoint = components['schemas']['PositionPointDto'];

/** The position's life (open to close, or to now): HF, MF, delta ratio and PnL per bucket, and its lifecycle events. */
export function getPositionHistory(id: string, signal?: AbortSignal): Promise<PositionHistory> {
  return apiClient.get<PositionHistory>(`/positions/${encodeURIComponent(id)}/history`, { signal });
}

export const getPositionHistoryQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ['history', 'position', id] as const,
    queryFn: ({ signal }) => getPositionHistory(id, signal),
    staleTime: 60_000,
    refetchInterval: 60_000,
  });

export function usePositionHistory(id: string) {
  return useQuery(getPositionHistoryQueryOptions(id));
}
