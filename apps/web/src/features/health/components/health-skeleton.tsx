import { Skeleton } from '@/components/ui/skeleton';

export function OverviewSkeleton() {
  return (
    <div className="overview-skeleton">
      <Skeleton width="12rem" height="2rem" />
      <Skeleton width="min(24rem, 100%)" />
      <Skeleton width="10rem" height="0.875rem" />
    </div>
  );
}

export function ChecksSkeleton({ count = 3 }: { count?: number }) {
  return (
    <ul className="check-grid" aria-hidden="true">
      {Array.from({ length: count }, (_, i) => (
        <li key={i}>
          <div className="card check-card">
            <div className="check-card-header">
              <Skeleton width="8rem" height="1.25rem" />
              <Skeleton width="5.5rem" height="1.75rem" />
            </div>
            <Skeleton width="90%" />
            <Skeleton width="60%" />
          </div>
        </li>
      ))}
    </ul>
  );
}
