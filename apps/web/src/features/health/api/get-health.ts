import type { CheckStatus, HealthReport } from '@dnb/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, invalidResponse } from '@/lib/api-client';

/** How often the health report is polled. */
export const HEALTH_REFETCH_MS = 5_000;

const OVERALL = new Set<string>(['healthy', 'degraded', 'unhealthy'] satisfies HealthReport['status'][]);
const CHECK = new Set<string>(['healthy', 'degraded', 'unhealthy', 'unknown'] satisfies CheckStatus[]);
const CHECK_NAMES = ['dashboard', 'bot_api', 'database', 'feed'] as const satisfies ReadonlyArray<keyof HealthReport['checks']>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A real health report, as opposed to some other body (a gateway's 503 page, an error body). */
export function isHealthReport(body: unknown): body is HealthReport {
  if (!isRecord(body) || typeof body.status !== 'string' || !OVERALL.has(body.status)) return false;
  if (typeof body.timestamp !== 'string' || !isRecord(body.checks)) return false;
  const checks = body.checks;
  return CHECK_NAMES.every((name) => {
    const check = checks[name];
    return isRecord(check) && typeof check.status === 'string' && CHECK.has(check.status);
  });
}

/**
 * GET /api/v1/health. 200 means healthy or degraded, 503 unhealthy: both carry a full report,
 * which is data to show, not an error. Anything else (no answer, another body) throws ApiError.
 */
export async function getHealth({ signal }: { signal?: AbortSignal } = {}): Promise<HealthReport> {
  const response = await apiClient.request<unknown>('/health', {
    signal,
    // Shorter than the poll interval, so a hung API shows as unreachable rather than as old data.
    timeoutMs: 8_000,
    acceptStatus: (status, body) => status === 503 && isHealthReport(body),
  });
  if (!isHealthReport(response.data)) throw invalidResponse(response, 'not a health report');
  return response.data;
}

export const getHealthQueryOptions = () =>
  queryOptions({
    queryKey: ['health'] as const,
    queryFn: ({ signal }) => getHealth({ signal }),
    refetchInterval: HEALTH_REFETCH_MS,
    staleTime: HEALTH_REFETCH_MS - 1_000,
    // One quick retry before reporting the API unreachable; the next poll tries again anyway.
    retry: 1,
    retryDelay: 1_000,
  });

/** The latest health report; keeps the last good one (with its time) when the API stops answering. */
export function useHealth() {
  return useQuery(getHealthQueryOptions());
}
