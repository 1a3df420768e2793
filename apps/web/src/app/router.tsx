import { createBrowserRouter, type RouteObject } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { paths } from '@/config/paths';
import { RootErrorPage, RouteErrorPage } from './routes/error';
import { RequirePermission, RequireSession } from './routes/guards';
import { moreRoutes } from './routes/more-routes';
import { corePages } from './routes/nav-items';
import { AppLoading, RootLayout } from './routes/root';

const [dashboardPage, positionsPage] = corePages;

/** Pages load on demand; the shell (header, navigation, indicators) is in the main chunk. */
export const routes: RouteObject[] = [
  {
    path: paths.login.path,
    hydrateFallbackElement: <AppLoading />,
    errorElement: <RootErrorPage />,
    lazy: () => import('./routes/login').then((m) => ({ Component: m.LoginRoute })),
  },
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
          { path: paths.health.path, lazy: () => import('./routes/health').then((m) => ({ Component: m.HealthRoute })) },
          {
            element: <RequireSession />,
            children: [
              {
                element: <RequirePermission permission={dashboardPage.permission} />,
                children: [
                  { path: paths.home.path, lazy: () => import('./routes/dashboard').then((m) => ({ Component: m.DashboardRoute })) },
                ],
              },
              {
                element: <RequirePermission permission={positionsPage.permission} />,
                children: [
                  { path: paths.positions.path, lazy: () => import('./routes/positions').then((m) => ({ Component: m.PositionsRoute })) },
                  { path: paths.position.path, lazy: () => import('./routes/position').then((m) => ({ Component: m.PositionRoute })) },
                ],
              },
              ...moreRoutes.map((route): RouteObject => ({
                element: <RequirePermission permission={route.permission} />,
                children: [{ path: route.path, lazy: route.lazy }],
              })),
            ],
          },
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
