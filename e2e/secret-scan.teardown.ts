import { expect, test } from '@playwright/test';
import { runFolder } from './support/secret-scan/run-folder';
import { cleanUpAfterScan, leakReport, runSecretScan, summaryLine } from './support/secret-scan/run-scan';

/**
 * Runs after every e2e spec (the "secret scan" teardown project in playwright.config.ts): no SecretKey,
 * SDK secret key, full UserSig or PrivateMapKey the run used may be in any host's data dir (stores,
 * task log, rotated logs, kept-aside files), host output, event stream, page DOM or storage, RPC
 * answer, console or download.
 */
test('no secret the run used is in a data dir, a log, an export, console output, the DOM or the page state', async () => {
  test.setTimeout(180_000);
  const folder = runFolder();
  expect(folder, 'playwright.config.ts sets the run folder').toBeTruthy();
  if (!folder) return;
  const report = await runSecretScan(folder);
  console.log(summaryLine(report));
  console.log(
    `  secrets by source: ${JSON.stringify(report.secretsBySource)}; artefacts by kind: ${JSON.stringify(report.artefactsByKind)}; hosts: ${report.hosts}; full tickets decoded where the ticket tool showed them: ${report.ticketsShownOnRequest}`,
  );
  await cleanUpAfterScan(folder, report);
  expect(report.leaks, `${summaryLine(report)}\n${leakReport(report)}\n(kept for inspection: ${folder})`).toEqual([]);
});
