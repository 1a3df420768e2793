import { useEffect, useId, useState, type ReactNode } from 'react';
import { Link, NavLink, useLocation } from 'react-router';
import { CloseIcon, LogoMark, MenuIcon } from '@/components/ui/icons';
import { ThemeToggle } from '@/components/ui/theme-toggle';
import { localTimeZone } from '@/lib/time';

export interface NavItem {
  label: string;
  getHref: () => string;
}

interface AppShellProps {
  homeHref: string;
  nav: readonly NavItem[];
  /** Connection / health indicators shown in the header on every page. */
  indicator?: ReactNode;
  /** Who is signed in, with sign out (absent on public pages for visitors). */
  account?: ReactNode;
  /** Shown above the page, below the header, on every page (e.g. the pause banner). */
  banner?: ReactNode;
  children: ReactNode;
}

export const PRODUCT_NAME = 'Delta Neutral Control Center';

/**
 * Header (brand, status, account, theme), navigation (a sidebar on wide screens, a menu behind a
 * button on phones and tablets), main content and footer (spec 4.1, 4.3).
 */
export function AppShell({ homeHref, nav, indicator, account, banner, children }: AppShellProps) {
  const [menuOpen, setMenuOpen] = useState(false);
  const navId = useId();
  const location = useLocation();

  // Close the mobile menu after navigating or on Escape.
  useEffect(() => setMenuOpen(false), [location.pathname]);
  useEffect(() => {
    if (!menuOpen) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setMenuOpen(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [menuOpen]);

  return (
    <div className="app-shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <div className="app-header-inner">
          <button
            type="button"
            className="icon-button menu-button"
            aria-expanded={menuOpen}
            aria-controls={navId}
            aria-label={menuOpen ? 'Close menu' : 'Open menu'}
            onClick={() => setMenuOpen((open) => !open)}
          >
            {menuOpen ? <CloseIcon /> : <MenuIcon />}
          </button>
          <Link to={homeHref} className="brand">
            <LogoMark size={22} className="brand-mark" />
            <span className="brand-name">{PRODUCT_NAME}</span>
          </Link>
          <nav id={navId} className="app-nav" data-open={menuOpen} aria-label="Main">
            <ul>
              {nav.map((item) => (
                <li key={item.getHref()}>
                  <NavLink to={item.getHref()} end={item.getHref() === homeHref} className="nav-link">
                    {item.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <div className="header-actions">
            {indicator}
            <ThemeToggle />
            {account}
          </div>
        </div>
      </header>
      <div className="app-body">
        {banner}
        <main id="main" className="app-main" tabIndex={-1}>
          {children}
        </main>
        <footer className="app-footer">
          <p>Times are shown in your time zone ({localTimeZone()}); hover a time for UTC.</p>
        </footer>
      </div>
    </div>
  );
}
