import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { FluentProvider } from '@fluentui/react-components';
import 'virtual:fluent-theme.css';
import { AuthGate } from './features/auth/AuthGate';
import { queryClient } from './query-client';
import { ConsoleRouter } from './router';

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

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    {/* The height stays a style, not a class: the provider gives its classes to every portal
        (applyStylesToPortals), and a class of 100vh would lay a white sheet over the page with
        each dropdown, menu and tooltip. Its theme is empty: Fluent's light theme is in the stylesheet
        (virtual:fluent-theme.css, from vite.config.ts), its variables on the document's root. */}
    {/* eslint-disable-next-line no-restricted-syntax -- a class would reach the portals too */}
    <FluentProvider theme={{}} style={{ height: '100vh' }}>
      <QueryClientProvider client={queryClient}>
        <AuthGate>
          <ConsoleRouter />
        </AuthGate>
      </QueryClientProvider>
    </FluentProvider>
  </StrictMode>,
);
