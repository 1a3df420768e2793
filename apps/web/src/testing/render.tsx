import type { Role } from '@dnb/contracts';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter } from 'react-router';
import { vi } from 'vitest';
import { setAccessToken } from '@/lib/access-token';
import { SESSION_QUERY_KEY } from '@/lib/auth/get-session';
import type { Me } from '@/lib/auth/types';

/** An unsigned JWT-shaped token whose payload the SPA reads (auth_time, exp). */
export function fakeToken(claims: Record<string, unknown>): string {
  const payload = btoa(JSON.stringify({ sub: 'u1', sid: 's1', exp: Math.floor(Date.now() / 1000) + 900, ...claims }));
  return `h.${payload.replace(/=+$/, '')}.s`;
}

export function me(role: Role, overrides: Partial<Me> = {}): Me {
  return {
    id: 'u1',
    username: `${role}-user`,
    role,
    is_active: true,
    mfa_enabled: false,
    must_change_password: false,
    created_at: '2026-12-01T00:00:00.000Z',
    last_login_at: null,
    permissions: [],
    ...overrides,
  };
}

/** Renders inside a fresh QueryClient and router, signed in as `user` (login `authAgeS` seconds ago). */
export function renderSignedIn(ui: ReactElement, user: Me, { authAgeS = 60 }: { authAgeS?: number } = {}) {
  setAccessToken(fakeToken({ role: user.role, auth_time: Math.floor(Date.now() / 1000) - authAgeS }));
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  queryClient.setQueryData(SESSION_QUERY_KEY, user);
  const result = render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter>{ui}</MemoryRouter>
    </QueryClientProvider>,
  );
  return { ...result, queryClient };
}

export interface ApiCall {
  method: string;
  path: string;
  body: unknown;
}

/**
 * Stubs fetch with answers by "METHOD /path" (the path after /api/v1, without the query);
 * records every call. An answer is [status, body].
 */
export function mockApi(routes: Record<string, [number, unknown] | (() => [number, unknown])>): ApiCall[] {
  const calls: ApiCall[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string, init?: RequestInit) => {
      const url = new URL(input, 'http://localhost');
      const path = url.pathname.replace(/^\/api\/v1/, '');
      const method = init?.method ?? 'GET';
      calls.push({ method, path, body: init?.body ? JSON.parse(String(init.body)) : undefined });
      const route = routes[`${method} ${path}`];
      const [status, body] =
        typeof route === 'function'
          ? route()
          : (route ?? [404, { statusCode: 404, code: 'NOT_FOUND', message: `no route ${method} ${path}` }]);
      return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    }),
  );
  return calls;
}
