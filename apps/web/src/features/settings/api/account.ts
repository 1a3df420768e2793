import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { Schema } from '@/lib/api-types';
import { SESSION_QUERY_KEY } from '@/lib/auth/get-session';

export type MfaSetup = Schema<'MfaSetupDto'>;
export type RecoveryCodes = Schema<'RecoveryCodesDto'>;
export type AccountSession = Schema<'SessionDto'>;

// My account: two-factor enrolment (/auth/mfa/*) and my sessions (/auth/sessions).

const refreshMe = (queryClient: ReturnType<typeof useQueryClient>) => queryClient.invalidateQueries({ queryKey: SESSION_QUERY_KEY });

/** POST /auth/mfa/setup: a new TOTP seed, not active until enabled with a code from it. */
export function useMfaSetup() {
  return useMutation({ mutationFn: () => apiClient.post<MfaSetup>('/auth/mfa/setup') });
}

/** POST /auth/mfa/enable: turns two-factor on; answers recovery codes, shown once. */
export function useMfaEnable() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (totp: string) => apiClient.post<RecoveryCodes>('/auth/mfa/enable', { totp }),
    onSuccess: () => refreshMe(queryClient),
  });
}

export function useMfaDisable() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { password: string; totp?: string }) => apiClient.post<void>('/auth/mfa/disable', body),
    onSuccess: () => refreshMe(queryClient),
  });
}

/** POST /auth/mfa/recovery-codes: new codes (the old ones stop working), after proving the password. */
export function useNewRecoveryCodes() {
  return useMutation({
    mutationFn: (body: { password: string; totp?: string }) => apiClient.post<RecoveryCodes>('/auth/mfa/recovery-codes', body),
  });
}

export const sessionsQueryOptions = () =>
  queryOptions({
    queryKey: ['auth', 'sessions'] as const,
    queryFn: ({ signal }) => apiClient.get<AccountSession[]>('/auth/sessions', { signal }),
  });

export function useAccountSessions() {
  return useQuery(sessionsQueryOptions());
}

export function useRevokeSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiClient.delete<void>(`/auth/sessions/${encodeURIComponent(id)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionsQueryOptions().queryKey }),
  });
}
