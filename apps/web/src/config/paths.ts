/**
 * The route table: every page the SPA has, with its path pattern and a typed href builder.
 * Pages link with `paths.x.getHref(...)`, never with string literals. Pages another feature
 * adds are declared in app/routes/more-routes.tsx.
 */

/** Only same-site paths may be a post-login destination (no //host, no scheme). */
export function safeNext(next: string | null | undefined): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

export const paths = {
  home: {
    path: '/',
    label: 'Dashboard',
    getHref: () => '/',
  },
  positions: {
    path: '/positions',
    label: 'Positions',
    getHref: () => '/positions',
  },
  position: {
    path: '/positions/:id',
    getHref: (id: string) => `/positions/${encodeURIComponent(id)}`,
  },
  health: {
    path: '/health',
    label: 'System health',
    getHref: () => '/health',
  },
  login: {
    path: '/login',
    getHref: (next?: string) => (next && next !== '/' ? `/login?next=${encodeURIComponent(next)}` : '/login'),
  },
} as const;

export type PathKey = keyof typeof paths;
