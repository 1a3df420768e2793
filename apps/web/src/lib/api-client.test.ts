import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockApi } from '@/testing/render';
import { getAccessToken, onSessionExpired, setAccessToken } from './access-token';
import { apiClient, isApiError } from './api-client';

const unauthorized: [number, unknown] = [401, { statusCode: 401, code: 'UNAUTHENTICATED', message: 'expired', correlationId: 'c-401' }];

afterEach(() => vi.unstubAllGlobals());

describe('apiRequest and the session', () => {
  it('sends the access token, and on a 401 refreshes once and retries with the new token', async () => {
    setAccessToken('old.e30.x');
    let statusCalls = 0;
    const headers: string[] = [];
    const calls = mockApi({
      'GET /status': () => (++statusCalls === 1 ? unauthorized : [200, { ok: true }]),
      'POST /auth/refresh': [200, { access_token: 'new.e30.y' }],
    });
    const fetchMock = vi.mocked(fetch);
    const body = await apiClient.get<{ ok: boolean }>('/status');
    expect(body).toEqual({ ok: true });
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual(['GET /status', 'POST /auth/refresh', 'GET /status']);
    for (const [, init] of fetchMock.mock.calls)
      headers.push(String((init?.headers as Record<string, string> | undefined)?.Authorization ?? ''));
    expect(headers).toEqual(['Bearer old.e30.x', '', 'Bearer new.e30.y']);
    expect(getAccessToken()).toBe('new.e30.y');
  });

  it('ends the session when the refresh is refused, and reports the original 401', async () => {
    setAccessToken('old.e30.x');
    mockApi({ 'GET /status': unauthorized, 'POST /auth/refresh': unauthorized });
    const expired = vi.fn();
    const off = onSessionExpired(expired);
    const error = await apiClient.get('/status').catch((e: unknown) => e);
    off();
    expect(isApiError(error) && error.correlationId).toBe('c-401');
    expect(expired).toHaveBeenCalledOnce();
    expect(getAccessToken()).toBeNull();
  });

  it('does not refresh for a 401 a new token would not cure (step-up)', async () => {
    setAccessToken('t.e30.x');
    const calls = mockApi({ 'POST /control/emergency-stop': [401, { statusCode: 401, code: 'STEP_UP_REQUIRED', message: 'again' }] });
    const error = await apiClient.post('/control/emergency-stop', {}).catch((e: unknown) => e);
    expect(isApiError(error) && error.code).toBe('STEP_UP_REQUIRED');
    expect(calls).toHaveLength(1);
    expect(getAccessToken()).toBe('t.e30.x');
  });
});
