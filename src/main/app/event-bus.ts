import type { EventMap, EventName } from '../../shared/contract';

type Listener = <E extends EventName>(event: E, payload: EventMap[E]) => void;

/** Events main pushes to every connected page (IPC windows, browser-host streams). */
export class EventBus {
  readonly #listeners = new Set<Listener>();

  emit<E extends EventName>(event: E, payload: EventMap[E]): void {
    for (const listener of this.#listeners) listener(event, payload);
  }

  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
