import { useCallback, useSyncExternalStore } from 'react';

/** Phones (spec 4.3): below 768 px, tables become accordions. */
export const MOBILE_QUERY = '(max-width: 767px)';

/** One MediaQueryList per query, kept: every render reads it (building one per read is not free). */
const lists = new Map<string, MediaQueryList>();
function mediaList(query: string): MediaQueryList {
  let list = lists.get(query);
  if (!list) lists.set(query, (list = window.matchMedia(query)));
  return list;
}

/** Whether a media query matches now, updated as it changes. */
export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (listener: () => void) => {
      const media = mediaList(query);
      media.addEventListener('change', listener);
      return () => media.removeEventListener('change', listener);
    },
    [query],
  );
  return useSyncExternalStore(subscribe, () => mediaList(query).matches);
}
