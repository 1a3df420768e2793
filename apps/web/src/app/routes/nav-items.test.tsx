import type { Role } from '@dnb/contracts';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { me, renderSignedIn } from '@/testing/render';
import { useNavItems } from './nav-items';

function Nav() {
  return (
    <ul>
      {useNavItems().map((item) => (
        <li key={item.label}>{item.label}</li>
      ))}
    </ul>
  );
}

const labels = (role: Role) => {
  const view = renderSignedIn(<Nav />, me(role));
  const found = screen.getAllByRole('listitem').map((li) => li.textContent);
  view.unmount();
  return found;
};

describe('useNavItems (the shared permission matrix)', () => {
  it('lists for each role only the pages its permissions open', () => {
    const viewer = labels('viewer');
    const admin = labels('admin');
    expect(viewer).toEqual(expect.arrayContaining(['Dashboard', 'Positions', 'System health']));
    expect(viewer).not.toContain('Audit log');
    expect(admin).toEqual(expect.arrayContaining(['Dashboard', 'Positions', 'Audit log', 'System health']));
    expect(admin.length).toBeGreaterThan(viewer.length);
  });
});
