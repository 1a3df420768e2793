import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { Schema } from '@/lib/api-types';

export type ApiKey = Schema<'ApiKeyDto'>;
export type CreatedApiKey = Schema<'CreatedApiKeyDto'>;
export type CreateApiKeyInput = Schema<'CreateApiKeyDto'>;

// The API keys resource (admin): GET/POST /api-keys and DELETE /api-keys/{id} (revoke).

export const apiKeysQueryOptions = () =>
  queryOptions({ queryKey: ['api-keys'] as const, queryFn: ({ signal }) => apiClient.get<ApiKey[]>('/api-keys', { signal }) });

export function useApiKeys() {
  return useQuery(apiKeysQueryOptions());
}

/** The answer holds the key itself, once: it is never stored in the query cache. */
export function useCreateApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateApiKeyInput) => apiClient.post<CreatedApiKey>('/api-keys', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiKeysQueryOptions().queryKey }),
  });
}

export function useRevokeApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiClient.delete<ApiKey>(`/api-keys/${encodeURIComponent(id)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiKeysQueryOptions().queryKey }),
  });
}
