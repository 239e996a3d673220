/**
 * Keeps V8's young generation at its starting size (imported first by each main entry: the Electron
 * shell and the browser host). V8 doubles the young generation whenever enough objects have
 * survived its collections, up to 2 x 32 MiB, and does not give it back while the process stays
 * busy; parsing a big library and log at start-up took it to the maximum: about 30 MiB of the
 * process's memory for a heap whose live data is about 25 MiB. Measured on 10,000 media and 100,000
 * log entries: the same CPU time for start-up, indexing and a full export, 30 to 45 MiB less
 * resident memory (docs/log.md). The factor is read by V8 each time it would grow, so it can be set
 * at run time; Electron keeps V8 flags writable after start as Node does.
 */
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--semi-space-growth-factor=1');
