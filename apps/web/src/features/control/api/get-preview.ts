import type { BotPositionSummary, PauseScope } from '@dnb/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';

type Exposure = Pick<
  BotPositionSummary,
  'position_id' | 'asset' | 'deployed_usd' | 'long_value_usd' | 'short_value_usd' | 'asgard_hf' | 'hyperliquid_mf' | 'total_pnl_usd'
>;

/** GET /control/preview (the API types it loosely): what an action would do now. */
export interface ControlPreview {
  action: 'pause' | 'resume' | 'emergency-stop';
  effect: string;
  supported?: boolean | null;
  positions_to_close?: Exposure[];
  positions_exposed?: Exposure[];
  total_deployed_usd?: string;
  total_pnl_usd?: string;
  blocking_breakers?: string[];
}

export function getPreview(action: ControlPreview['action'], scope?: PauseScope, signal?: AbortSignal): Promise<ControlPreview> {
  return apiClient.get<ControlPreview>('/control/preview', { query: { action, scope }, signal });
}

export const getPreviewQueryOptions = (action: ControlPreview['action'], scope?: PauseScope) =>
  queryOptions({
    queryKey: ['control', 'preview', action, scope ?? null] as const,
    queryFn: ({ signal }) => getPreview(action, scope, signal),
    // The impact must be current when the dialog opens.
    staleTime: 0,
    gcTime: 0,
  });

export function usePreview(action: ControlPreview['action'], scope?: PauseScope, enabled = true) {
  return useQuery({ ...getPreviewQueryOptions(action, scope), enabled });
}
