import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { Schema } from '@/lib/api-types';

export type AlertConfig = Schema<'AlertConfigDto'>;
export type AlertRules = Schema<'AlertRulesDto'>;
export type Channel = Schema<'ChannelViewDto'>;
export type ChannelInput = Schema<'ChannelDto'>;
export type AlertConfigUpdate = Schema<'UpdateAlertConfigDto'>;

/** What the API shows instead of a stored secret; sent back as is, it keeps the stored value. */
export const MASKED = '********';

export const alertConfigQueryOptions = () =>
  queryOptions({
    queryKey: ['alerts', 'config'] as const,
    queryFn: ({ signal }) => apiClient.get<AlertConfig>('/alerts/config', { signal }),
  });

/** GET /alerts/config: rules for everyone; channels (secrets masked) only for admins. */
export function useAlertConfig() {
  return useQuery(alertConfigQueryOptions());
}

/** PUT /alerts/config: rules (operator+) and/or the API-defined channels (admin). */
export function useUpdateAlertConfig() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (update: AlertConfigUpdate) => apiClient.put<AlertConfig>('/alerts/config', update),
    onSuccess: (config) => queryClient.setQueryData(alertConfigQueryOptions().queryKey, config),
  });
}
