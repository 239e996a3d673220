// The entry is kept small: the first screen's calls leave as soon as it runs, and the rest of the
// page's code (React DOM, Mantine, the shell) is a second chunk, fetched and evaluated while the host answers.
import { firstScreenData } from './app/first-screen-data';
// In the entry so the stylesheet is linked from index.html and fetched with it, not after the second chunk.
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/spotlight/styles.css';

void import('./app/render-app').then(({ renderApp }) => renderApp(firstScreenData));
