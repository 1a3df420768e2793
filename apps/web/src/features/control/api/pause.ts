import type { PauseScope } from '@dnb/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { showErrorToast } from '@/components/ui/toast';
import { apiClient } from '@/lib/api-client';
import { applyControlResult, type ControlResult } from './control-result';

export function pause(input: { scope: PauseScope; reason: string }): Promise<ControlResult> {
  return apiClient.post<ControlResult>('/control/pause', { scope: input.scope, reason: input.reason.trim() });
}

export function usePause() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: pause,
    onSuccess: (result, input) => applyControlResult(queryClient, `Pause ${input.scope}`, result),
    onError: (error, input) => showErrorToast(`Pause ${input.scope} failed`, error),
  });
}
