import type { EventBus } from '../app/event-bus';
import type { RecordStore } from '../storage/record-store';
import type { RunRecord } from './run-record';
import { viewOf } from './run-view';

/**
 * Writes a run and tells the page (`shows.run`, the run state without the board: about 150 bytes a cue). A save resolves once a write that began after it was asked for
 * is committed; saves asked for while one is being written share the next (a burst of 50 answers
 * costs a few writes, not 50), each of the run as it is when that write starts.
 */
export class RunWriter {
  readonly #runs: RecordStore<RunRecord>;
  readonly #events: Pick<EventBus, 'emit'>;
  #writes: Promise<void> = Promise.resolve();
  #dirty = false;

  constructor(runs: RecordStore<RunRecord>, events: Pick<EventBus, 'emit'>) {
    this.#runs = runs;
    this.#events = events;
  }

  save(run: RunRecord): Promise<void> {
    this.#dirty = true;
    this.#writes = this.#writes
      .catch(() => undefined)
      .then(() => {
        if (!this.#dirty) return;
        this.#dirty = false;
        // One event per write too: a burst's page updates are coalesced like its writes.
        this.#events.emit('shows.run', viewOf(run));
        return this.#runs.put(structuredClone(run));
      });
    return this.#writes;
  }
}
