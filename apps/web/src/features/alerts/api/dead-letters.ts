import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { Schema } from '@/lib/api-types';

export type Delivery = Schema<'DeliveryDto'>;

export const deadLettersQueryOptions = () =>
  queryOptions({
    queryKey: ['alerts', 'dead-letters'] as const,
    queryFn: ({ signal }) => apiClient.get<Delivery[]>('/alerts/dead-letters', { signal }),
  });

/** GET /alerts/dead-letters (admin): deliveries that failed every attempt. */
export function useDeadLetters() {
  return useQuery(deadLettersQueryOptions());
}

/** POST /alerts/deliveries/{id}/retry (admin): queue a dead delivery again. */
export function useRetryDelivery() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiClient.post<void>(`/alerts/deliveries/${encodeURIComponent(id)}/retry`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: deadLettersQueryOptions().queryKey }),
  });
}
