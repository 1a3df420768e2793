import { useMemo } from 'react';
import { useTheme } from '@/lib/theme';

const TOKENS = {
  primary: '--color-primary',
  success: '--color-success-strong',
  danger: '--color-danger-strong',
  warning: '--color-warning-strong',
  text: '--color-text',
  muted: '--color-text-secondary',
  grid: '--color-border',
  card: '--color-card',
} as const;

export type ChartColors = Record<keyof typeof TOKENS, string>;

/** The theme's colours as values: SVG attributes set by recharts cannot hold var(--x). */
export function useChartColors(): ChartColors {
  const { theme } = useTheme();
  return useMemo(() => {
    const style = getComputedStyle(document.documentElement);
    return Object.fromEntries(
      Object.entries(TOKENS).map(([name, token]) => [name, style.getPropertyValue(token).trim() || 'currentColor']),
    ) as ChartColors;
    // The theme is the only input that changes the computed tokens.
  }, [theme]);
}
