import { useMutation, useQueryClient } from '@tanstack/react-query';
import { setAccessToken } from '@/lib/access-token';
import { apiClient } from '@/lib/api-client';
import { getSession, SESSION_QUERY_KEY } from '@/lib/auth/get-session';
import type { TokenResponse } from '@/lib/auth/types';

export interface LoginInput {
  username: string;
  password: string;
  /** The authenticator code, asked for after the API answers MFA_REQUIRED. */
  totp?: string;
}

export async function login(input: LoginInput): Promise<TokenResponse> {
  const body = { username: input.username, password: input.password, ...(input.totp ? { totp: input.totp } : {}) };
  const issued = await apiClient.post<TokenResponse>('/auth/login', body, { auth: false });
  setAccessToken(issued.access_token);
  return issued;
}

/** Signs in, then loads who I am (permissions, auth time) into the session query. */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: LoginInput) => {
      await login(input);
      const me = await getSession();
      queryClient.setQueryData(SESSION_QUERY_KEY, me);
      return me;
    },
  });
}
