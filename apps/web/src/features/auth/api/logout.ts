import { useMutation, useQueryClient } from '@tanstack/react-query';
import { clearAccessToken } from '@/lib/access-token';
import { apiClient } from '@/lib/api-client';
import { SESSION_QUERY_KEY } from '@/lib/auth/get-session';

export async function logout(): Promise<void> {
  await apiClient.post<void>('/auth/logout');
}

/** Ends the session on the API, then forgets everything cached for this user. */
export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSettled: () => {
      // Even when the API could not be told, this browser forgets the session.
      clearAccessToken();
      queryClient.clear();
      queryClient.setQueryData(SESSION_QUERY_KEY, null);
    },
  });
}
