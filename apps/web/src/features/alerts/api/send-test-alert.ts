import { useMutation } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';

export interface TestAlertResult {
  channel: string;
  ok: boolean;
  status: number | null;
  error: string | null;
}

/** POST /alerts/test: one test message to one channel, answered with how it went. */
export function useSendTestAlert() {
  return useMutation({
    mutationFn: (channel: string) => apiClient.post<TestAlertResult>('/alerts/test', { channel }),
  });
}
