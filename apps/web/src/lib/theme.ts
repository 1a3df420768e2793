import { useCallback, useSyncExternalStore } from 'react';

export type Theme = 'light' | 'dark';

/** Also read by public/theme-init.js before the first paint: keep the two in step. */
export const THEME_STORAGE_KEY = 'dnb.theme';

const darkQuery = () => window.matchMedia('(prefers-color-scheme: dark)');
const listeners = new Set<() => void>();

function readStored(): Theme | null {
  try {
    const value = localStorage.getItem(THEME_STORAGE_KEY);
    return value === 'light' || value === 'dark' ? value : null;
  } catch {
    return null;
  }
}

function systemTheme(): Theme {
  return darkQuery().matches ? 'dark' : 'light';
}

/** Without a saved choice, no data-theme attribute: the CSS follows prefers-color-scheme. */
function apply(stored: Theme | null): void {
  if (stored) document.documentElement.dataset.theme = stored;
  else delete document.documentElement.dataset.theme;
}

export function setTheme(theme: Theme | null): void {
  try {
    if (theme) localStorage.setItem(THEME_STORAGE_KEY, theme);
    else localStorage.removeItem(THEME_STORAGE_KEY);
  } catch {
    // Storage blocked (private mode, policy): the choice lasts for this page only.
  }
  apply(theme);
  listeners.forEach((listener) => listener());
}

function subscribe(listener: () => void): () => void {
  const media = darkQuery();
  const onStorage = (event: StorageEvent) => {
    if (event.key !== THEME_STORAGE_KEY) return;
    apply(readStored());
    listener();
  };
  listeners.add(listener);
  media.addEventListener('change', listener);
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    media.removeEventListener('change', listener);
    window.removeEventListener('storage', onStorage);
  };
}

// A string snapshot, so useSyncExternalStore can compare by value.
const snapshot = () => `${readStored() ?? 'system'}:${systemTheme()}`;

export interface ThemeState {
  /** The theme on screen. */
  theme: Theme;
  /** 'system' while following prefers-color-scheme. */
  choice: Theme | 'system';
  setTheme: (theme: Theme | null) => void;
  /** Switches to the other theme and remembers the choice. */
  toggle: () => void;
}

export function useTheme(): ThemeState {
  const [choice, system] = useSyncExternalStore(subscribe, snapshot).split(':') as [Theme | 'system', Theme];
  const theme = choice === 'system' ? system : choice;
  const toggle = useCallback(() => setTheme(theme === 'dark' ? 'light' : 'dark'), [theme]);
  return { theme, choice, setTheme, toggle };
}
