import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { Schema } from '@/lib/api-types';

export type Silence = Schema<'SilenceDto'>;
export type SilenceInput = Schema<'SilenceInputDto'>;

// GET, POST and DELETE of one resource: the list and the two changes that invalidate it.

export const silencesQueryOptions = () =>
  queryOptions({
    queryKey: ['alerts', 'silences'] as const,
    queryFn: ({ signal }) => apiClient.get<Silence[]>('/alerts/silences', { signal }),
  });

export function useSilences() {
  return useQuery(silencesQueryOptions());
}

export function useCreateSilence() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SilenceInput) => apiClient.post<Silence>('/alerts/silences', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: silencesQueryOptions().queryKey }),
  });
}

export function useEndSilence() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiClient.delete<void>(`/alerts/silences/${encodeURIComponent(id)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: silencesQueryOptions().queryKey }),
  });
}
