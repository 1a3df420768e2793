import { can, type Permission, type Role } from '@dnb/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { onSessionExpired } from '@/lib/access-token';
import { SESSION_QUERY_KEY, useSessionQuery } from './get-session';
import type { Me } from './types';

export type SessionStatus = 'loading' | 'signed-in' | 'signed-out' | 'unavailable';

export interface SessionState {
  status: SessionStatus;
  user: Me | null;
  error: unknown;
}

/** Who is signed in. `unavailable`: the API could not be asked (not the same as signed out). */
export function useSession(): SessionState {
  const query = useSessionQuery();
  if (query.isPending) return { status: 'loading', user: null, error: null };
  if (query.data) return { status: 'signed-in', user: query.data, error: null };
  if (query.isError) return { status: 'unavailable', user: null, error: query.error };
  return { status: 'signed-out', user: null, error: null };
}

/** Whether a role may do something, from the one shared matrix (libs/contracts permissions.ts). */
export function roleCan(role: Role | undefined, permission: Permission): boolean {
  return role !== undefined && can(role, permission);
}

/** Whether the signed-in user's role may do this; false while signed out. */
export function useCan(permission: Permission): boolean {
  return roleCan(useSession().user?.role, permission);
}

/** Keeps the session query in step with a refresh the API refused (the session ended elsewhere). */
export function useSessionExpiry(): void {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      onSessionExpired(() => {
        queryClient.setQueryData(SESSION_QUERY_KEY, null);
      }),
    [queryClient],
  );
}
