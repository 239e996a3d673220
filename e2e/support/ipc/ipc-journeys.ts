/**
 * The core journeys the e2e run repeats with the page on the desktop app's IPC transport (the
 * `e2e over ipc` project): first run, launch, board controls, log, accounts. The same tests as the
 * HTTP run, picked by title, so a journey is never copied; a few, to keep the run short.
 */
const journeys = {
  'first-run.spec.ts': 'a new user launches the sample preset on the sandbox to a TaskId',
  'launch.spec.ts': 'a parameter error and an auth error show their explanations and fixes',
  'tasks.spec.ts': 'pause, resume, volume, tempo, switch and stop a sandbox task from the board',
  'log.spec.ts': 'a call made while the log is open appears live',
  // Not "add a profile …": it counts the page's HTTP answers, which the page over IPC has none of.
  'accounts.spec.ts': 'PrivateMapKey: privileges as named checkboxes, generated, then verified',
};

const literally = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export const ipcJourneys = {
  files: Object.keys(journeys).map((file) => `**/${file}`),
  titles: new RegExp(Object.values(journeys).map(literally).join('|')),
};
