import { useTheme } from '@/lib/theme';
import { MoonIcon, SunIcon } from './icons';

/** Switches between light and dark; the choice is remembered. Follows the system until used. */
export function ThemeToggle() {
  const { theme, toggle } = useTheme();
  const next = theme === 'dark' ? 'light' : 'dark';
  const label = `Switch to ${next} theme`;
  return (
    <button type="button" className="icon-button" onClick={toggle} aria-label={label} title={label} data-theme-current={theme}>
      {theme === 'dark' ? <SunIcon /> : <MoonIcon />}
    </button>
  );
}
