import type { HealthReport } from '@dnb/contracts';
import { ErrorDetails } from '@/components/errors/error-details';
import { LocalTime } from '@/components/ui/local-time';
import { ToneIcon, type Tone } from '@/components/ui/status-badge';
import { isApiError } from '@/lib/api-client';
import { parseWireTime } from '@/lib/time';
import { HEALTH_REFETCH_MS, useHealth } from '../api/get-health';
import { CHECK_ORDER, overallSummary, statusPresentation } from '../health-presentation';
import { CheckCard } from './check-card';
import { ChecksSkeleton, OverviewSkeleton } from './health-skeleton';

const POLL_SECONDS = HEALTH_REFETCH_MS / 1_000;

/** The System health page body: overall status, then one card per check. */
export function SystemHealth() {
  const { data: report, error, isPending, isError, isFetching, dataUpdatedAt, refetch } = useHealth();
  const unreachable = isError;

  let tone: Tone = 'neutral';
  let label = 'Checking…';
  if (unreachable) {
    tone = 'offline';
    label = isApiError(error) && !error.isUnreachable ? 'API error' : 'API unreachable';
  } else if (report) {
    ({ tone, label } = statusPresentation[report.status]);
  }
  const state = unreachable ? 'unreachable' : (report?.status ?? 'loading');

  return (
    <>
      <section className={`card overview tone-${tone}`} aria-labelledby="overall-heading" aria-busy={isPending}>
        <h2 id="overall-heading" className="overview-label">
          Overall status
        </h2>
        {/* Always rendered, so screen readers announce every change of status (and only that). */}
        <div className="overview-status" aria-live="polite" aria-atomic="true" data-testid="overall-status" data-status={state}>
          {isPending && !unreachable ? (
            <span className="visually-hidden">Checking system health…</span>
          ) : (
            <>
              <ToneIcon tone={tone} size={32} />
              <span className="overview-status-text">{label}</span>
            </>
          )}
        </div>
        {isPending && !unreachable ? (
          <OverviewSkeleton />
        ) : unreachable ? (
          <Unreachable
            error={error}
            lastGood={report ? new Date(dataUpdatedAt) : undefined}
            retry={() => void refetch()}
            retrying={isFetching}
          />
        ) : (
          report && <ReportSummary report={report} />
        )}
      </section>

      <section className="checks" aria-labelledby="checks-heading" aria-busy={isPending}>
        <div className="section-heading">
          <h2 id="checks-heading">Checks</h2>
          {unreachable && report && <span className="tag tag-stale">Last known</span>}
        </div>
        {report ? (
          <ul className="check-grid">
            {CHECK_ORDER.map((name) => (
              <li key={name}>
                <CheckCard name={name} check={report.checks[name]} stale={unreachable} />
              </li>
            ))}
          </ul>
        ) : isPending ? (
          <ChecksSkeleton />
        ) : (
          <p className="muted">No health report has been received yet.</p>
        )}
      </section>
    </>
  );
}

function ReportSummary({ report }: { report: HealthReport }) {
  const at = parseWireTime(report.timestamp);
  return (
    <>
      <p className="overview-summary">{overallSummary(report)}</p>
      <p className="overview-meta">
        {at && (
          <span data-testid="report-time">
            As of <LocalTime date={at} />
          </span>
        )}
        {report.version && <span>Version {report.version}</span>}
        <span>Refreshes every {POLL_SECONDS} s</span>
      </p>
    </>
  );
}

function Unreachable({
  error,
  lastGood,
  retry,
  retrying,
}: {
  error: unknown;
  lastGood: Date | undefined;
  retry: () => void;
  retrying: boolean;
}) {
  return (
    <>
      <p className="overview-summary">
        {isApiError(error) && !error.isUnreachable
          ? 'The control center API answered, but not with a health report.'
          : 'The control center API cannot be reached, so the status below may be out of date.'}{' '}
        Retrying every {POLL_SECONDS} s.
      </p>
      <p className="overview-meta">
        {lastGood ? (
          <span className="stale-since" data-testid="stale-since">
            Stale since <LocalTime date={lastGood} seconds={false} />
          </span>
        ) : (
          <span>No report received yet.</span>
        )}
      </p>
      <details className="error-more">
        <summary>What went wrong</summary>
        <ErrorDetails error={error} headingLevel={3} />
      </details>
      <div className="actions">
        <button type="button" className="button" onClick={retry} disabled={retrying}>
          {retrying ? 'Retrying…' : 'Retry now'}
        </button>
      </div>
    </>
  );
}
