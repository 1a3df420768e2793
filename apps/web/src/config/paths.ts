/**
 * The route table: every page the SPA has, with its path pattern and a typed href builder.
 * Pages link with `paths.x.getHref(...)`, never with string literals.
 */
export const paths = {
  home: {
    path: '/',
    getHref: () => '/',
  },
  health: {
    path: '/health',
    label: 'System health',
    getHref: () => '/health',
  },
} as const;

export type PathKey = keyof typeof paths;

/** Pages listed in the main navigation, in order. Only pages that exist. */
export const navItems = [paths.health] as const satisfies ReadonlyArray<{ path: string; label: string; getHref: () => string }>;
