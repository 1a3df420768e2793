import { useMutation, useQueryClient } from '@tanstack/react-query';
import { setAccessToken } from '@/lib/access-token';
import { apiClient } from '@/lib/api-client';
import { SESSION_QUERY_KEY } from './get-session';
import type { Me, TokenResponse } from './types';

export interface StepUpInput {
  password: string;
  totp?: string;
}

/** Proves the password again; the new access token carries a fresh auth_time. */
export async function stepUp(input: StepUpInput): Promise<TokenResponse> {
  const issued = await apiClient.post<TokenResponse>('/auth/step-up', {
    password: input.password,
    ...(input.totp ? { totp: input.totp } : {}),
  });
  setAccessToken(issued.access_token);
  return issued;
}

export function useStepUp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: stepUp,
    onSuccess: () => {
      const authTime = Math.floor(Date.now() / 1000);
      queryClient.setQueryData<Me | null>(SESSION_QUERY_KEY, (me) => (me ? { ...me, auth_time: authTime } : me));
    },
  });
}
