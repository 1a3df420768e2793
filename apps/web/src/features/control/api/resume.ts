import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { applyControlResult, type ControlResult } from './control-result';

export function resume(input: { reason: string }): Promise<ControlResult> {
  return apiClient.post<ControlResult>('/control/resume', { reason: input.reason.trim() });
}

/** Errors are the caller's: a resume after an emergency stop may need a step-up first. */
export function useResume() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: resume,
    onSuccess: (result) => applyControlResult(queryClient, 'Resume', result),
  });
}
