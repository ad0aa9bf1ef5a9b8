import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { QueryClientProvider } from '@tanstack/react-query';
import { FluentProvider, makeStyles, webLightTheme } from '@fluentui/react-components';
import { AuthGate } from './features/auth/AuthGate';
import { meQuery } from './features/auth/session';
import { queryClient } from './query-client';
import { router } from './router';

// A page opened before the server was updated asks for chunks of the old build, which are gone:
// loading the page again brings the new build (once; a second failure is shown as an error).
window.addEventListener('vite:preloadError', (event) => {
  if (
    sessionStorage.getItem('dpm.reloadedForBuild') ===
    document.querySelector('script[type="module"]')?.getAttribute('src')
  )
    return;
  sessionStorage.setItem(
    'dpm.reloadedForBuild',
    document.querySelector('script[type="module"]')?.getAttribute('src') ?? '',
  );
  event.preventDefault();
  window.location.reload();
});

// Who is signed in is asked at once, alongside the first page's code and data (see router.tsx).
void queryClient.prefetchQuery(meQuery());

const useStyles = makeStyles({ console: { height: '100vh' } });

/** The console in Fluent's light theme, as high as the window. */
function Console() {
  const styles = useStyles();
  return (
    <FluentProvider theme={webLightTheme} className={styles.console}>
      <QueryClientProvider client={queryClient}>
        <AuthGate>
          <RouterProvider router={router} />
        </AuthGate>
      </QueryClientProvider>
    </FluentProvider>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <Console />
  </StrictMode>,
);
