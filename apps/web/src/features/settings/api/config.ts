import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { Schema } from '@/lib/api-types';
import type { BotConfig } from '../config-fields';

export type ConfigUpdateResult = Schema<'ConfigUpdateResultDto'>;
export type ConfigVersion = Schema<'ConfigVersionDto'>;
export type ConfigPreview = Schema<'ConfigPreviewDto'>;

// The bot configuration resource: GET/PUT /config, its versions and restore. Writes refresh both reads.

export const configQueryOptions = () =>
  queryOptions({ queryKey: ['config'] as const, queryFn: ({ signal }) => apiClient.get<BotConfig>('/config', { signal }) });

export const configVersionsQueryOptions = () =>
  queryOptions({
    queryKey: ['config', 'versions'] as const,
    queryFn: ({ signal }) => apiClient.get<ConfigVersion[]>('/config/versions', { query: { limit: 20 }, signal }),
  });

export function useBotConfig() {
  return useQuery(configQueryOptions());
}

export function useConfigVersions() {
  return useQuery(configVersionsQueryOptions());
}

function useConfigWrite<V>(send: (variables: V) => Promise<ConfigUpdateResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (result) => {
      queryClient.setQueryData(configQueryOptions().queryKey, result.config);
      return queryClient.invalidateQueries({ queryKey: configVersionsQueryOptions().queryKey });
    },
  });
}

/** PUT /config (admin): the changed fields and why; answers the diff the bot applied and the version. */
export function useUpdateConfig() {
  return useConfigWrite((body: { config: BotConfig; reason: string }) => apiClient.put<ConfigUpdateResult>('/config', body));
}

/** POST /config/preview (admin): the diff a PUT of these fields would make, checked against the limits; nothing is sent. */
export function useConfigPreview() {
  return useMutation({ mutationFn: (body: { config: BotConfig }) => apiClient.post<ConfigPreview>('/config/preview', body) });
}

/** POST /config/versions/{n}/restore (admin). */
export function useRestoreConfigVersion() {
  return useConfigWrite(({ version, reason }: { version: number; reason: string }) =>
    apiClient.post<ConfigUpdateResult>(`/config/versions/${version}/restore`, { reason }),
  );
}
