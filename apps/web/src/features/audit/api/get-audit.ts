import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { Schema } from '@/lib/api-types';

export type AuditEntry = Schema<'AuditEntryDto'>;
type Page = Schema<'AuditPageDto'>;

export interface AuditFilters {
  actor?: string;
  action?: string;
  outcome?: AuditEntry['outcome'];
  /** UTC ISO. */
  from?: string;
  to?: string;
}

export const AUDIT_PAGE_SIZE = 50;

/** GET /audit: newest first, filtered, paged by cursor (the id of the last row). */
export const auditQueryOptions = (filters: AuditFilters) =>
  infiniteQueryOptions({
    queryKey: ['audit', filters] as const,
    queryFn: ({ signal, pageParam }) =>
      apiClient.get<Page>('/audit', { query: { ...filters, limit: AUDIT_PAGE_SIZE, cursor: pageParam }, signal }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });

export function useAuditLog(filters: AuditFilters) {
  return useInfiniteQuery(auditQueryOptions(filters));
}
