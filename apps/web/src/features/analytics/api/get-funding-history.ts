import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { Schema } from '@/lib/api-types';

export type FundingHistory = Schema<'FundingHistoryDto'>;

/** GET /history/funding?days=N: funding rate and net APY per asset and bucket. */
export function getFundingHistory(days: number, signal?: AbortSignal): Promise<FundingHistory> {
  return apiClient.get<FundingHistory>('/history/funding', { query: { days }, signal });
}

export const fundingHistoryQueryOptions = (days: number) =>
  queryOptions({
    queryKey: ['history', 'funding', days] as const,
    queryFn: ({ signal }) => getFundingHistory(days, signal),
    refetchInterval: 60_000,
  });

export function useFundingHistory(days: number) {
  return useQuery(fundingHistoryQueryOptions(days));
}
