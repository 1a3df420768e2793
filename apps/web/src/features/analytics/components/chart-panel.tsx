import { Suspense, type ReactNode } from 'react';
import { Skeleton } from '@/components/ui/skeleton';

/** A chart with a text summary for screen readers; a skeleton while the chart code loads. */
export function ChartPanel({ title, summary, children, empty }: { title: string; summary: string; children: ReactNode; empty?: string }) {
  const headingId = `chart-${title.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <section className="card page-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      <p className="muted">{summary}</p>
      {empty ? (
        <p className="empty-state">{empty}</p>
      ) : (
        <div className="chart-box" role="img" aria-label={`${title}: ${summary}`}>
          <Suspense fallback={<Skeleton className="chart-fallback" />}>{children}</Suspense>
        </div>
      )}
    </section>
  );
}
