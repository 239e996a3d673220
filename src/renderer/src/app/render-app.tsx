import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';

/** How long the first render waits for the host's answers before it shows loading states instead. */
const firstDataWaitMs = 500;

/**
 * Renders the app once the first screen's data is there (one render with the data, rather than a
 * loading render then a second one), or after `firstDataWaitMs`: a slow host (a keychain prompt,
 * say) still gets its loading states.
 */
export async function renderApp(firstScreenData: Promise<void>): Promise<void> {
  await Promise.race([firstScreenData, new Promise((resolve) => setTimeout(resolve, firstDataWaitMs))]);
  const root = document.getElementById('root');
  if (!root) return;
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
