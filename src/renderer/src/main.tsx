// The entry is kept small: the first screen's calls leave as soon as it runs, and the rest of the
// page's code (React DOM, Mantine, the shell) is a second chunk, fetched and evaluated while the host answers.
import { pickTransport } from './api/client';
import { connectStores } from './app/connect-stores';
import { loadFirstScreenData } from './app/first-screen-data';
// In the entry so the stylesheet is linked from index.html and fetched with it, not after the second chunk.
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/spotlight/styles.css';

// Without a transport (no preload, no token) the page shows how to open it instead (App's NoConnection).
const transport = pickTransport();
let firstScreenData: Promise<void> = Promise.resolve();
if (transport) {
  const dispose = connectStores(transport);
  // A page kept for the back button (persisted) comes back still connected.
  window.addEventListener('pagehide', (event) => {
    if (!event.persisted) dispose();
  });
  firstScreenData = loadFirstScreenData();
}

void import('./app/render-app').then(({ renderApp }) => renderApp(firstScreenData));
