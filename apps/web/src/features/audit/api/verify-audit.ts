import { useMutation } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { Schema } from '@/lib/api-types';

export type AuditVerification = Schema<'AuditVerifyDto'>;

/** GET /audit/verify: recomputes the hash chain (on demand: it reads every row). */
export function useVerifyAudit() {
  return useMutation({ mutationFn: () => apiClient.get<AuditVerification>('/audit/verify', { timeoutMs: 120_000 }) });
}
