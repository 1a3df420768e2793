import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { Alert } from './get-alert-history';

/** POST /alerts/{id}/ack: stops repeats of that metric until its severity rises. */
export function ackAlert(id: string): Promise<Alert> {
  return apiClient.post<Alert>(`/alerts/${encodeURIComponent(id)}/ack`);
}

export function useAckAlert() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ackAlert,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['alerts', 'history'] }),
  });
}
