import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { paths } from '@/config/paths';
import { RootErrorPage, RouteErrorPage } from './routes/error';
import { AppLoading, RootLayout } from './routes/root';

/** Pages load on demand; the shell (header, navigation, health indicator) is in the main chunk. */
export const routes: RouteObject[] = [
  {
    element: <RootLayout />,
    // Shown while the first page's code loads (a deep link to a lazy page).
    hydrateFallbackElement: <AppLoading />,
    // Errors in the shell itself replace the whole page.
    errorElement: <RootErrorPage />,
    children: [
      {
        // Errors in a page keep the shell around them.
        errorElement: <RouteErrorPage />,
        children: [
          { path: paths.home.path, element: <Navigate to={paths.health.getHref()} replace /> },
          { path: paths.health.path, lazy: () => import('./routes/health').then((m) => ({ Component: m.HealthRoute })) },
          { path: '*', lazy: () => import('./routes/not-found').then((m) => ({ Component: m.NotFoundRoute })) },
        ],
      },
    ],
  },
];

const router = createBrowserRouter(routes);

export function AppRouter() {
  return <RouterProvider router={router} />;
}
