import type { ReactNode } from 'react';
import { NavLink } from 'react-router';
import { roleCan, useSession } from '@/lib/auth/use-session';
import '@/styles/pages.css';
import { visibleTabs } from '../settings-tabs';

/** The Settings frame: a heading and the sub-pages this role may open (the others are not offered). */
export function SettingsLayout({ title, children }: { title: string; children: ReactNode }) {
  const role = useSession().user?.role;
  const tabs = visibleTabs((permission) => roleCan(role, permission));
  return (
    <div className="page">
      <title>{`${title} · Settings · Delta Neutral Control Center`}</title>
      <div className="page-header stack">
        <h1>Settings</h1>
        <nav aria-label="Settings sections">
          <div className="segmented">
            {tabs.map((tab) => (
              <NavLink key={tab.key} to={tab.path}>
                {tab.label}
              </NavLink>
            ))}
          </div>
        </nav>
      </div>
      {children}
    </div>
  );
}
