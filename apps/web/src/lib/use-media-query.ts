import { useCallback, useSyncExternalStore } from 'react';

/** Phones (spec 4.3): below 768 px, tables become accordions. */
export const MOBILE_QUERY = '(max-width: 767px)';

/** Whether a media query matches now, updated as it changes. */
export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (listener: () => void) => {
      const media = window.matchMedia(query);
      media.addEventListener('change', listener);
      return () => media.removeEventListener('change', listener);
    },
    [query],
  );
  return useSyncExternalStore(subscribe, () => window.matchMedia(query).matches);
}
