/** The "next page" control of a cursor-paged list: says how many are shown and whether more exist. */
export function LoadMore({
  shown,
  hasMore,
  loading,
  onLoadMore,
  noun,
}: {
  shown: number;
  hasMore: boolean;
  loading: boolean;
  onLoadMore: () => void;
  noun: string;
}) {
  return (
    <div className="load-more">
      <p className="muted" aria-live="polite">
        {shown} {noun} shown{hasMore ? '' : ' (all)'}
      </p>
      {hasMore && (
        <button type="button" className="button button-secondary" onClick={onLoadMore} disabled={loading}>
          {loading ? 'Loading…' : 'Load more'}
        </button>
      )}
    </div>
  );
}
