import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { applyControlResult, type ControlResult } from './control-result';

export function emergencyStop(input: { reason: string }): Promise<ControlResult> {
  return apiClient.post<ControlResult>('/control/emergency-stop', { reason: input.reason.trim(), confirm: 'STOP' });
}

/** Errors are the dialog's: STEP_UP_REQUIRED asks for the password there. */
export function useEmergencyStop() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: emergencyStop,
    onSuccess: (result) => applyControlResult(queryClient, 'Emergency stop', result),
  });
}
