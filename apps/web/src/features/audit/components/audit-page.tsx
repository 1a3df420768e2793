import { useMemo, useState } from 'react';
import { LoadMore } from '@/components/ui/load-more';
import { QueryError } from '@/components/ui/query-error';
import { Skeleton } from '@/components/ui/skeleton';
import { StatusBadge } from '@/components/ui/status-badge';
import { showErrorToast } from '@/components/ui/toast';
import { downloadExport, type ExportFormat } from '@/lib/download';
import '@/styles/pages.css';
import { useAuditLog } from '../api/get-audit';
import { useVerifyAudit } from '../api/verify-audit';
import { EMPTY_FILTERS, toAuditQuery, type AuditFilterForm } from '../audit-filters';
import { AuditFiltersForm } from './audit-filters-form';
import { AuditTable } from './audit-table';

function VerifyPanel() {
  const verify = useVerifyAudit();
  const result = verify.data;
  return (
    <div className="stack" aria-live="polite">
      <div className="actions">
        <button type="button" className="button button-secondary" onClick={() => verify.mutate()} disabled={verify.isPending}>
          {verify.isPending ? 'Verifying…' : 'Verify integrity'}
        </button>
      </div>
      {verify.isError && <QueryError error={verify.error} />}
      {result && (
        <p data-testid="audit-verify" data-valid={result.valid}>
          <StatusBadge tone={result.valid ? 'success' : 'danger'}>{result.valid ? 'Chain intact' : 'Chain broken'}</StatusBadge>{' '}
          {result.valid
            ? `All ${result.rows} rows match their hashes.`
            : `Row ${result.first_invalid_id ?? '?'} does not match: ${result.reason ?? 'altered or removed'}.`}
        </p>
      )}
    </div>
  );
}

/** The audit log: filters, pages by cursor, export of every matching row, hash-chain check. */
export function AuditPage() {
  const [form, setForm] = useState<AuditFilterForm>(EMPTY_FILTERS);
  const query = useMemo(() => toAuditQuery(form), [form]);
  const log = useAuditLog(query);
  const [exporting, setExporting] = useState<ExportFormat | null>(null);
  const entries = log.data?.pages.flatMap((page) => page.entries) ?? [];

  const exportAs = (format: ExportFormat) => {
    setExporting(format);
    downloadExport('/audit', { ...query }, format, `audit-${new Date().toISOString().slice(0, 19).replace(/:/g, '-')}`)
      .catch((error: unknown) => showErrorToast('The export failed', error))
      .finally(() => setExporting(null));
  };

  return (
    <div className="page">
      <title>Audit log · Delta Neutral Control Center</title>
      <div className="page-header">
        <h1>Audit log</h1>
        <p className="muted">Every sign-in, denial and change, hash-chained so that an edit or a removal shows.</p>
      </div>
      <section className="card page-section" aria-label="Filters and export">
        <AuditFiltersForm value={form} onApply={setForm} />
        <div className="actions">
          <button type="button" className="button button-secondary" onClick={() => exportAs('csv')} disabled={exporting !== null}>
            {exporting === 'csv' ? 'Exporting…' : 'Export CSV'}
          </button>
          <button type="button" className="button button-secondary" onClick={() => exportAs('json')} disabled={exporting !== null}>
            {exporting === 'json' ? 'Exporting…' : 'Export JSON'}
          </button>
        </div>
        <VerifyPanel />
      </section>
      <section className="card page-section" aria-label="Entries">
        {log.isError ? (
          <QueryError error={log.error} onRetry={() => void log.refetch()} />
        ) : log.isPending ? (
          <Skeleton height="12rem" />
        ) : (
          <>
            <AuditTable entries={entries} />
            <LoadMore
              shown={entries.length}
              hasMore={log.hasNextPage}
              loading={log.isFetchingNextPage}
              onLoadMore={() => void log.fetchNextPage()}
              noun="entries"
            />
          </>
        )}
      </section>
    </div>
  );
}
