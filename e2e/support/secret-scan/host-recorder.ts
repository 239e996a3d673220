import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { appendFileSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { currentTest } from './current-test';
import { artefactFile, register } from './run-folder';

export interface HostPlaces {
  dataDir: string;
  keychainService: string;
}

/**
 * Keeps for the secret scan everything a host process gives out: its stdout and stderr, and every event
 * it pushes to pages (a second subscriber gets exactly what the page's stream gets). Registers its data
 * dir and keychain namespace, so the scan reads them after the run and then removes them.
 */
export function recordHostOutput(child: ChildProcess, places: HostPlaces): { attach(url: string, token: string): void } {
  const name = `hosts/${randomUUID()}`;
  const stdoutFile = artefactFile(`${name}.stdout.log`);
  const stderrFile = artefactFile(`${name}.stderr.log`);
  const test = currentTest();
  register({ type: 'host', ...places, test });
  if (stdoutFile && stderrFile) {
    writeFileSync(stdoutFile, '');
    writeFileSync(stderrFile, '');
    register({ type: 'artefact', path: stdoutFile, kind: 'host-output', test });
    register({ type: 'artefact', path: stderrFile, kind: 'host-output', test });
    // Synchronous appends: a worker may end right after the test, before a stream would flush.
    child.stdout?.on('data', (chunk: Buffer) => appendFileSync(stdoutFile, chunk));
    child.stderr?.on('data', (chunk: Buffer) => appendFileSync(stderrFile, chunk));
  }
  return {
    attach(url, token) {
      const eventsFile = artefactFile(`${name}.events.log`);
      if (!eventsFile) return;
      writeFileSync(eventsFile, '');
      register({ type: 'artefact', path: eventsFile, kind: 'events', test });
      const { port } = new URL(url);
      const request = get({ host: '127.0.0.1', port, path: '/events', headers: { Authorization: `Bearer ${token}` } }, (response) => {
        response.on('data', (chunk: Buffer) => appendFileSync(eventsFile, chunk));
        response.on('error', () => {});
      });
      // The host stopping (or being killed by a test) ends the stream; nothing to report.
      request.on('error', () => {});
      child.once('exit', () => request.destroy());
    },
  };
}
