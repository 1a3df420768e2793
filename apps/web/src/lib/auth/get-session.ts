import { queryOptions, useQuery } from '@tanstack/react-query';
import { getAccessToken, RefreshUnavailableError, refreshAccessToken } from '@/lib/access-token';
import { apiClient, isApiError } from '@/lib/api-client';
import type { Me } from './types';

export const SESSION_QUERY_KEY = ['auth', 'session'] as const;

/**
 * Who is signed in, or null. A page load has no access token (memory only): the refresh cookie
 * restores the session when there is one. A 401 from /me means the session is over.
 */
export async function getSession({ signal }: { signal?: AbortSignal } = {}): Promise<Me | null> {
  if (!getAccessToken()) {
    try {
      if (!(await refreshAccessToken())) return null;
    } catch (error) {
      if (error instanceof RefreshUnavailableError) throw error;
      return null;
    }
  }
  try {
    return await apiClient.get<Me>('/auth/me', { signal });
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

export const getSessionQueryOptions = () =>
  queryOptions({
    queryKey: SESSION_QUERY_KEY,
    queryFn: ({ signal }) => getSession({ signal }),
    // Changes only by signing in or out (which set it) or by a refused refresh.
    staleTime: Infinity,
    retry: (failures, error) => failures < 3 && error instanceof RefreshUnavailableError,
    retryDelay: (attempt) => Math.min(1_000 * 2 ** attempt, 8_000),
  });

export function useSessionQuery() {
  return useQuery(getSessionQueryOptions());
}
