import type { PositionDetailResponse } from '@dnb/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';

export function getPosition(id: string, signal?: AbortSignal): Promise<PositionDetailResponse> {
  return apiClient.get<PositionDetailResponse>(`/positions/${encodeURIComponent(id)}`, { signal });
}

export const getPositionQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ['positions', 'detail', id] as const,
    queryFn: ({ signal }) => getPosition(id, signal),
    // The legs are not on the feed: read them again every 10 s (the summary figures are live).
    refetchInterval: 10_000,
    staleTime: 5_000,
  });

export function usePosition(id: string) {
  return useQuery(getPositionQueryOptions(id));
}
