import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { SESSION_QUERY_KEY } from '@/lib/auth/get-session';
import type { Me } from '@/lib/auth/types';

export interface ChangePasswordInput {
  current_password: string;
  new_password: string;
}

export async function changePassword(input: ChangePasswordInput): Promise<void> {
  await apiClient.post<void>('/auth/password', input);
}

/** Changes my password; this session stays valid (the API ends the others). */
export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changePassword,
    onSuccess: () => queryClient.setQueryData<Me | null>(SESSION_QUERY_KEY, (me) => (me ? { ...me, must_change_password: false } : me)),
  });
}
